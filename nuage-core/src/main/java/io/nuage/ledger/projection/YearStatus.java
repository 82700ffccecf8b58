package io.nuage.ledger.projection;

import io.nuage.ledger.ContractYear;
import java.time.LocalDate;

/** Where a contract year stands at the as-of date. */
public enum YearStatus {
  /** {@code asOf <= start}: nothing consumed yet, nothing owed yet. */
  NOT_STARTED("not-started"),
  /** {@code start < asOf < end}. */
  IN_PROGRESS("in-progress"),
  /** {@code asOf >= end}: its figures are final. */
  CLOSED("closed");

  private final String label;

  YearStatus(String label) {
    this.label = label;
  }

  /** The JSON name; tables print it with a space. */
  public String label() {
    return label;
  }

  public static YearStatus of(ContractYear year, LocalDate asOf) {
    if (!asOf.isAfter(year.from())) return NOT_STARTED;
    return asOf.isBefore(year.to()) ? IN_PROGRESS : CLOSED;
  }
}
