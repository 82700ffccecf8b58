package io.nuage.store.ledger;

import io.nuage.ledger.FocusColumn;
import io.nuage.ledger.FocusColumns;
import java.math.BigDecimal;

/** Turns a bit of the stage's error mask and the raw value into words a person can act on. */
final class RejectReasons {
  private RejectReasons() {}

  /** The column (or rule's column) a bit is about. */
  static String column(int bit) {
    if (bit >= StageSql.RULE_BASE) return rule(bit).column;
    return FocusColumns.all().get(bit / 2).id();
  }

  /** The column index whose raw value to show for a bit. */
  static int valueColumn(int bit) {
    String id = column(bit);
    var all = FocusColumns.all();
    for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(id)) return i;
    throw new IllegalArgumentException(id);
  }

  /** A short reason, the same for every row that breaks this check (for counting). */
  static String shortReason(int bit) {
    if (bit >= StageSql.RULE_BASE) return column(bit) + ": " + rule(bit).reason;
    FocusColumn col = FocusColumns.all().get(bit / 2);
    if (bit % 2 == 0) return col.id() + ": missing value";
    return col.id()
        + ": "
        + switch (col.type()) {
          case DECIMAL -> "not an exact decimal";
          case DATETIME -> "not a valid UTC date/time";
          case JSON -> "not JSON";
          case STRING -> "value not allowed";
        };
  }

  /** The full reason for one value: what was got and what was expected. */
  static String explain(int bit, String raw) {
    if (bit >= StageSql.RULE_BASE)
      // a rule on one JSON column: its value is what to look at
      return rule(bit).column.equals("ContractApplied")
          ? rule(bit).reason + " (got '" + raw + "')"
          : rule(bit).reason;
    FocusColumn col = FocusColumns.all().get(bit / 2);
    if (bit % 2 == 0)
      return "missing value (got '" + raw + "', expected a value: FOCUS does not allow null here)";
    String got = "got '" + raw + "', expected ";
    return switch (col.type()) {
      case DECIMAL -> got + decimalExpectation(raw);
      case DATETIME ->
          got + "an ISO 8601 date/time in UTC such as 2024-09-01T00:00:00Z or 2024-09-01 00:00:00";
      case JSON -> got + "a JSON value";
      case STRING -> got + "one of " + String.join(", ", col.allowedValues());
    };
  }

  private static String decimalExpectation(String raw) {
    try {
      new BigDecimal(raw.strip());
      return "a decimal with at most 20 integer digits and 18 decimal places"
          + " (the ledger never rounds money)";
    } catch (NumberFormatException e) {
      return "a decimal number such as 12.3456";
    }
  }

  private static StageSql.Rule rule(int bit) {
    return StageSql.Rule.values()[bit - StageSql.RULE_BASE];
  }
}
