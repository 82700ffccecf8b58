package io.nuage.catalog.imports;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import io.nuage.catalog.imports.ImportReport.FileReport;
import io.nuage.catalog.imports.ImportReport.IgnoredFile;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Imports GPU price files (SkyPilot {@code vms.csv}, the AWS flat price CSV) into offerings. All or
 * nothing: every problem of every file is collected, then thrown as one {@link
 * ValidationException}. See docs/catalog.md for formats, rounding and names.
 */
public final class CatalogImporter {
  static final List<String> PROVIDERS =
      List.of(
          "oci",
          "azure",
          "gcp",
          "aws",
          "lambda",
          "nebius",
          "vast",
          "mithril",
          "hyperbolic",
          "runpod");

  private final List<Problem> problems = new ArrayList<>();
  private final List<FileTally> tallies = new ArrayList<>();
  private final List<IgnoredFile> ignored = new ArrayList<>();
  private final OfferingSink sink = new OfferingSink();
  private final GcpCombiner gcp = new GcpCombiner();
  private final PriceFileReader files = new PriceFileReader(problems, tallies, sink, gcp);

  private CatalogImporter() {}

  /** The provider ids a price file may be named after ({@code oci}, {@code aws}, ...). */
  public static List<String> knownProviders() {
    return PROVIDERS;
  }

  /**
   * Imports files and folders (folders recursively, every {@code *.csv} in name order).
   *
   * @throws ValidationException listing every problem, each located as FILE:LINE: field
   */
  public static ImportResult importPaths(List<Path> paths) {
    CatalogImporter importer = new CatalogImporter();
    for (Path path : paths) {
      importer.importPath(path);
    }
    importer.gcp.combine(importer.sink);
    if (!importer.problems.isEmpty()) {
      throw new ValidationException(inReadingOrder(importer.problems));
    }
    List<Offering> offerings = importer.sink.offerings();
    List<FileReport> files = importer.tallies.stream().map(FileTally::report).toList();
    return new ImportResult(
        providersOf(offerings),
        regionsOf(offerings),
        acceleratorsOf(offerings),
        offerings,
        new ImportReport(files, importer.ignored));
  }

  private void importPath(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        List<Path> found = walk.filter(Files::isRegularFile).sorted().toList();
        if (found.stream().noneMatch(CatalogImporter::isCsv)) {
          problems.add(
              fileProblem(
                  path, "no price files in folder (got 0 *.csv files, expected at least one)"));
        }
        for (Path file : found) {
          if (isCsv(file)) {
            files.read(file);
          } else {
            ignored.add(new IgnoredFile(file.toString(), ignoredReason(file)));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        problems.add(
            fileProblem(
                path,
                "cannot read folder (got "
                    + e.getClass().getSimpleName()
                    + ", expected a readable folder)"));
      }
    } else if (!Files.exists(path)) {
      problems.add(
          fileProblem(
              path, "no such file or folder (got " + path + ", expected a price file or folder)"));
    } else if (!isCsv(path)) {
      problems.add(
          fileProblem(
              path,
              "not a price file (got "
                  + path.getFileName()
                  + ", expected a .csv: a SkyPilot vms.csv or the AWS flat price CSV)"));
    } else {
      files.read(path);
    }
  }

  static boolean isCsv(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private static String ignoredReason(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.equals("aws_gpu_instances.json")) {
      return "the JSON source of the AWS flat price CSV: same prices, imported from the CSV";
    }
    return "not a .csv price file";
  }

  static Problem fileProblem(Path path, String message) {
    return new Problem(path.toString(), 0, 0, "file", message);
  }

  private static List<Provider> providersOf(List<Offering> offerings) {
    return offerings.stream().map(Offering::provider).distinct().map(Provider::of).toList();
  }

  private static List<Region> regionsOf(List<Offering> offerings) {
    Map<String, Region> regions = new LinkedHashMap<>();
    for (Offering o : offerings) {
      regions.computeIfAbsent(
          o.region(),
          id -> {
            String name = id.substring(o.provider().length() + 1);
            return new Region(id, o.provider(), Geographies.of(o.provider(), name));
          });
    }
    return List.copyOf(regions.values());
  }

  private static List<Accelerator> acceleratorsOf(List<Offering> offerings) {
    Set<String> names = new HashSet<>();
    offerings.forEach(o -> names.add(o.accelerator()));
    return AcceleratorMapping.all().stream().filter(a -> names.contains(a.name())).toList();
  }

  /** File by file in the order first met, then by line (stable): the order a person fixes them. */
  private static List<Problem> inReadingOrder(List<Problem> problems) {
    var fileOrder = new LinkedHashMap<String, Integer>();
    problems.forEach(p -> fileOrder.putIfAbsent(p.file(), fileOrder.size()));
    return problems.stream()
        .sorted(
            Comparator.<Problem>comparingInt(p -> fileOrder.get(p.file()))
                .thenComparingInt(Problem::line))
        .toList();
  }
}
