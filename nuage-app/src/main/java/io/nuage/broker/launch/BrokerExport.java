package io.nuage.broker.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.broker.BrokerPlan;
import io.nuage.broker.CellTerms;
import io.nuage.broker.ClusterMap;
import io.nuage.broker.KueueMonth;
import io.nuage.broker.KueueQuotas;
import io.nuage.broker.PlannedRow;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The two exports of a plan: SkyPilot tasks and Kueue manifests. Every document is built and
 * validated against its launcher's schema in memory first; one that would not validate fails the
 * whole export, so nothing is written (docs/broker.md).
 */
public final class BrokerExport {
  private BrokerExport() {}

  /** One task YAML per training run and per fleet geography. */
  public static Artifacts skypilot(Scenario scenario, BrokerPlan plan, LauncherSchemas schemas) {
    Map<String, List<String>> comments = new HashMap<>();
    Map<String, Boolean> known = new HashMap<>();
    SequencedMap<String, ObjectNode> docs =
        SkyPilotTasks.documents(
            new CellTerms(scenario),
            plan,
            infra -> known.computeIfAbsent(infra, i -> skyPilotKnows(schemas, i)),
            comments);
    List<String> problems = new ArrayList<>();
    docs.forEach(
        (file, task) -> {
          note(problems, file, schemas.problems(LauncherSchemas.TASK, task));
          JsonNode resources = task.get("resources");
          if (resources != null)
            note(problems, file, schemas.problems(LauncherSchemas.RESOURCES, resources));
        });
    return artifacts(docs, comments, problems, "SkyPilot's task schema");
  }

  /**
   * The Kueue objects of each month, under {@code YYYY-MM/}.
   *
   * @param monthSource where the months came from, for messages ({@code --month}, {@code --months},
   *     the query parameter {@code month})
   * @param clusters the cluster map, null for one cluster per planned region named after it
   * @param mapSource where the map came from, for messages (e.g. {@code --clusters FILE})
   */
  public static Artifacts kueue(
      Scenario scenario,
      BrokerPlan plan,
      List<YearMonth> months,
      String monthSource,
      @Nullable ClusterMap clusters,
      String mapSource,
      String namespace,
      LauncherSchemas schemas) {
    CellTerms terms = new CellTerms(scenario);
    KueueQuotas quotas = new KueueQuotas(terms, plan);
    ClusterMap map = clusters;
    if (map == null) {
      TreeSet<String> regions = new TreeSet<>();
      plan.rows().stream().map(PlannedRow::region).forEach(regions::add);
      map = ClusterMap.named(regions);
    }
    SequencedMap<String, ObjectNode> docs = new LinkedHashMap<>();
    for (YearMonth m : months) {
      KueueMonth month = quotas.of(m, map, mapSource, monthSource);
      docs.putAll(KueueManifests.documents(month, namespace, plan.scenario()));
    }
    List<String> problems = new ArrayList<>();
    docs.forEach(
        (file, o) ->
            note(
                problems,
                file,
                schemas.problems(LauncherSchemas.kueue(o.get("kind").asText()), o)));
    Map<String, List<String>> comments = new HashMap<>();
    for (String file : docs.keySet())
      if (KueueManifests.isMultiKueueConfig(file))
        comments.put(file, KueueManifests.MULTIKUEUE_NOTE);
    return artifacts(docs, comments, problems, "Kueue's CRD schemas");
  }

  /** Whether SkyPilot's resources schema accepts {@code infra} (its pattern lists its clouds). */
  private static boolean skyPilotKnows(LauncherSchemas schemas, String infra) {
    ObjectNode probe = LaunchYaml.object();
    probe.put("infra", infra);
    return schemas.problems(LauncherSchemas.RESOURCES, probe).isEmpty();
  }

  private static void note(List<String> problems, String file, List<String> found) {
    for (String p : found) problems.add(file + ": " + p);
  }

  private static Artifacts artifacts(
      SequencedMap<String, ObjectNode> docs,
      Map<String, List<String>> comments,
      List<String> problems,
      String against) {
    if (!problems.isEmpty())
      throw new NuageException(
          problems.size()
              + " problem(s) against "
              + against
              + ", nothing written:\n  "
              + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
              + (problems.size() > 20 ? "\n  ..." : ""));
    SequencedMap<String, String> files = new LinkedHashMap<>();
    docs.forEach(
        (file, o) -> files.put(file, LaunchYaml.write(o, comments.getOrDefault(file, List.of()))));
    return new Artifacts(files);
  }
}
