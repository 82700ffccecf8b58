package io.nuage.cli.billing;

import io.nuage.ledger.FocusColumn;
import io.nuage.ledger.FocusColumns;
import io.nuage.ledger.FocusVersion;
import io.nuage.ledger.generate.BillRow;
import io.nuage.ledger.generate.BillSink;
import io.nuage.ledger.generate.CommitmentRow;
import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes FOCUS CSV (RFC 4180, a null as an empty field, lines ended by LF): the Cost and Usage rows
 * with the columns of the chosen version, and the Contract Commitment dataset.
 */
final class FocusCsv implements BillSink {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private final CSVPrinter printer;
  private final List<String> columns;
  private final BiConsumer<YearMonth, Long> progress;

  private FocusCsv(Writer out, List<String> columns, BiConsumer<YearMonth, Long> progress)
      throws IOException {
    this.columns = columns;
    this.progress = progress;
    this.printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(columns);
  }

  /** A Cost and Usage file of {@code version}: the 57 columns of 1.2, and 1.3's three. */
  static FocusCsv bills(Writer out, FocusVersion version, BiConsumer<YearMonth, Long> progress)
      throws IOException {
    List<String> columns = new ArrayList<>();
    for (FocusColumn c : FocusColumns.all())
      if (c.since().compareTo(version) <= 0) columns.add(c.id());
    return new FocusCsv(out, columns, progress);
  }

  static void commitments(Writer out, List<CommitmentRow> rows) throws IOException {
    CSVPrinter p = new CSVPrinter(out, FORMAT);
    p.printRecord(CommitmentRow.COLUMNS);
    for (CommitmentRow r : rows) {
      List<@Nullable String> cells = new ArrayList<>();
      List<@Nullable Object> values = r.values();
      for (int i = 0; i < values.size(); i++) {
        boolean money = CommitmentRow.COLUMNS.get(i).endsWith("Cost");
        cells.add(money ? FocusCells.money(values.get(i)) : FocusCells.text(values.get(i)));
      }
      p.printRecord(cells);
    }
    p.flush();
  }

  @Override
  public void row(BillRow row) throws IOException {
    for (String c : columns)
      printer.print(
          c.endsWith("Cost") ? FocusCells.money(row.get(c)) : FocusCells.text(row.get(c)));
    printer.println();
  }

  @Override
  public void monthDone(YearMonth month, long rowsSoFar) {
    progress.accept(month, rowsSoFar);
  }

  void flush() throws IOException {
    printer.flush();
  }
}
