package io.nuage.broker.launch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.broker.BrokerPlan;
import io.nuage.broker.Candidate;
import io.nuage.broker.CellTerms;
import io.nuage.broker.FleetTask;
import io.nuage.broker.FleetTasks;
import io.nuage.broker.RunCandidates;
import io.nuage.core.NuageException;
import io.nuage.workload.TrainingRun;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Predicate;

/**
 * One SkyPilot task YAML per training run the plan places ({@code resources.ordered}: the plan's
 * placement, then the alternatives by marginal cost) and one per inference fleet and geography (the
 * regions the plan serves it from, largest first, with the GPUs per month in comments).
 */
final class SkyPilotTasks {
  /** GPUs per node SkyPilot is asked for: the 8-GPU servers of H100, H200 and B200. */
  static final int GPUS_PER_NODE = 8;

  private SkyPilotTasks() {}

  /** The tasks, by file name, validated; {@link BrokerExport} writes them. */
  static SequencedMap<String, ObjectNode> documents(
      CellTerms terms,
      BrokerPlan plan,
      Predicate<String> skyPilotKnows,
      Map<String, List<String>> comments) {
    SequencedMap<String, ObjectNode> out = new LinkedHashMap<>();
    RunCandidates candidates = new RunCandidates(terms, plan);
    for (TrainingRun run : terms.scenario().workloads(TrainingRun.class)) {
      List<Candidate> all = candidates.of(run);
      if (all.isEmpty()) continue;
      String file = run.id() + ".yaml";
      Candidate planned = all.getFirst();
      if (!skyPilotKnows.test(planned.infra()))
        throw unknownCloud(file, "training run " + run.id(), planned.infra());
      List<Candidate> list = all.stream().filter(c -> skyPilotKnows.test(c.infra())).toList();
      List<Candidate> left = all.stream().filter(c -> !skyPilotKnows.test(c.infra())).toList();
      put(out, file, runTask(run, list));
      List<String> comment = runComment(plan, run, list);
      if (!left.isEmpty()) {
        comment.add("");
        comment.add(
            "Left out: clouds SkyPilot does not know (its infra pattern), by marginal cost:");
        for (Candidate c : left)
          comment.add(
              "   "
                  + c.infra()
                  + " "
                  + c.accelerator()
                  + " "
                  + months(c.start(), c.end())
                  + ": marginal $"
                  + money(c.marginalCost()));
      }
      comments.put(file, comment);
    }
    for (FleetTask f : FleetTasks.of(terms, plan)) {
      String file =
          "fleet-" + f.fleet() + "-" + f.geography().toLowerCase(java.util.Locale.ROOT) + ".yaml";
      for (FleetTask.Cell c : f.cells())
        if (!skyPilotKnows.test(c.region()))
          throw unknownCloud(file, "inference fleet " + f.fleet(), c.region());
      put(out, file, fleetTask(f));
      comments.put(file, fleetComment(plan, f));
    }
    return out;
  }

  private static void put(SequencedMap<String, ObjectNode> out, String file, ObjectNode task) {
    if (out.putIfAbsent(file, task) != null)
      throw new NuageException(
          file
              + ": two tasks would be written to this file (workload or geography names that"
              + " differ only in case; expected names distinct once lower-cased)");
  }

  private static NuageException unknownCloud(String file, String workload, String region) {
    return new NuageException(
        file
            + ": the plan places "
            + workload
            + " in "
            + region
            + ", a cloud SkyPilot does not know (expected a provider its task schema's infra"
            + " pattern accepts, e.g. oci, azure, gcp, aws, lambda, nebius); nothing written");
  }

  static int nodes(int gpus) {
    return gpus < GPUS_PER_NODE ? 1 : (gpus + GPUS_PER_NODE - 1) / GPUS_PER_NODE;
  }

  static int perNode(int gpus) {
    return Math.min(gpus, GPUS_PER_NODE);
  }

