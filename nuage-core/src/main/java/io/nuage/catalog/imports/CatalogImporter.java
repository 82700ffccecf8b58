package io.nuage.catalog.imports;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.imports.ImportReport.FileReport;
import io.nuage.catalog.imports.ImportReport.IgnoredFile;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
      throw new ValidationException(importer.problems);
    }
    List<Offering> offerings = importer.sink.offerings();
    List<FileReport> files = importer.tallies.stream().map(FileTally::report).toList();
    return new ImportResult(
        offerings, acceleratorsOf(offerings), new ImportReport(files, importer.ignored));
  }

  private void importPath(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          if (isCsv(file)) {
            importFile(file);
          } else {
            ignored.add(new IgnoredFile(file.toString(), ignoredReason(file)));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        problems.add(fileProblem(path, "cannot read folder (got " + e.getMessage() + ")"));
      }
    } else if (!Files.exists(path)) {
      problems.add(fileProblem(path, "no such file or folder (got " + path + ")"));
    } else if (!isCsv(path)) {
      problems.add(
          fileProblem(
              path,
              "not a price file (got "
                  + path.getFileName()
                  + ", expected a .csv: a SkyPilot vms.csv or the AWS flat price CSV)"));
    } else {
      importFile(path);
    }
  }

  private void importFile(Path path) {
    String file = path.toString();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          new Problem(
              file, 0, 0, "file", "not UTF-8 text (got undecodable bytes, expected a CSV)"));
      return;
    } catch (IOException e) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "file",
              "cannot read (got " + e.getClass().getSimpleName() + ", expected a readable file)"));
      return;
    }
    Optional<CsvTable> parsed;
    try {
      parsed = CsvTable.parse(text);
    } catch (CsvTable.UnterminatedQuote e) {
      problems.add(
          new Problem(
              file,
              e.line,
              0,
              "row",
              "unterminated quoted field (got a \" with no closing \", expected a closing quote)"));
      return;
    }
    if (parsed.isEmpty()) {
      problems.add(
          new Problem(
              file,
              1,
              0,
              "header",
              "empty file (got no header line, expected a CSV header and rows)"));
      return;
    }
    readTable(file, path, parsed.get());
  }

  private void readTable(String file, Path path, CsvTable table) {
    List<String> header = table.header();
    boolean aws = header.contains("GpuModel") || header.contains("OnDemandPrice");
    boolean skyPilot = header.contains("AcceleratorName") || header.contains("InstanceType");
    if (!aws && !skyPilot) {
      problems.add(
          new Problem(
              file,
              1,
              0,
              "header",
              "not a known price file (got columns "
                  + String.join(",", header)
                  + ", expected a SkyPilot vms.csv header with "
                  + String.join(",", SkyPilotFile.REQUIRED)
                  + " or the AWS flat CSV header with "
                  + String.join(",", AwsFlatFile.REQUIRED)
                  + ")"));
      return;
    }
    List<String> required = aws ? AwsFlatFile.REQUIRED : SkyPilotFile.REQUIRED;
    List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
    for (String column : missing) {
      problems.add(
          new Problem(
              file,
              1,
              0,
              column,
              "missing required column (got columns "
                  + String.join(",", header)
                  + ", expected a column named "
                  + column
                  + ")"));
    }
    if (!missing.isEmpty()) {
      return;
    }
    Optional<String> provider = aws ? Optional.of("aws") : providerOf(path);
    if (provider.isEmpty()) {
      problems.add(
          fileProblem(
              path,
              "cannot tell the provider (got file "
                  + path.getFileName()
                  + ", expected a name starting with one of "
                  + String.join("_, ", PROVIDERS)
                  + "_ or a parent folder named after one)"));
      return;
    }
    FileTally tally =
        new FileTally(file, aws ? AwsFlatFile.FORMAT : SkyPilotFile.FORMAT, provider.get());
    tallies.add(tally);
    SourceFile source = new SourceFile(tally, table, problems);
    if (aws) {
      AwsFlatFile.read(source, sink);
    } else {
      SkyPilotFile.read(source, sink, gcp);
    }
  }

  static Optional<String> providerOf(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String prefix = name.split("[_.]", 2)[0];
    if (PROVIDERS.contains(prefix)) {
      return Optional.of(prefix);
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && parent.getFileName() != null) {
      String folder = parent.getFileName().toString().toLowerCase(Locale.ROOT);
      if (PROVIDERS.contains(folder)) {
        return Optional.of(folder);
      }
    }
    return Optional.empty();
  }

  private static boolean isCsv(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private static String ignoredReason(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.equals("aws_gpu_instances.json")) {
      return "the JSON source of the AWS flat price CSV: same prices, imported from the CSV";
    }
    return "not a .csv price file";
  }

  private static Problem fileProblem(Path path, String message) {
    return new Problem(path.toString(), 0, 0, "", message);
  }

  private static List<Accelerator> acceleratorsOf(List<Offering> offerings) {
    Set<String> names = new HashSet<>();
    offerings.forEach(o -> names.add(o.accelerator()));
    return AcceleratorMapping.all().stream().filter(a -> names.contains(a.name())).toList();
  }
}
