package io.nuage.plan.replan;

import io.nuage.core.NuageException;
import io.nuage.ledger.ContractDrawDown;
import io.nuage.ledger.DrawDownLine;
import io.nuage.ledger.DrawDownReport;
import io.nuage.ledger.MonthlySpend;
import io.nuage.plan.Placement;
import io.nuage.plan.past.ActualConsumption;
import io.nuage.plan.past.ActualSpend;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import io.nuage.scenario.Scenario;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a re-plan's fixed past (docs/planner.md, "What is fixed"): billed spend and contract
 * consumption from the ledger's draw-down reports only (so its matching of bills to contracts and
 * its currencies flow in), the runs under way and done from the plan being followed.
 */
public final class FixedPasts {
  private FixedPasts() {}

  /**
   * The fixed past as of {@code firstOpen}. A take-or-pay true-up billed is the year's shortfall,
   * which the planner carries: the reports' {@code consumed} already leave it out, and each month's
   * spend here is its {@code billed} less its {@code trueUp} (docs/ledger-drawdown.md, section 1),
   * so the ledger and the re-plan count it once, the same way, in the scenario's currency.
   *
   * @param asOf the draw-down as of the first day of {@code firstOpen}
   * @param atHorizonStart the draw-down as of the horizon's first day: what a contract year
   *     consumed before the horizon is not the plan's (its minimum is pro-rated to the horizon)
   */
  public static FixedPast from(
      Scenario scenario,
      YearMonth firstOpen,
      DrawDownReport asOf,
      DrawDownReport atHorizonStart,
      PreviousPlan previous) {
    if (!asOf.asOf().equals(firstOpen.atDay(1))) {
      throw new IllegalArgumentException(
          "the draw-down is as of " + asOf.asOf() + ", not " + firstOpen.atDay(1));
    }
    List<ActualSpend> spend = new ArrayList<>();
    for (MonthlySpend s : asOf.spend()) {
      if (scenario.horizon().contains(s.month()) && s.month().isBefore(firstOpen)) {
        spend.add(new ActualSpend(s.provider(), s.month(), plain(s.billed().subtract(s.trueUp()))));
      }
    }
    Map<String, BigDecimal> before = new HashMap<>();
    for (ContractDrawDown k : atHorizonStart.contracts()) {
      for (DrawDownLine line : k.years())
        before.put(k.contract() + "#" + line.period().year(), line.consumed());
    }
    List<ActualConsumption> consumed = new ArrayList<>();
    for (ContractDrawDown k : asOf.contracts()) {
      if (!k.kind().equals("committed-spend")) continue;
      for (DrawDownLine line : k.years()) {
        BigDecimal amount =
            line.consumed()
                .subtract(
                    before.getOrDefault(
                        k.contract() + "#" + line.period().year(), BigDecimal.ZERO));
        // the ledger's years are 1-based, a plan's 0-based
        if (amount.signum() != 0)
          consumed.add(
              new ActualConsumption(k.contract(), line.period().year() - 1, plain(amount)));
      }
    }
    return runs(scenario, firstOpen, previous, spend, consumed);
  }

  /**
   * An exact amount without the store's trailing zeros (DECIMAL sums carry 18 places), at least to
   * the cent: 9135183175.380000000000000000 is 9135183175.38.
   */
  static BigDecimal plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
  }

  /** Which runs are under way and done at {@code firstOpen}, by the plan being followed. */
  static FixedPast runs(
      Scenario scenario,
      YearMonth firstOpen,
      PreviousPlan previous,
      List<ActualSpend> spend,
      List<ActualConsumption> consumed) {
    FixedPast before = previous.fixedPast();
    if (before != null && firstOpen.isBefore(before.firstOpen())) {
      throw new NuageException(
          previous.origin()
              + " is a re-plan as of "
              + before.asOf()
              + ": its months before it are fixed to the bills it read, so a re-plan from it must"
              + " start on or after that day (got "
              + firstOpen.atDay(1)
              + "; give the plan it re-planned with --plan to go back further)");
    }
    List<RunningRun> running = new ArrayList<>();
    Set<String> finished = new TreeSet<>();
    for (TrainingRun run : scenario.workloads(TrainingRun.class)) {
      String id = run.id();
      if (before != null && before.finished().contains(id)) {
        finished.add(id);
        continue;
      }
      List<Placement> rows =
          previous.placements().stream().filter(p -> p.workload().equals(id)).toList();
      RunningRun was = before == null ? null : before.running(id).orElse(null);
      if (rows.isEmpty()) {
        if (was != null) {
          throw new NuageException(
              previous.origin() + ": training run " + id + " is under way but has no placement");
        }
        continue; // a run the previous plan did not know: the re-plan places it
      }
      Placement first = rows.stream().min(Comparator.comparing(Placement::month)).orElseThrow();
      YearMonth last =
          rows.stream().map(Placement::month).max(Comparator.naturalOrder()).orElseThrow();
      YearMonth start = was != null ? was.start() : first.month();
      if (!start.isBefore(firstOpen)) continue; // not started: the re-plan may move it
      if (last.isBefore(firstOpen)) {
        finished.add(id);
        continue;
      }
      running.add(
          was != null
              ? was
              : new RunningRun(
                  id,
                  first.provider(),
                  first.qualifiedRegion(),
                  first.accelerator(),
                  first.month()));
    }
    return new FixedPast(firstOpen, spend, consumed, running, finished);
  }
}
