package io.nuage.ledger.projection;

import io.nuage.catalog.StoragePrice;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.scenario.Scenario;
import io.nuage.workload.StorageDemand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a plan consumes of each contract, month by month (docs/ledger-drawdown.md, section 4): a
 * committed-spend deal the cost of its {@code committed} placements, a reservation the GPU-hours of
 * the {@code reserved} placements at its region and accelerator, a storage commitment what the
 * scenario's storage at its provider will be billed. A parsed value, so that a projection can be
 * fed from a plan file or from a plan the store keeps.
 *
 * @param source the plan's file or id, as the projection names it
 * @param byContract contract id to month to consumption (money, or GPU-hours for a reservation)
 * @param lastMonth the plan's last month (of its placements): it says nothing of later months; null
 *     for a plan without placements
 * @param decidesFrom a re-plan's as-of date: it places nothing before (those months were its
 *     actuals), so it cannot project a span that starts earlier; null for a plan from scratch
 */
public record PlannedConsumption(
    ProjectionSource.Plan source,
    Map<String, Map<YearMonth, BigDecimal>> byContract,
    @Nullable YearMonth lastMonth,
    @Nullable LocalDate decidesFrom) {
  /** Pro-rated parts are kept at this scale before the projection is rounded. */
  static final int SCALE = 10;

  public PlannedConsumption {
    Objects.requireNonNull(source, "source");
    Map<String, Map<YearMonth, BigDecimal>> copy = new HashMap<>();
    byContract.forEach((k, months) -> copy.put(k, Map.copyOf(months)));
    byContract = Map.copyOf(copy);
  }

  /** The consumption of {@code scenario}'s contracts by a plan's placements. */
  public static PlannedConsumption of(
      String plan, Iterable<PlannedPlacement> placements, Scenario scenario) {
    return of(plan, placements, scenario, null);
  }

  /**
   * The consumption of {@code scenario}'s contracts by a plan's placements; {@code decidesFrom} is
   * a re-plan's as-of date (null for a plan from scratch).
   */
  public static PlannedConsumption of(
      String plan,
      Iterable<PlannedPlacement> placements,
      Scenario scenario,
      @Nullable LocalDate decidesFrom) {
    Map<String, Map<YearMonth, BigDecimal>> by = new HashMap<>();
    YearMonth last = null;
    for (PlannedPlacement p : placements)
      if (last == null || p.month().isAfter(last)) last = p.month();
    for (Contract k : scenario.contracts()) {
      for (PlannedPlacement p : placements) {
        BigDecimal q = consumed(k, p);
        if (q != null)
          by.computeIfAbsent(k.id(), x -> new HashMap<>()).merge(p.month(), q, BigDecimal::add);
      }
      if (k instanceof StorageCommitment s) by.put(k.id(), storage(s, scenario));
    }
    return new PlannedConsumption(new ProjectionSource.Plan(plan), by, last, decidesFrom);
  }

  /**
   * Whether the plan decides every month from {@code day} on: false for a re-plan asked about days
   * before its as-of date, whose placements it does not have.
   */
  public boolean decidesFrom(LocalDate day) {
    return decidesFrom == null || !day.isBefore(decidesFrom);
  }

  /** Whether the plan reaches the day before {@code to}: it can project a span ending there. */
  public boolean reaches(LocalDate to) {
    return lastMonth != null && !YearMonth.from(to.minusDays(1)).isAfter(lastMonth);
  }

  private static BigDecimal consumed(Contract k, PlannedPlacement p) {
    return switch (k) {
      case CommittedSpend c ->
          p.pricing().equals("committed") && c.id().equals(p.contract()) ? p.cost() : null;
      case ReservedCapacity r ->
          p.pricing().equals("reserved")
                  && p.provider().equals(r.provider())
                  && (p.region().equals(r.region())
                      || (r.provider() + "/" + p.region()).equals(r.region()))
                  && p.accelerator().equals(r.accelerator())
              ? p.gpuHours()
              : null;
      default -> null;
    };
  }

  /** Per month of the term: min(T, committed) at the contract price, the rest at list. */
  private static Map<YearMonth, BigDecimal> storage(StorageCommitment s, Scenario scenario) {
    BigDecimal list =
        scenario.catalog().storagePrices().stream()
            .filter(p -> p.provider().equals(s.provider()))
            .map(StoragePrice::pricePerTbMonth)
            .findFirst()
            .orElse(BigDecimal.ZERO);
    Map<YearMonth, BigDecimal> months = new HashMap<>();
    for (YearMonth m = s.term().start(); !m.isAfter(s.term().end()); m = m.plusMonths(1)) {
      BigDecimal tb = BigDecimal.ZERO;
      for (StorageDemand d : scenario.workloads(StorageDemand.class))
        if (d.provider().equals(s.provider()) && d.months().contains(m)) tb = tb.add(d.tb());
      BigDecimal under = tb.min(s.committedTb());
      months.put(m, under.multiply(s.pricePerTbMonth()).add(tb.subtract(under).multiply(list)));
    }
    return months;
  }

  /** The plan's consumption of the month. */
  public BigDecimal month(String contract, YearMonth month) {
    return byContract.getOrDefault(contract, Map.of()).getOrDefault(month, BigDecimal.ZERO);
  }

  /**
   * The plan's consumption of {@code [from, to)}: each month counted pro rata to its days in the
   * span (10 decimals, half-even, for a month cut by the span; whole months exactly).
   */
  public BigDecimal between(String contract, LocalDate from, LocalDate to) {
    BigDecimal sum = BigDecimal.ZERO;
    for (YearMonth m = YearMonth.from(from); m.atDay(1).isBefore(to); m = m.plusMonths(1)) {
      LocalDate a = m.atDay(1).isBefore(from) ? from : m.atDay(1);
      LocalDate monthEnd = m.plusMonths(1).atDay(1);
      LocalDate b = monthEnd.isAfter(to) ? to : monthEnd;
      long overlap = ChronoUnit.DAYS.between(a, b);
      if (overlap <= 0) continue;
      BigDecimal q = month(contract, m);
      sum =
          sum.add(
              overlap == m.lengthOfMonth()
                  ? q
                  : q.multiply(BigDecimal.valueOf(overlap))
                      .divide(
                          BigDecimal.valueOf(m.lengthOfMonth()), SCALE, RoundingMode.HALF_EVEN));
    }
    return sum;
  }
}
