package io.nuage.plan;

import static io.nuage.plan.TinyScenario.A100;
import static io.nuage.plan.TinyScenario.H100;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random small scenarios with share caps, reservations, committed spend, rights of first
 * refusal and fleets over several geographies: every plan holds capacity and demand, its money adds
 * up, its bound is below it, it is no dearer than a feasible baseline, its ROFR report names no
 * violation, and CBC on the exported model (preprocessing off, its point checked against the rows)
 * agrees.
 */
class RandomScenariosTest {
  private static final long SEEDS = Long.getLong("nuage.plan.seeds", 200);

  @TempDir Path dir;

  @Test
  void randomScenarios_plansHoldTheirInvariants() throws Exception {
    int planned = 0;
    int infeasible = 0;
    int allFour = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      // every fourth seed carries share caps, a reservation, a right of first refusal and a fleet
      // over two geographies together
      boolean all = seed % 4 == 0;
      Scenario s = scenario(new Random(seed), all);
      if (hasAllFour(s)) allFour++;
      PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
      String context = "seed " + seed + "\n" + PlanJson.write(out);
      // the same scenario on the relax-and-round path: same feasibility, total within the gap
      PlanOutcome rounded = Planner.plan(s, PlanOptions.defaults().withLargeModelOptions(0));
      String both = context + "\nrelax and round:\n" + PlanJson.write(rounded);
      assertThat(rounded instanceof PlanOutcome.Infeasible)
          .as(both)
          .isEqualTo(out instanceof PlanOutcome.Infeasible);
      if (out instanceof PlanOutcome.Infeasible i) {
        infeasible++;
        assertThat(i.reasons()).as(context).isNotEmpty();
        // CBC (Debian's, preprocessing off) on the exported model must say so too. An
        // infeasibility proof cannot be point-checked against the rows as an optimum is: its status
        // is all the oracle gives ("Infeasible": its LP relaxation already; "Integer infeasible":
        // only with the gangs integral).
        String status = CbcOracle.status(s, PlanOptions.defaults(), dir);
        if (status.equals(CbcOracle.NO_COLUMN)) {
          // no run has an option: the pre-checks' exact arithmetic is the proof, nothing to solve
          assertThat(i.reasons()).as(context).noneMatch(r -> r.kind().startsWith("joint-"));
          continue;
        }
        assertThat(status).as(context).matches("(Infeasible|Integer infeasible)\\b.*");
        continue;
      }
      planned++;
      Plan plan =
          out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
      // the planner verifies its plans; the test does it again, explicitly
      assertThat(io.nuage.plan.verify.PlanVerifier.verify(s, out)).as(context).isEmpty();
      assertThat(io.nuage.plan.verify.PlanVerifier.verify(s, rounded)).as(both).isEmpty();
      assertThat(plan.totalCost()).as(context).isEqualByComparingTo(plan.costBreakdown().total());
      assertThat(plan.lowerBound()).as(context).isLessThanOrEqualTo(plan.totalCost());
      for (Baseline b : plan.baselines()) {
        if (b.feasible())
          assertThat(plan.totalCost()).as(context).isLessThanOrEqualTo(b.totalCost());
      }
      assertThat(plan.rightOfFirstRefusal())
          .as(context)
          .extracting(RofrPassOver::reason)
          .doesNotContain("violation");
      assertWithinCapacity(s, plan, context);
      Plan other =
          rounded instanceof PlanOutcome.Optimal o
              ? o.plan()
              : ((PlanOutcome.Feasible) rounded).plan();
      // both totals lie above the MIP's bound; the rounded one within the MIP's reported gap of it
      // (and a cent per placement of rounding), or above it when its own gap says it may be
      assertThat(other.totalCost()).as(both).isGreaterThanOrEqualTo(plan.lowerBound());
      BigDecimal slack =
          plan.totalCost()
              .subtract(plan.lowerBound())
              .add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(other.placements().size())))
              .max(other.totalCost().subtract(other.lowerBound()));
      assertThat(other.totalCost().subtract(plan.totalCost()).abs())
          .as(both)
          .isLessThanOrEqualTo(slack);
      double cbc = CbcOracle.optimum(s, PlanOptions.defaults(), dir);
      MpsOracleTest.assertCbcAgrees(plan, cbc, 0, context);
    }
    // The generator must produce mostly plannable scenarios, or the test proves little.
    assertThat(planned).isGreaterThan((int) (SEEDS / 2));
    assertThat(infeasible).as("infeasible scenarios checked by CBC").isPositive();
    assertThat(allFour)
        .as("scenarios with all four features")
        .isGreaterThanOrEqualTo((int) (SEEDS / 4));
  }

  /** Share caps, a reservation, a right of first refusal and a fleet over two geographies. */
  private static boolean hasAllFour(Scenario s) {
    boolean caps =
        s.policy().maxShare().compareTo(BigDecimal.ONE) < 0
            || !s.policy().maxShareByProvider().isEmpty();
    boolean twoGeographies =
        s.workloads().stream()
            .filter(w -> w instanceof InferenceFleet)
            .map(w -> (InferenceFleet) w)
            .anyMatch(f -> f.demands().size() > 1);
    return caps
        && !s.contracts(ReservedCapacity.class).isEmpty()
        && !s.contracts(RightOfFirstRefusal.class).isEmpty()
        && twoGeographies;
  }

  private static void assertWithinCapacity(Scenario s, Plan plan, String context) {
    Map<String, BigDecimal> used = new HashMap<>();
    for (Placement p : plan.placements())
      used.merge(
          p.region() + "|" + p.accelerator() + "|" + p.month(), p.gpuHours(), BigDecimal::add);
    used.forEach(
        (key, hours) -> {
          String[] k = key.split("\\|");
          int gpus =
              s.capacity().stream()
                  .filter(c -> c.region().equals(k[0]) && c.accelerator().equals(k[1]))
                  .filter(c -> !c.from().isAfter(YearMonth.parse(k[2])))
                  .mapToInt(c -> c.gpus())
                  .max()
                  .orElse(0);
          int reserved =
              s.contracts(ReservedCapacity.class).stream()
                  .filter(
                      r ->
                          r.region().equals(k[0])
                              && r.accelerator().equals(k[1])
                              && r.term().contains(YearMonth.parse(k[2])))
                  .mapToInt(ReservedCapacity::gpus)
                  .sum();
          double cap = Math.max(gpus, reserved) * YearMonth.parse(k[2]).lengthOfMonth() * 24.0;
          assertThat(hours.doubleValue()).as(context + key).isLessThanOrEqualTo(cap + 0.01);
        });
  }

  /** 2-5 regions of up to 3 providers in two geographies, and a random mix of everything else. */
  static Scenario scenario(Random r) {
    return scenario(r, false);
  }

  /**
   * The same; with {@code all}, share caps, a reservation, a right of first refusal and a fleet
   * over two geographies are all there (without it the draws are those of {@link
   * #scenario(Random)}, seed for seed).
   */
  static Scenario scenario(Random r, boolean all) {
    TinyScenario t = new TinyScenario("2027-01", "2027-03");
    int regions = 2 + r.nextInt(4);
    Map<String, Set<String>> byGeography = new TreeMap<>();
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < regions; i++) {
      String region = "p" + (i % 3) + "/r" + i;
      String geography = all && i == regions - 1 ? "EU" : i < 2 || r.nextBoolean() ? "US" : "EU";
      byGeography.computeIfAbsent(geography, g -> new TreeSet<>()).add(region);
      boolean h100 = r.nextBoolean();
      t.region(region, geography, h100 ? H100 : A100, price(r), 8 + 8 * r.nextInt(4));
      cells.add(region + "|" + (h100 ? "H100" : "A100"));
      if (r.nextInt(4) == 0) {
        t.region(region, geography, h100 ? A100 : H100, price(r), 8 + 8 * r.nextInt(3));
        cells.add(region + "|" + (h100 ? "A100" : "H100"));
      }
    }
    if (r.nextBoolean()) {
      t.contract(
          new CommittedSpend(
              "deal",
              "p0",
              MonthRange.of("2027-01", "2027-03"),
              List.of(BigDecimal.valueOf(1000L * (1 + r.nextInt(40)))),
              new BigDecimal("0.2"),
              r.nextInt(4) > 0));
    }
    if (all || r.nextBoolean()) {
      String[] cell = cells.get(r.nextInt(cells.size())).split("\\|");
      t.contract(
          new ReservedCapacity(
              "res",
              cell[0].substring(0, 2),
              cell[0],
              cell[1],
              2 + 2 * r.nextInt(4),
              MonthRange.of("2027-01", "2027-12"),
              new BigDecimal("1.00")));
    }
    if (all || r.nextInt(3) == 0) {
      t.contract(
          new RightOfFirstRefusal(
              "rofr",
              "p" + r.nextInt(3),
              MonthRange.of("2027-01", "2027-12"),
              BigDecimal.valueOf(5 * (1 + r.nextInt(4)), 2)));
    }
    int runs = r.nextInt(4);
    for (int j = 0; j < runs; j++) {
      t.training(
          "run" + j,
          4 + 4 * r.nextInt(4),
          String.valueOf(100 + r.nextInt(900)),
          "2027-01",
          "2027-0" + (1 + r.nextInt(3)));
    }
    if (all || runs == 0 || r.nextBoolean()) {
      List<GeographyDemand> demands = new ArrayList<>();
      for (var g : byGeography.entrySet()) {
        if (demands.isEmpty() || all || r.nextBoolean()) {
          TreeMap<YearMonth, BigDecimal> byMonth = new TreeMap<>();
          for (int m = 1; m <= 3; m++)
            byMonth.put(YearMonth.of(2027, m), BigDecimal.valueOf(500 + r.nextInt(5000)));
          demands.add(new GeographyDemand(g.getKey(), g.getValue(), byMonth));
        }
      }
      t.workload(new InferenceFleet("fleet", Set.of("H100", "A100"), demands));
    }
    if (all || r.nextInt(3) == 0) {
      BigDecimal cap = BigDecimal.valueOf(50 + r.nextInt(40), 2);
      t.policy(
          r.nextBoolean()
              ? new Policy(cap, Map.of(), Set.of())
              : new Policy(BigDecimal.ONE, Map.of("p" + r.nextInt(3), cap), Set.of()));
    }
    return t.build();
  }

  private static String price(Random r) {
    return BigDecimal.valueOf(100 + r.nextInt(300), 2).toPlainString();
  }
}
