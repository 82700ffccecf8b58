package io.nuage.plan.replan;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.MonthRange;
import io.nuage.plan.ContractYear;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import io.nuage.plan.Plan;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.Planner;
import io.nuage.plan.past.FixedPast;
import io.nuage.scenario.Scenario;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Re-plans a scenario from its fixed past with the planner (docs/planner.md, "Re-planning from
 * actuals") and says what changed against the plan being followed (docs/replan.md).
 */
public final class Replanner {
  private static final BigDecimal HALF_STEP = new BigDecimal("0.0005");

  private Replanner() {}

  public static Replan replan(
      Scenario scenario, FixedPast past, PreviousPlan previous, PlanOptions options) {
    return replan(scenario, past, previous, options, List.of());
  }

  /** The same, with notes on how its inputs were read (kept in the report). */
  public static Replan replan(
      Scenario scenario,
      FixedPast past,
      PreviousPlan previous,
      PlanOptions options,
      List<String> notes) {
    PlanOutcome outcome =
        Planner.replan(scenario, past, previous.placementsFrom(past.firstOpen()), options);
    Replan bare =
        new Replan(
            outcome, past, previous, List.of(), List.of(), List.of(), List.of(), List.of(), notes);
    Plan plan = bare.plan();
    if (plan == null) return bare;
    YearMonth first = past.firstOpen();
    return new Replan(
        outcome,
        past,
        previous,
        runs(scenario, past, previous, plan),
        fleets(previous, plan, first),
        costs(previous, plan, first),
        shortfalls(scenario, previous, plan),
        trueUp(scenario, plan, first),
        notes);
  }

  static List<RunMove> runs(Scenario scenario, FixedPast past, PreviousPlan previous, Plan plan) {
    YearMonth first = past.firstOpen();
    List<RunMove> out = new ArrayList<>();
    for (TrainingRun run : scenario.workloads(TrainingRun.class)) {
      if (past.finished().contains(run.id())) continue;
      Predicate<Placement> mine = p -> p.workload().equals(run.id()) && !p.month().isBefore(first);
      List<Placement> before = previous.placements().stream().filter(mine).toList();
      List<Placement> now = plan.placements().stream().filter(mine).toList();
      String from = place(before);
      String to = place(now);
      String fromMonths = months(before);
      String toMonths = months(now);
      if (java.util.Objects.equals(from, to) && fromMonths.equals(toMonths)) continue;
      boolean underWay = past.running(run.id()).isPresent();
      out.add(
          new RunMove(
              run.id(),
              from,
              fromMonths,
              to,
              toMonths,
              gpuHours(before),
              gpuHours(now),
              underWay ? "under way" : "re-planned"));
    }
    return out;
  }

  static List<FleetShift> fleets(PreviousPlan previous, Plan plan, YearMonth first) {
    Map<String, Map<YearMonth, BigDecimal[]>> cells = new TreeMap<>();
    collect(cells, previous.placements(), first, 0);
    collect(cells, plan.placements(), first, 1);
    List<FleetShift> out = new ArrayList<>();
    cells.forEach(
        (key, byMonth) -> {
          BigDecimal was = BigDecimal.ZERO;
          BigDecimal now = BigDecimal.ZERO;
          List<String> differ = new ArrayList<>();
          for (var e : byMonth.entrySet()) {
            was = was.add(e.getValue()[0]);
            now = now.add(e.getValue()[1]);
            // each row is rounded to 1e-3 GPU-hours: less than a step is the rounding
            if (e.getValue()[1]
                    .subtract(e.getValue()[0])
                    .abs()
                    .compareTo(HALF_STEP.multiply(BigDecimal.TWO))
                > 0) differ.add(e.getKey().toString());
          }
          if (differ.isEmpty()) return;
          String[] k = key.split("\\|");
          out.add(new FleetShift(k[0], k[1], k[2], was, now, differ));
        });
    return out;
  }

  private static void collect(
      Map<String, Map<YearMonth, BigDecimal[]>> cells,
      List<Placement> placements,
      YearMonth first,
      int side) {
    for (Placement p : placements) {
      if (!p.kind().equals("inference") || p.month().isBefore(first)) continue;
      BigDecimal[] pair =
          cells
              .computeIfAbsent(
                  p.workload() + "|" + p.qualifiedRegion() + "|" + p.accelerator(),
                  k -> new TreeMap<>())
              .computeIfAbsent(p.month(), m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      pair[side] = pair[side].add(p.gpuHours());
    }
  }

  /**
   * Cost by component (docs/replan.md, "Cost"): to date (the previous plan's own figure for the
   * fixed months, found as its total less its other lines; the re-plan's bills), then the months
   * left of each component, the shortfall of every contract year, and the total.
   */
  static List<CostLine> costs(PreviousPlan previous, Plan plan, YearMonth first) {
    var b = plan.costBreakdown();
    BigDecimal usage = sumCost(previous.placements(), first);
    BigDecimal egress =
        previous.egress().stream()
            .filter(e -> !e.month().isBefore(first))
            .map(EgressCharge::cost)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    // reserved fees and storage of the months left are no decision: the scenario's, the same for
    // both plans of one scenario
    BigDecimal shortfall = previous.costBreakdown().shortfall();
    BigDecimal toDate =
        previous
            .totalCost()
            .subtract(usage)
            .subtract(egress)
            .subtract(b.reserved())
            .subtract(b.storage())
            .subtract(shortfall);
    List<CostLine> out = new ArrayList<>();
    out.add(new CostLine("to date", toDate, b.actual()));
    out.add(new CostLine("usage", usage, b.usage()));
    out.add(new CostLine("reserved", b.reserved(), b.reserved()));
    out.add(new CostLine("egress", egress, b.egress()));
    out.add(new CostLine("storage", b.storage(), b.storage()));
    out.add(new CostLine("shortfall", shortfall, b.shortfall()));
    out.add(new CostLine("total", previous.totalCost(), plan.totalCost()));
    return out;
  }

  static List<ShortfallChange> shortfalls(Scenario scenario, PreviousPlan previous, Plan plan) {
    Map<String, ShortfallChange> out = new LinkedHashMap<>();
    for (ContractYear c : plan.contracts()) {
      BigDecimal before =
          previous.contracts().stream()
              .filter(p -> p.contract().equals(c.contract()) && p.year() == c.year())
              .map(ContractYear::shortfall)
              .findFirst()
              .orElse(BigDecimal.ZERO);
      out.put(
          c.contract() + "#" + c.year(),
          new ShortfallChange(
              c.contract(),
              c.year(),
              months(scenario, c)[0],
              months(scenario, c)[1],
              c.takeOrPay(),
              before,
              c.shortfall()));
    }
    return List.copyOf(out.values());
  }

  static List<TrueUp> trueUp(Scenario scenario, Plan plan, YearMonth first) {
    List<TrueUp> out = new ArrayList<>();
    for (ContractYear c : plan.contracts()) {
      CommittedSpend k =
          scenario.contracts(CommittedSpend.class).stream()
              .filter(x -> x.id().equals(c.contract()))
              .findFirst()
              .orElseThrow();
      YearMonth from = months(scenario, c)[0];
      YearMonth to = months(scenario, c)[1];
      if (to.isBefore(first)) continue; // closed: its shortfall is final
      List<String> ids = scenario.billingOf(k.id()).commitmentIds();
      String commitment =
          ids.size() == 1 ? ids.getFirst() : ids.size() > c.year() ? ids.get(c.year()) : null;
      BigDecimal toDate = c.consumedToDate();
      out.add(
          new TrueUp(
              c.contract(),
              c.provider(),
              c.year(),
              commitment,
              from,
              to,
              c.committed(),
              toDate,
              c.committed().subtract(toDate).max(BigDecimal.ZERO),
              c.consumed().subtract(toDate),
              c.shortfall(),
              c.takeOrPay()));
    }
    return out;
  }

  /** A contract year's first and last month in the horizon. */
  private static YearMonth[] months(Scenario scenario, ContractYear c) {
    CommittedSpend k =
        scenario.contracts(CommittedSpend.class).stream()
            .filter(x -> x.id().equals(c.contract()))
            .findFirst()
            .orElseThrow();
    MonthRange year = k.term().year(c.year());
    YearMonth from = later(year.start(), scenario.horizon().start());
    YearMonth to =
        year.end().isAfter(scenario.horizon().end()) ? scenario.horizon().end() : year.end();
    return new YearMonth[] {from, to};
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static BigDecimal sumCost(List<Placement> placements, YearMonth first) {
    return placements.stream()
        .filter(p -> !p.month().isBefore(first))
        .map(Placement::cost)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static @org.jspecify.annotations.Nullable String place(List<Placement> rows) {
    return rows.isEmpty()
        ? null
        : rows.getFirst().qualifiedRegion() + " " + rows.getFirst().accelerator();
  }

  /** {@code YYYY-MM..YYYY-MM} of the rows' months (one month alone), empty without rows. */
  static String months(List<Placement> rows) {
    var months = new TreeSet<YearMonth>();
    rows.forEach(p -> months.add(p.month()));
    if (months.isEmpty()) return "";
    return months.size() == 1 ? months.first().toString() : months.first() + ".." + months.last();
  }

  private static BigDecimal gpuHours(List<Placement> rows) {
    return rows.stream().map(Placement::gpuHours).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
