package io.nuage.catalog.imports;

import io.nuage.core.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one price file: decodes it, splits it into rows, tells its format by the header and its
 * provider by its name, then hands the rows to the format's reader. Problems go to the shared list;
 * nothing is thrown here.
 */
final class PriceFileReader {
  private final List<Problem> problems;
  private final List<FileTally> tallies;
  private final OfferingSink sink;
  private final GcpCombiner gcp;

  PriceFileReader(
      List<Problem> problems, List<FileTally> tallies, OfferingSink sink, GcpCombiner gcp) {
    this.problems = problems;
    this.tallies = tallies;
    this.sink = sink;
    this.gcp = gcp;
  }

  void read(Path path) {
    String file = path.toString();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
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
      // The quote swallows the rest of the file; the rows before it are still checked.
      try {
        CsvTable.parse(text.substring(0, e.recordStart))
            .ifPresent(table -> readTable(file, path, table));
      } catch (CsvTable.UnterminatedQuote impossible) {
        // cannot happen: the text before the record parsed without this exception
      }
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
          CatalogImporter.fileProblem(
              path,
              "cannot tell the provider (got file "
                  + path.getFileName()
                  + ", expected a name starting with one of "
                  + String.join("_, ", CatalogImporter.knownProviders())
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
    if (CatalogImporter.knownProviders().contains(prefix)) {
      return Optional.of(prefix);
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && parent.getFileName() != null) {
      String folder = parent.getFileName().toString().toLowerCase(Locale.ROOT);
      if (CatalogImporter.knownProviders().contains(folder)) {
        return Optional.of(folder);
      }
    }
    return Optional.empty();
  }
}
