package io.nuage.store.ledger;

import java.util.Objects;

/**
 * One reason a row was rejected.
 *
 * @param line the line (CSV, header = 1) or row (Parquet, first = 1) in the source file
 * @param column the FOCUS column, or a rule name for rules across columns
 * @param value the value as read (empty when missing)
 * @param reason what was expected
 */
public record RejectedRow(long line, String column, String value, String reason) {
  public RejectedRow {
    if (line < 1) throw new IllegalArgumentException("line must be positive: " + line);
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
  }
}
