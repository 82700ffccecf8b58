package io.nuage.ledger;

import java.util.List;
import java.util.Objects;

/**
 * One column of the FOCUS specification, as extracted in {@code shared/data/focus/COLUMNS.md}.
 *
 * @param id the column ID, e.g. {@code BilledCost}
 * @param type its data type
 * @param level its feature level in FOCUS 1.2 (1.3 for the columns 1.3 added)
 * @param nullable whether the spec allows nulls
 * @param since the first release that has it (0.5 and 1.0-preview count as 1.0)
 * @param allowedValues the spec's closed list of values, empty when any value is allowed
 */
public record FocusColumn(
    String id,
    FocusType type,
    FeatureLevel level,
    boolean nullable,
    FocusVersion since,
    List<String> allowedValues) {
  public FocusColumn {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(since, "since");
    allowedValues = List.copyOf(allowedValues);
    if (!allowedValues.isEmpty() && type != FocusType.STRING)
      throw new IllegalArgumentException(id + ": only string columns have allowed values");
  }

  public boolean mandatory() {
    return level == FeatureLevel.MANDATORY;
  }
}
