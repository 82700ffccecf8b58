package io.nuage.cli;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.imports.AcceleratorMapping;
import io.nuage.catalog.imports.CatalogImporter;
import io.nuage.catalog.imports.ImportResult;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage catalog --import PATH...}: imported offerings, cheapest first. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    header = "Lists GPU offerings from SkyPilot and AWS price files, cheapest first.",
    description =
        "Imports GPU price files (SkyPilot vms.csv, the AWS flat price CSV) and lists the"
            + " offerings cheapest first, with the rows left out by reason. Exit code 2 for a"
            + " file that cannot be read or imported. See docs/catalog.md.")
final class CatalogCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--import",
      arity = "1..*",
      required = true,
      paramLabel = "PATH",
      description = "Price files or folders (searched recursively for *.csv).")
  List<Path> imports = new ArrayList<>();

  @Option(
      names = "--accelerator",
      paramLabel = "NAME",
      description = "A family (H100: H100, H100-SXM, H100-MEGA-80GB, ...) or one variant.")
  @Nullable String accelerator;

  @Option(names = "--provider", paramLabel = "NAME", description = "A provider id (oci, aws, ...).")
  @Nullable String provider;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "A region, as provider/region (oci/us-phoenix-1) or its bare name.")
  @Nullable String region;

  @Option(names = "--pricing", paramLabel = "KIND", description = "on-demand, spot or reserved-1y.")
  @Nullable String pricing;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json or csv.")
  String format = "table";

  @Option(names = "--limit", paramLabel = "N", description = "List at most N offerings.")
  @Nullable Integer limit;

  @Override
  public Integer call() {
    OfferingFilter filter = filter();
    CatalogFormat output = format();
    ImportResult result = CatalogImporter.importPaths(imports);
    List<Offering> matching =
        result.offerings().stream().filter(filter).sorted(CHEAPEST_FIRST).toList();
    List<Offering> shown =
        limit == null ? matching : matching.subList(0, Math.min(limit, matching.size()));
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    switch (output) {
      case TABLE -> {
        out.print(OfferingTable.render(shown, matching.size()));
        out.print(ImportSummary.render(result.report()));
      }
      case JSON -> {
        out.println(OfferingJson.render(shown, matching.size(), result.report()));
        err.print(ImportSummary.render(result.report()));
      }
      case CSV -> {
        out.print(OfferingCsv.render(shown));
        err.print(ImportSummary.render(result.report()));
      }
    }
    out.flush();
    err.flush();
    return 0;
  }

  static final Comparator<Offering> CHEAPEST_FIRST =
      Comparator.comparing(Offering::pricePerGpuHour)
          .thenComparing(Offering::provider)
          .thenComparing(Offering::region)
          .thenComparing(Offering::accelerator)
          .thenComparing(Offering::pricing)
          .thenComparing(Offering::instanceType);

  private OfferingFilter filter() {
    List<Problem> problems = new ArrayList<>();
    Predicate<Offering> test = o -> true;
    if (accelerator != null) {
      String wanted = accelerator.strip();
      boolean known =
          AcceleratorMapping.all().stream()
              .anyMatch(
                  a -> a.name().equalsIgnoreCase(wanted) || a.family().equalsIgnoreCase(wanted));
      if (!known) {
        problems.add(
            option(
                "--accelerator",
                "unknown accelerator (got "
                    + wanted
                    + ", expected a family or variant of docs/catalog.md such as H100, H100-SXM,"
                    + " A100-80GB, MI300X)"));
      }
      test = test.and(o -> OfferingFilter.acceleratorMatches(o, wanted));
    }
    if (provider != null) {
      String wanted = provider.strip().toLowerCase(Locale.ROOT);
      if (!CatalogImporter.knownProviders().contains(wanted)) {
        problems.add(
            option(
                "--provider",
                "unknown provider (got "
                    + provider
                    + ", expected one of "
                    + String.join(", ", CatalogImporter.knownProviders())
                    + ")"));
      }
      test = test.and(o -> o.provider().equals(wanted));
    }
    if (region != null) {
      String wanted = region.strip().toLowerCase(Locale.ROOT);
      test = test.and(o -> o.region().equals(wanted) || o.region().endsWith("/" + wanted));
    }
    if (pricing != null) {
      try {
        PricingKind kind = PricingKind.fromLabel(pricing.strip().toLowerCase(Locale.ROOT));
        test = test.and(o -> o.pricing() == kind);
      } catch (IllegalArgumentException e) {
        problems.add(option("--pricing", e.getMessage()));
      }
    }
    if (limit != null && limit < 1) {
      problems.add(option("--limit", "must be at least 1 (got " + limit + ", expected N >= 1)"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new OfferingFilter(test);
  }

  private CatalogFormat format() {
    try {
      return CatalogFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          option("--format", "unknown format (got " + format + ", expected table, json or csv)"));
    }
  }

  private static Problem option(String name, String message) {
    return new Problem("nuage catalog", 0, 0, name, message);
  }

  enum CatalogFormat {
    TABLE,
    JSON,
    CSV
  }
}
