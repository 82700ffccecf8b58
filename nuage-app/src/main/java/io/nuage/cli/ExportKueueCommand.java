package io.nuage.cli;

import io.nuage.broker.ClusterMap;
import io.nuage.broker.launch.Artifacts;
import io.nuage.broker.launch.BrokerExport;
import io.nuage.broker.launch.ClusterMapFile;
import io.nuage.core.NuageException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage export kueue PLAN.json --scenario S --month M | --months A..B --out DIR}. */
@Command(
    name = "kueue",
    mixinStandardHelpOptions = true,
    header = "Writes Kueue flavors, queues and quotas for each month.",
    description =
        "Kueue ResourceFlavors per cluster, accelerator and capacity kind, a ClusterQueue and"
            + " LocalQueue per geography with flavors by marginal cost and the plan's GPUs as"
            + " nominal quotas, and MultiKueue objects for several clusters; one set per month"
            + " under DIR/YYYY-MM/, all validated against Kueue's CRD schemas before any is written.")
final class ExportKueueCommand implements Callable<Integer> {
  private static final java.util.regex.Pattern NAMESPACE =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  @Spec CommandSpec spec;
  @Mixin ExportInput input;

  static final class Months {
    @Option(names = "--month", paramLabel = "YYYY-MM", description = "one month")
    @Nullable String month;

    @Option(names = "--months", paramLabel = "A..B", description = "every month from A to B")
    @Nullable String months;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Months months;

  @Option(
      names = "--clusters",
      paramLabel = "FILE",
      description =
          "which Kubernetes cluster stands for which region (default: one per planned region,"
              + " named after it)")
  @Nullable Path clusters;

  @Option(
      names = "--namespace",
      defaultValue = "default",
      description = "the LocalQueues' namespace (a DNS-1123 label)")
  String namespace = "default";

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "folder to write into")
  Path out;

  @Override
  public Integer call() {
    List<YearMonth> list = months();
    if (!NAMESPACE.matcher(namespace).matches())
      throw new NuageException(
          "--namespace: not a Kubernetes namespace (got \""
              + namespace
              + "\", expected a DNS-1123 label: lower-case letters, digits and '-', starting and"
              + " ending with a letter or digit, at most 63 characters)");
    ExportInput.Read r = input.read();
    ClusterMap map = clusters == null ? null : ClusterMapFile.read(clusters, r.scenario());
    String source = clusters == null ? "the default cluster map" : clusters.toString();
    Artifacts files =
        BrokerExport.kueue(
            r.scenario(),
            r.plan(),
            list,
            months.month != null ? "--month" : "--months",
            map,
            source,
            namespace,
            r.schemas());
    files.writeTo(out, "--out");
    spec.commandLine()
        .getErr()
        .println(
            "wrote "
                + files.files().size()
                + " Kueue objects for "
                + list.size()
                + " month(s) to "
                + out
                + " (valid against "
                + r.schemas().dir()
                + ")");
    return 0;
  }

  private List<YearMonth> months() {
    if (months.month != null) return List.of(month("--month", months.month));
    String range = months.months;
    int dots = range.indexOf("..");
    if (dots < 0)
      throw new NuageException(
          "--months: not a range (got " + range + ", expected A..B, e.g. 2027-01..2027-12)");
    YearMonth a = month("--months", range.substring(0, dots));
    YearMonth b = month("--months", range.substring(dots + 2));
    if (b.isBefore(a))
      throw new NuageException(
          "--months: " + b + " is before " + a + " (expected A..B with A first)");
    List<YearMonth> all = new ArrayList<>();
    for (YearMonth m = a; !m.isAfter(b); m = m.plusMonths(1)) all.add(m);
    return all;
  }

  private static YearMonth month(String option, String s) {
    try {
      return YearMonth.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new NuageException(option + ": not a month (got " + s + ", expected YYYY-MM)");
    }
  }
}
