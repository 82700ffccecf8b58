package io.nuage.plan.past;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The past a re-plan starts from (docs/planner.md, "Re-planning from actuals"): the months before
 * {@code firstOpen} are fixed to what was billed, the runs under way keep their place, the runs
 * done are done. Every figure is exact; the planner turns it into constants of its rows.
 *
 * @param firstOpen the first month re-planned; the as-of date is its first day
 * @param spend billed spend per provider and fixed month
 * @param consumed consumption per committed-spend contract and contract year, billed before the
 *     as-of date
 * @param running training runs under way at the as-of date
 * @param finished training runs whose every month is before {@code firstOpen}
 */
public record FixedPast(
    YearMonth firstOpen,
    List<ActualSpend> spend,
    List<ActualConsumption> consumed,
    List<RunningRun> running,
    Set<String> finished) {
  public FixedPast {
    Objects.requireNonNull(firstOpen, "firstOpen");
    spend = List.copyOf(spend);
    consumed = List.copyOf(consumed);
    running = List.copyOf(running);
    finished = java.util.Collections.unmodifiableSet(new TreeSet<>(finished));
    for (ActualSpend s : spend) {
      if (!s.month().isBefore(firstOpen)) {
        throw new IllegalArgumentException(
            "actual spend of " + s.provider() + " in " + s.month() + " is not before " + firstOpen);
      }
    }
    var seen = new HashSet<String>();
    for (RunningRun r : running) {
      if (!r.start().isBefore(firstOpen)) {
        throw new IllegalArgumentException(
            "running run " + r.workload() + " starts " + r.start() + ", not before " + firstOpen);
      }
      if (!seen.add(r.workload()) || finished.contains(r.workload())) {
        throw new IllegalArgumentException(
            "training run " + r.workload() + " is fixed twice (running and finished?)");
      }
    }
  }

  /** The as-of date: charges that start before it are the actuals. */
  public LocalDate asOf() {
    return firstOpen.atDay(1);
  }

  public Optional<RunningRun> running(String workload) {
    return running.stream().filter(r -> r.workload().equals(workload)).findFirst();
  }

  /** Whether the run is under way or done: its place is not the re-plan's to choose. */
  public boolean fixes(String workload) {
    return finished.contains(workload) || running(workload).isPresent();
  }

  /** Billed spend of the fixed months inside {@code from..} (months before it are left out). */
  public BigDecimal actualFrom(YearMonth from) {
    return spend.stream()
        .filter(s -> !s.month().isBefore(from))
        .map(ActualSpend::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Consumption of a contract year billed before the as-of date (0 when none). */
  public BigDecimal consumed(String contract, int year) {
    return consumed.stream()
        .filter(c -> c.contract().equals(contract) && c.year() == year)
        .map(ActualConsumption::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
