package io.nuage.plan.verify;

import io.nuage.catalog.Accelerator;
import io.nuage.plan.past.RunningRun;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Training runs are gangs: every row of a run in one region on one accelerator, gang-sized, in
 * consecutive months from the start month, hours filling whole months until the wall-clock time
 * {@code W = H / θ} (rounded up to 1e-6 h) is spent, finished by the deadline.
 */
final class GangRules {
  private static final BigDecimal ROW_TOLERANCE = new BigDecimal("0.001");
  private static final BigDecimal W_STEP = new BigDecimal("0.001");

  private final ScenarioFacts facts;
  private final RecourseRules declared;
  private final Consumer<Violation> report;

  GangRules(ScenarioFacts facts, RecourseRules declared, Consumer<Violation> report) {
    this.facts = facts;
    this.declared = declared;
    this.report = report;
  }

  void check(TrainingRun run, List<PlanRow> rows) {
    String id = run.id();
    if (facts.finished(id)) {
      if (!rows.isEmpty())
        fail(Rule.FIXED_PAST, "training run " + id + " finished before the as-of date, yet placed");
      return;
    }
    var running = facts.running(id);
    if (running.isPresent()) {
      checkRunning(run, running.get(), rows);
      return;
    }
    if (declared.unplaced(id)) {
      // a recourse plan's run left unplaced: all of its gang, or nothing (its money: UNMET)
      if (!rows.isEmpty())
        fail(Rule.GANG_PLACEMENT, "training run " + id + " is declared unplaced, yet placed");
      return;
    }
    if (rows.isEmpty()) {
      fail(Rule.GANG_PLACEMENT, "training run " + id + " has no placement");
      return;
    }
    var places = rows.stream().map(r -> r.region() + " " + r.accelerator()).distinct().toList();
    if (places.size() != 1) {
      fail(Rule.GANG_PLACEMENT, "training run " + id + " is split across " + places);
      return;
    }
    PlanRow first = rows.getFirst();
    rows.stream()
        .filter(r -> r.gpus() != run.gpus())
        .forEach(
            r ->
                fail(
                    Rule.GANG_SIZE,
                    r.where() + ": gpus " + r.gpus() + ", expected the gang's " + run.gpus()));
    if (!facts.compatible(run.accelerators(), first.accelerator())) {
      fail(
          Rule.ACCELERATOR,
          "training run " + id + " on " + first.accelerator() + ", allowed " + run.accelerators());
    }
    Map<YearMonth, BigDecimal> byMonth =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    PlanRow::month,
                    TreeMap::new,
                    Collectors.reducing(BigDecimal.ZERO, PlanRow::gpuHours, BigDecimal::add)));
    Map<YearMonth, Long> rowsPerMonth =
        rows.stream().collect(Collectors.groupingBy(PlanRow::month, Collectors.counting()));
    YearMonth start = byMonth.keySet().iterator().next();
    YearMonth end = ((TreeMap<YearMonth, BigDecimal>) byMonth).lastKey();
    checkWindow(run, start, end);
    checkFits(run, first, byMonth.keySet());
    facts
        .accelerator(first.accelerator())
        .ifPresent(
            a ->
                checkHours(
                    run, a, start, wallHours(run, a), "starting " + start, byMonth, rowsPerMonth));
  }

  /** W = H / θ, rounded up (docs/plan-json.md). */
  private static BigDecimal wallHours(TrainingRun run, Accelerator accelerator) {
    return run.referenceHours().divide(accelerator.throughput(), 6, RoundingMode.CEILING);
  }

  /**
   * A run under way at a re-plan's as-of date stays where it started and runs the rest of its gang
   * from the first open month: every month since its start was whole (docs/planner.md, "Variables
   * fixed or removed").
   */
  private void checkRunning(TrainingRun run, RunningRun at, List<PlanRow> rows) {
    String id = run.id();
    var accelerator = facts.accelerator(at.accelerator());
    if (accelerator.isEmpty() || facts.region(at.region()).isEmpty()) {
      fail(
          Rule.FIXED_PAST,
          "running run "
              + id
              + " is fixed to "
              + at.region()
              + " "
              + at.accelerator()
              + ", which the scenario does not have");
      return;
    }
    YearMonth first = facts.past.firstOpen();
    BigDecimal left = wallHours(run, accelerator.get());
    for (YearMonth m = at.start(); m.isBefore(first); m = m.plusMonths(1)) {
      left = left.subtract(ScenarioFacts.hours(m));
    }
    if (left.signum() <= 0) {
      fail(
          Rule.FIXED_PAST,
          "training run "
              + id
              + " started "
              + at.start()
              + " has finished before "
              + first
              + ": it cannot be running");
      return;
    }
    if (rows.isEmpty()) {
      fail(Rule.FIXED_PAST, "running run " + id + " has no placement from " + first);
      return;
    }
    rows.stream()
        .filter(r -> !r.region().equals(at.region()) || !r.accelerator().equals(at.accelerator()))
        .forEach(
            r ->
                fail(
                    Rule.FIXED_PAST,
                    r.where()
                        + ": running run "
                        + id
                        + " is fixed to "
                        + at.region()
                        + " "
                        + at.accelerator()));
    rows.stream()
        .filter(r -> r.gpus() != run.gpus())
        .forEach(
            r ->
                fail(
                    Rule.GANG_SIZE,
                    r.where() + ": gpus " + r.gpus() + ", expected the gang's " + run.gpus()));
    Map<YearMonth, BigDecimal> byMonth =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    PlanRow::month,
                    TreeMap::new,
                    Collectors.reducing(BigDecimal.ZERO, PlanRow::gpuHours, BigDecimal::add)));
    Map<YearMonth, Long> rowsPerMonth =
        rows.stream().collect(Collectors.groupingBy(PlanRow::month, Collectors.counting()));
    checkFits(run, rows.getFirst(), byMonth.keySet());
    checkHours(
        run,
        accelerator.get(),
        first,
        left,
        "running since " + at.start() + ", from " + first,
        byMonth,
        rowsPerMonth);
  }

  private void checkWindow(TrainingRun run, YearMonth start, YearMonth end) {
    if (start.isBefore(run.earliestStart())) {
      fail(
          Rule.GANG_WINDOW,
          "training run " + run.id() + " starts " + start + " before " + run.earliestStart());
    }
    if (end.isAfter(run.deadline())) {
      fail(
          Rule.GANG_WINDOW,
          "training run " + run.id() + " runs until " + end + ", deadline " + run.deadline());
    }
    if (!facts.scenario.horizon().contains(start) || !facts.scenario.horizon().contains(end)) {
      fail(
          Rule.GANG_WINDOW,
          "training run "
              + run.id()
              + " runs "
              + start
              + ".."
              + end
              + " outside the horizon "
              + facts.scenario.horizon());
    }
  }

  private void checkFits(TrainingRun run, PlanRow place, Iterable<YearMonth> months) {
    for (YearMonth month : months) {
      long gpus = facts.deliverable(place.region(), place.accelerator(), month);
      if (gpus < run.gpus()) {
        fail(
            Rule.GANG_FITS,
            "training run "
                + run.id()
                + " needs "
                + run.gpus()
                + " GPUs in "
                + place.region()
                + " "
                + place.accelerator()
                + " in "
                + month
                + ", which delivers "
                + gpus);
      }
    }
  }

  private void checkHours(
      TrainingRun run,
      Accelerator accelerator,
      YearMonth start,
      BigDecimal wall,
      String from,
      Map<YearMonth, BigDecimal> byMonth,
      Map<YearMonth, Long> rowsPerMonth) {
    BigDecimal left = wall;
    BigDecimal gpus = BigDecimal.valueOf(run.gpus());
    var expected = new TreeMap<YearMonth, BigDecimal>();
    for (YearMonth m = start; left.signum() > 0; m = m.plusMonths(1)) {
      BigDecimal w = left.min(ScenarioFacts.hours(m));
      expected.put(m, gpus.multiply(w));
      left = left.subtract(w);
    }
    if (!expected.keySet().equals(byMonth.keySet())) {
      fail(
          Rule.GANG_HOURS,
          "training run "
              + run.id()
              + " runs in "
              + byMonth.keySet()
              + "; "
              + from
              + " on "
              + accelerator.name()
              + " it runs without pause in "
              + expected.keySet());
      return;
    }
    expected.forEach(
        (month, hours) -> {
          BigDecimal got = byMonth.get(month);
          // W is rounded up to 1e-6 h in docs/plan-json.md but to 1e-3 h in the planner's code
          // (PlanData): allow one 1e-3 h step per GPU, far below any real error in a gang's hours
          BigDecimal tolerance =
              ROW_TOLERANCE
                  .multiply(BigDecimal.valueOf(rowsPerMonth.get(month)))
                  .add(W_STEP.multiply(gpus));
          if (got.subtract(hours).abs().compareTo(tolerance) > 0) {
            fail(
                Rule.GANG_HOURS,
                "training run "
                    + run.id()
                    + " in "
                    + month
                    + ": "
                    + got.toPlainString()
                    + " GPU-hours, expected "
                    + hours.toPlainString());
          }
        });
  }

  private void fail(Rule rule, String message) {
    report.accept(new Violation(rule, message));
  }
}
