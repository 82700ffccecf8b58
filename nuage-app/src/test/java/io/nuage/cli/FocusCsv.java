package io.nuage.cli;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small FOCUS 1.3 Cost and Usage files for the ledger tests: the columns of the hand-made
 * 1.3 example (../shared/data/focus/focus-1.3) plus {@code SkuPriceDetails} and the commitment
 * discount columns, each row its first line's values with the given columns changed.
 */
public final class FocusCsv {
  static final Path TEMPLATE =
      SharedData.file("focus/focus-1.3/examples-handmade/cost_and_usage_with_contract_applied.csv");

  private static final List<String> EXTRA =
      List.of("SkuPriceDetails", "CommitmentDiscountId", "CommitmentDiscountStatus");

  private FocusCsv() {}

  /** A usage row: the template's first line without ContractApplied, then {@code changes}. */
  public static Map<String, String> row(String... changes) {
    Map<String, String> row = base();
    for (int i = 0; i < changes.length; i += 2) {
      if (!row.containsKey(changes[i]))
        throw new IllegalArgumentException("not a column of FocusCsv: " + changes[i]);
      row.put(changes[i], changes[i + 1]);
    }
    return row;
  }

  /** A row charged for {@code month} (YYYY-MM), whole: the month's first instant to the next. */
  public static String[] month(String month) {
    java.time.YearMonth m = java.time.YearMonth.parse(month);
    String from = m.atDay(1) + "T00:00:00Z";
    String to = m.plusMonths(1).atDay(1) + "T00:00:00Z";
    return new String[] {
      "ChargePeriodStart",
      from,
      "ChargePeriodEnd",
      to,
      "BillingPeriodStart",
      from,
      "BillingPeriodEnd",
      to
    };
  }

  public static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  public static Path write(Path file, List<Map<String, String>> rows) {
    var lines = new ArrayList<String>();
    List<String> columns = new ArrayList<>(base().keySet());
    lines.add(String.join(",", columns));
    for (Map<String, String> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) cells.add(quote(r.get(c)));
      lines.add(String.join(",", cells));
    }
    try {
      return Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String v) {
    return v.isEmpty() ? "" : "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static Map<String, String> base() {
    try {
      List<String> lines = Files.readAllLines(TEMPLATE);
      List<String> header = SourceTotals.split(lines.get(0));
      List<String> first = SourceTotals.split(lines.get(1));
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) row.put(header.get(i), first.get(i));
      row.put("ContractApplied", "");
      for (String c : EXTRA) row.put(c, "");
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
