package io.nuage.plan;

import static io.nuage.plan.TinyScenario.A100;
import static io.nuage.plan.TinyScenario.H100;
import static io.nuage.plan.TinyScenario.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Policy;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external oracle: the exported MPS solved by COIN-OR CBC (Debian's coinor-cbc, installed by
 * .ci/run) reaches the objective the planner reports: totalCost - fixedCost.
 */
class MpsOracleTest {
  @TempDir Path dir;

  @Test
  void lp_cbcAgreesToOneMillionth() throws Exception {
    // Fleets only (an LP): committed spend, a share cap and a reservation together.
    Scenario s =
        new TinyScenario("2027-01", "2027-03")
            .region("a/r1", "US", H100, "1.80", 10)
            .region("c/r1", "US", H100, "2.50", 10)
            .region("b/r1", "US", A100, "1.00", 20)
            .contract(
                new CommittedSpend(
                    "deal",
                    "c",
                    MonthRange.of("2027-01", "2027-03"),
                    List.of(d("6000")),
                    d("0.2"),
                    true))
            .contract(
                new ReservedCapacity(
                    "res", "b", "b/r1", "A100", 2, MonthRange.of("2027-01", "2027-12"), d("0.40")))
            .fleet("f", "US", Set.of("a/r1", "c/r1", "b/r1"), "3000")
            .policy(new Policy(d("0.7"), Map.of(), Set.of()))
            .build();
    assertAgrees(s, 1e-6);
  }

  @Test
  void mip_cbcAgreesWithinTheReportedGap() throws Exception {
    Scenario s =
        new TinyScenario("2027-01", "2027-04")
            .region("a/r1", "US", H100, "2.00", 16)
            .region("b/r1", "US", H100, "2.40", 16)
            .region("c/r1", "US", A100, "1.10", 32)
            .contract(
                new CommittedSpend(
                    "deal",
                    "b",
                    MonthRange.of("2027-01", "2027-04"),
                    List.of(d("40000")),
                    d("0.1"),
                    true))
            .training("r1", 16, "900", "2027-01", "2027-03")
            .training("r2", 8, "1200", "2027-01", "2027-04")
            .training("r3", 16, "400", "2027-02", "2027-04")
            .fleet("f", "US", Set.of("a/r1", "b/r1", "c/r1"), "2000")
            .build();
    assertAgrees(s, 1e-4);
  }

  @Test
  void shippedExample_cbcAgreesWithinTheReportedGap() throws Exception {
    assertAgrees(
        ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml")), 1e-4);
  }

  private void assertAgrees(Scenario s, double tolerance) throws Exception {
    PlanOutcome out = Planner.plan(s, PlanOptions.defaults());
    Plan plan =
        out instanceof PlanOutcome.Optimal o ? o.plan() : ((PlanOutcome.Feasible) out).plan();
    Path mps = dir.resolve("model.mps");
    Files.writeString(mps, Planner.exportMps(s, PlanOptions.defaults()));
    double cbc = cbcObjective(mps);
    double ours = plan.totalCost().subtract(plan.fixedCost()).doubleValue();
    double allowed =
        Math.max(tolerance, plan.gap().doubleValue()) * Math.max(1, Math.abs(ours))
            + 0.01
                * plan.placements().size(); // reported money is rounded to the cent per placement
    assertThat(Math.abs(cbc - ours))
        .as("cbc %s vs plan %s", cbc, ours)
        .isLessThanOrEqualTo(allowed);
  }

  static double cbcObjective(Path mps) throws Exception {
    Process p =
        new ProcessBuilder("cbc", mps.toString(), "-ratio", "1e-6", "-solve", "-quit")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    // CBC prints "Objective value:" after a MIP and "Optimal - objective value" after an LP.
    Matcher m =
        Pattern.compile("(?:Objective value:|Optimal - objective value)\\s+(\\S+)").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    assertThat(output).contains("Optimal");
    return Double.parseDouble(m.group(1));
  }
}
