package io.nuage.scenario;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What each contract obliges the holder to pay per contract year, whatever is used: the yearly
 * minimum of committed spend, every hour of reserved capacity, every committed TB-month. A right of
 * first refusal and a rate card oblige no payment, so their years are zero.
 */
public record CommitmentTotals(Contract contract, List<BigDecimal> perContractYear) {
  public CommitmentTotals {
    perContractYear = List.copyOf(perContractYear);
  }

  public static CommitmentTotals of(Contract contract) {
    MonthRange term = contract.term();
    List<BigDecimal> years = new ArrayList<>();
    for (int y = 0; y < term.years(); y++) {
      MonthRange year = term.year(y);
      years.add(
          switch (contract) {
            case CommittedSpend c -> c.yearlyMinimums().get(y);
            case ReservedCapacity c ->
                c.pricePerGpuHour().multiply(BigDecimal.valueOf((long) c.gpus() * hours(year)));
            case StorageCommitment c ->
                c.pricePerTbMonth()
                    .multiply(c.committedTb())
                    .multiply(BigDecimal.valueOf(year.length()));
            case RightOfFirstRefusal c -> BigDecimal.ZERO;
            case RateCard c -> BigDecimal.ZERO;
          });
    }
    return new CommitmentTotals(contract, years);
  }

  /** Calendar hours (days x 24) in the months of a range. */
  static long hours(MonthRange range) {
    return range.months().stream().mapToLong(YearMonth::lengthOfMonth).sum() * 24;
  }

  public BigDecimal total() {
    return perContractYear.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
