package io.nuage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.store.Store;
import io.nuage.store.StoreLocation;
import io.nuage.store.ledger.IngestedFile;
import io.nuage.store.ledger.Ingestions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nuage ingestions}: the files in the ledger, with the ids {@code ingest --remove} takes.
 */
@Command(
    name = "ingestions",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the files in the ledger, oldest first, with their ids.",
      "`nuage ingest --remove ID` takes a file out again."
    })
final class IngestionsCommand implements Callable<Integer> {
  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "The store (default: $NUAGE_DB, else ~/.nuage/nuage.duckdb).")
  @Nullable Path db;

  @Option(
      names = "--format",
      paramLabel = "table|json",
      description = "Output format (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  IngestCommand.ReportFormat format = IngestCommand.ReportFormat.table;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<IngestedFile> files;
    try (Store store = Store.open(StoreLocation.resolve(db))) {
      files = Ingestions.in(store).list();
    }
    var out = spec.commandLine().getOut();
    out.print(format == IngestCommand.ReportFormat.json ? json(files) : table(files));
    out.flush();
    return 0;
  }

  static String table(List<IngestedFile> files) {
    if (files.isEmpty()) return "no file ingested yet\n";
    var sb = new StringBuilder();
    String row = "%6s  %-19s  %-7s  %-5s  %10s  %10s  %10s  %s%n";
    sb.append(
        String.format(
            row, "ID", "INGESTED (UTC)", "FORMAT", "FOCUS", "ROWS", "ADDED", "DUPLICATE", "FILE"));
    for (IngestedFile f : files)
      sb.append(
          String.format(
              row,
              f.id(),
              f.ingestedAt().withNano(0).toString().replace('T', ' '),
              f.format(),
              f.focusVersion(),
              f.rowsRead(),
              f.accepted(),
              f.duplicates(),
              f.file()));
    return sb.toString();
  }

  static String json(List<IngestedFile> files) {
    var text = new StringWriter();
    try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(text)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (IngestedFile f : files) {
        g.writeStartObject();
        g.writeNumberField("id", f.id());
        g.writeStringField("file", f.file());
        g.writeStringField("format", f.format());
        g.writeStringField("focusVersion", f.focusVersion());
        g.writeStringField("ingestedAt", f.ingestedAt() + "Z");
        g.writeNumberField("rowsRead", f.rowsRead());
        g.writeNumberField("accepted", f.accepted());
        g.writeNumberField("duplicates", f.duplicates());
        g.writeNumberField("rejected", f.rejected());
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }
}
