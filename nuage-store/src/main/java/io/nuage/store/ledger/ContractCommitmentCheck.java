package io.nuage.store.ledger;

import io.nuage.core.Problem;
import io.nuage.ledger.ContractCommitmentColumns;
import io.nuage.ledger.FocusColumn;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a Contract Commitment row (COLUMNS-1.3.md, section 1): nulls, allowed values, exact
 * decimals, UTC date/times, the rules across columns (a Spend commitment has a cost and a currency,
 * a Usage one a quantity, a unit exactly with a quantity, every period ends after it starts), and
 * one row per commitment. Each problem names the file, line, column, value and what was expected.
 */
final class ContractCommitmentCheck {
  private static final List<FocusColumn> COLUMNS = ContractCommitmentColumns.all();

  private final FocusSource source;
  private final List<Problem> problems;

  ContractCommitmentCheck(FocusSource source, List<Problem> problems) {
    this.source = source;
    this.problems = problems;
  }

  /** The typed values of the result's current row, or null (and problems) when it is bad. */
  @Nullable Map<String, @Nullable Object> row(long line, ResultSet r) throws SQLException {
    int before = problems.size();
    var values = new HashMap<String, @Nullable Object>();
    for (int k = 0; k < COLUMNS.size(); k++) {
      FocusColumn col = COLUMNS.get(k);
      String text = r.getString(2 + 2 * k);
      if (text == null || text.equalsIgnoreCase("null")) {
        if (!col.nullable()) problem(line, col.id(), "", "a value: FOCUS does not allow null here");
        values.put(col.id(), null);
        continue;
      }
      values.put(col.id(), typed(line, col, text, r.getTimestamp(3 + 2 * k)));
    }
    rules(line, values);
    return problems.size() == before ? values : null;
  }

  private @Nullable Object typed(long line, FocusColumn col, String text, @Nullable Timestamp t) {
    switch (col.type()) {
      case DECIMAL -> {
        try {
          BigDecimal d = new BigDecimal(text);
          BigDecimal s = d.stripTrailingZeros();
          if (s.scale() <= 18 && s.precision() - s.scale() <= 20) return d;
        } catch (NumberFormatException notANumber) {
          // reported below
        }
        problem(
            line,
            col.id(),
            text,
            "a decimal with at most 20 integer digits and 18 decimal places (never rounded)");
        return null;
      }
      case DATETIME -> {
        if (t != null) return new ContractCommitmentIngest.LocalDateTimeValue(t.toLocalDateTime());
        problem(line, col.id(), text, "an ISO 8601 date/time in UTC such as 2026-01-01T00:00:00Z");
        return null;
      }
      default -> {
        if (col.allowedValues().isEmpty()) return text;
        for (String v : col.allowedValues()) if (v.equalsIgnoreCase(text)) return v;
        problem(line, col.id(), text, "one of " + String.join(", ", col.allowedValues()));
        return null;
      }
    }
  }

  private void rules(long line, Map<String, @Nullable Object> v) {
    Object currency = v.get("BillingCurrency");
    if (currency != null && !currency.toString().matches("[A-Z]{3}"))
      problem(line, "BillingCurrency", currency.toString(), "an ISO 4217 code such as USD");
    String category = (String) v.get("ContractCommitmentCategory");
    if ("Spend".equals(category)) {
      if (v.get("ContractCommitmentCost") == null && v.containsKey("ContractCommitmentCost"))
        problem(line, "ContractCommitmentCost", "", "a cost: a Spend commitment has one");
      if (currency == null)
        problem(line, "BillingCurrency", "", "a currency: a Spend commitment's cost is in one");
    }
    if ("Usage".equals(category) && v.get("ContractCommitmentQuantity") == null)
      problem(line, "ContractCommitmentQuantity", "", "a quantity: a Usage commitment has one");
    if ((v.get("ContractCommitmentQuantity") == null) != (v.get("ContractCommitmentUnit") == null))
      problem(
          line,
          "ContractCommitmentUnit",
          text(v.get("ContractCommitmentUnit")),
          "a unit exactly when ContractCommitmentQuantity is set (got quantity '"
              + text(v.get("ContractCommitmentQuantity"))
              + "')");
    order(line, v, "ContractCommitmentPeriodStart", "ContractCommitmentPeriodEnd");
    order(line, v, "ContractPeriodStart", "ContractPeriodEnd");
  }

  /** A period ends (exclusive) after it starts (inclusive). */
  private void order(long line, Map<String, @Nullable Object> v, String start, String end) {
    if (!(v.get(start) instanceof ContractCommitmentIngest.LocalDateTimeValue s)
        || !(v.get(end) instanceof ContractCommitmentIngest.LocalDateTimeValue e)) return;
    if (e.value().isAfter(s.value())) return;
    problem(
        line,
        end,
        e.toString(),
        "a date/time after " + start + " " + s + " (the period ends before it starts)");
  }

  /** One row per commitment in the file (FOCUS: ContractCommitmentId is unique in the dataset). */
  void uniqueIds(List<ContractCommitmentIngest.Row> rows) {
    var first = new HashMap<Object, Long>();
    for (var row : rows) {
      Object id = row.values().get(ContractCommitmentColumns.MARKER);
      Long earlier = first.putIfAbsent(id, row.line());
      if (earlier != null)
        problem(
            row.line(),
            ContractCommitmentColumns.MARKER,
            String.valueOf(id),
            "one row per commitment (line " + earlier + " has this ContractCommitmentId already)");
    }
  }

  /**
   * The first column (other than the free-text description) in which two rows of one commitment
   * differ, or null when they are the same commitment.
   */
  static @Nullable String firstDifference(
      Map<String, @Nullable Object> a, Map<String, @Nullable Object> b) {
    for (FocusColumn col : COLUMNS) {
      if (col.id().equals("ContractCommitmentDescription")) continue;
      Object x = a.get(col.id());
      Object y = b.get(col.id());
      boolean same =
          x instanceof BigDecimal dx && y instanceof BigDecimal dy
              ? dx.compareTo(dy) == 0
              : java.util.Objects.equals(x, y);
      if (!same) return col.id();
    }
    return null;
  }

  private void problem(long line, String column, String got, String expected) {
    problems.add(
        new Problem(
            source.name(),
            (int) Math.min(Integer.MAX_VALUE, line),
            ContractCommitmentIngest.position(source, column),
            column,
            "got '" + got + "', expected " + expected));
  }

  private static String text(@Nullable Object v) {
    return v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
  }
}
