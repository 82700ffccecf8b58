package io.nuage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nuage.broker.launch.KueueImport;
import io.nuage.catalog.CapacityStep;
import io.nuage.core.NuageException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nuage import kueue DIR}: prints the capacity section of a scenario. */
@Command(
    name = "kueue",
    mixinStandardHelpOptions = true,
    header = "Prints a folder's Kueue GPU quotas as capacity steps.",
    description =
        "Reads Kueue ResourceFlavors and ClusterQueues (*.yaml under DIR) and prints their"
            + " nvidia.com/gpu quotas as a scenario's capacity steps (region, accelerator, from,"
            + " gpus).")
final class ImportKueueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "a folder of Kueue manifests")
  Path dir;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "the month of queues without a nuage.io/month annotation")
  @Nullable String from;

  @Option(
      names = "--format",
      defaultValue = "yaml",
      paramLabel = "yaml|json",
      description = "yaml (default) or json")
  String format = "yaml";

  @Override
  public Integer call() throws Exception {
    if (!format.equals("yaml") && !format.equals("json"))
      throw new NuageException("--format: unknown (got " + format + ", expected yaml or json)");
    YearMonth month = null;
    if (from != null) {
      try {
        month = YearMonth.parse(from);
      } catch (DateTimeParseException e) {
        throw new NuageException("--from: not a month (got " + from + ", expected YYYY-MM)");
      }
    }
    List<CapacityStep> steps = KueueImport.read(dir, month);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode capacity = root.putArray("capacity");
    Map<String, ArrayNode> byCell = new LinkedHashMap<>();
    for (CapacityStep s : steps) {
      ArrayNode list =
          byCell.computeIfAbsent(
              s.region() + "|" + s.accelerator(),
              k -> {
                ObjectNode cell = capacity.addObject();
                cell.put("region", s.region());
                cell.put("accelerator", s.accelerator());
                return cell.putArray("steps");
              });
      list.addObject().put("from", s.from().toString()).put("gpus", s.gpus());
    }
    var out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(root));
    } else {
      YAMLMapper yaml =
          new YAMLMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build());
      out.println("# capacity read from the Kueue quotas in " + dir + " (nuage import kueue)");
      out.print(yaml.writeValueAsString(root));
    }
    out.flush();
    return 0;
  }
}