  private static ObjectNode runTask(TrainingRun run, List<Candidate> list) {
    ObjectNode task = LaunchYaml.object();
    task.put("name", run.id());
    task.put("num_nodes", nodes(run.gpus()));
    ArrayNode ordered = task.putObject("resources").putArray("ordered");
    for (Candidate c : list) {
      ObjectNode r = ordered.addObject();
      r.put("infra", c.infra());
      r.put("accelerators", c.accelerator() + ":" + perNode(run.gpus()));
      r.put("use_spot", false);
    }
    ObjectNode envs = task.putObject("envs");
    envs.put("NUAGE_WORKLOAD", run.id());
    envs.put("NUAGE_PLANNED_START", list.getFirst().start().toString());
    return task;
  }

  private static List<String> runComment(BrokerPlan plan, TrainingRun run, List<Candidate> list) {
    List<String> lines = new ArrayList<>();
    lines.add("Nuage broker: training run " + run.id() + " of plan " + plan.scenario());
    lines.add(
        run.gpus()
            + " GPUs ("
            + nodes(run.gpus())
            + " nodes of "
            + perNode(run.gpus())
            + "), window "
            + run.earliestStart()
            + ".."
            + run.deadline()
            + ".");
    lines.add("Candidates in order: the plan's placement, then the others by marginal cost at");
    lines.add("the plan's shadow prices (what the plan would cost more there, docs/broker.md).");
    lines.add("");
    int rank = 1;
    for (Candidate c : list) {
      lines.add(
          rank++
              + ". "
              + c.infra()
              + " "
              + c.accelerator()
              + " "
              + months(c.start(), c.end())
              + (c.planned() ? " (the plan's placement)" : "")
              + ": marginal $"
              + money(c.marginalCost())
              + ", stand-alone $"
              + money(c.standAloneCost()));
      lines.add(
          "   draws down "
              + (c.drawsDown() == null ? "no contract" : c.drawsDown())
              + ": "
              + c.why());
    }
    return lines;
  }

  /** Dollars with thousands separators, exact (the value is already to the cent). */
  private static String money(java.math.BigDecimal v) {
    var f =
        new java.text.DecimalFormat(
            "#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    return f.format(v);
  }

  private static String months(YearMonth start, YearMonth end) {
    return start.equals(end) ? "in " + start : start + ".." + end;
  }

  private static ObjectNode fleetTask(FleetTask f) {
    ObjectNode task = LaunchYaml.object();
    task.put("name", f.fleet() + "-" + f.geography().toLowerCase(java.util.Locale.ROOT));
    ArrayNode ordered = task.putObject("resources").putArray("ordered");
    for (FleetTask.Cell c : f.cells()) {
      ObjectNode r = ordered.addObject();
      r.put("infra", c.region());
      r.put("accelerators", c.accelerator() + ":" + GPUS_PER_NODE);
      r.put("use_spot", false);
    }
    ObjectNode envs = task.putObject("envs");
    envs.put("NUAGE_FLEET", f.fleet());
    envs.put("NUAGE_GEOGRAPHY", f.geography());
    return task;
  }

  private static List<String> fleetComment(BrokerPlan plan, FleetTask f) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Nuage broker: inference fleet "
            + f.fleet()
            + " in "
            + f.geography()
            + " of plan "
            + plan.scenario());
    lines.add("Regions in order of the fleet's planned GPU-hours; the plan's GPUs per month");
    lines.add("(average GPUs busy, rounded up) per candidate:");
    int rank = 1;
    for (FleetTask.Cell c : f.cells()) {
      lines.add(
          rank++
              + ". "
              + c.region()
              + " "
              + c.accelerator()
              + ": "
              + c.gpuHours().toPlainString()
              + " GPU-hours");
      StringBuilder row = new StringBuilder("  ");
      int n = 0;
      for (var e : c.gpusByMonth().entrySet()) {
        if (n > 0 && n % 6 == 0) {
          lines.add(row.toString());
          row = new StringBuilder("  ");
        }
        row.append(' ').append(e.getKey()).append('=').append(e.getValue());
        n++;
      }
      lines.add(row.toString());
    }
    return lines;
  }
}
