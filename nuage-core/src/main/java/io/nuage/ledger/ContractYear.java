package io.nuage.ledger;

import io.nuage.contract.Contract;
import io.nuage.core.MonthRange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One year of a contract's term as days: {@code [from, to)}, counted from the term's first month;
 * the last year is cut at the term's end.
 *
 * @param year 1-based contract year
 */
public record ContractYear(String contract, int year, LocalDate from, LocalDate to) {
  public ContractYear {
    Objects.requireNonNull(contract, "contract");
    if (year < 1) throw new IllegalArgumentException("year must be 1 or more (got " + year + ")");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("contract year ends (" + to + ") before " + from);
    }
  }

  /** The contract years of a contract's term, first to last. */
  public static List<ContractYear> of(Contract contract) {
    MonthRange term = contract.term();
    List<ContractYear> years = new ArrayList<>();
    for (int k = 0; k < term.years(); k++) {
      MonthRange y = term.year(k);
      years.add(
          new ContractYear(
              contract.id(), k + 1, y.start().atDay(1), y.end().plusMonths(1).atDay(1)));
    }
    return years;
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && day.isBefore(to);
  }

  /** Days of this year before {@code asOf}: 0 before it starts, {@link #days()} after it ends. */
  public long elapsedDays(LocalDate asOf) {
    if (!asOf.isAfter(from)) return 0;
    return ChronoUnit.DAYS.between(from, asOf.isBefore(to) ? asOf : to);
  }
}
