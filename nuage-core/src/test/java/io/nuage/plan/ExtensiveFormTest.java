package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nuage.contract.CommittedSpend;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.risk.Future;
import io.nuage.risk.FutureEnumeration;
import io.nuage.risk.FutureScenario;
import io.nuage.risk.PlannerRecourse;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deal's extensive form (docs/deals.md section 5) exported as MPS and solved by Debian's CBC
 * ({@link CbcOracle}: its point read from its solution file and checked against every row here):
 * the optimum agrees with Nuage's, and both with the closed form of the newsvendor-shaped instance.
 */
class ExtensiveFormTest {
  @TempDir Path dir;

  @Test
  void cbcOnTheExportedModel_agreesWithNuage_andTheClosedForm() throws Exception {
    Scenario s =
        ScenarioParser.parse(
            Path.of(getClass().getResource("/deal/newsvendor-tiers.yaml").toURI()));
    CommittedSpend deal = s.contracts(CommittedSpend.class).getFirst();
    // the tier of discount 0.30, totals 0.9M to 1.2M, minimums allowed up to 3M
    CommittedSpend widest =
        new CommittedSpend(
            deal.id(),
            deal.provider(),
            deal.term(),
            List.of(new BigDecimal("3000000")),
            new BigDecimal("0.30"),
            true,
            deal.discountTiers());
    Scenario signed = s.withContract(deal.id(), widest);
    FutureEnumeration all = new FutureEnumeration(s, s.uncertainty());
    List<Scenario> futures = new ArrayList<>();
    List<RecourseTerms> terms = new ArrayList<>();
    double[] weights = new double[(int) all.count()];
    for (int i = 0; i < weights.length; i++) {
      Future f = all.get(i).future();
      Scenario future = FutureScenario.of(signed, f);
      futures.add(future);
      terms.add(PlannerRecourse.terms(future, f));
      weights[i] = all.get(i).probability().doubleValue();
    }
    try (ExtensiveForm ef =
        new ExtensiveForm(
            futures,
            terms,
            weights,
            deal.id(),
            new double[] {0},
            new double[] {3_000_000},
            900_000,
            1_200_000,
            PlanOptions.defaults())) {
      ExtensiveForm.Solution nuage = ef.solve();
      // the header of newsvendor-tiers.yaml: S* = 0.9M at discount 0.30, E[cost] = 1.008M
      assertThat(nuage.objective()).isCloseTo(1_008_000, within(0.01));
      assertThat(nuage.bound()).isLessThanOrEqualTo(nuage.objective() + 1e-6);
      assertThat(nuage.minimums()[0]).isCloseTo(900_000, within(0.01));
      ExtensiveForm.Export export = ef.export();
      Path mps = dir.resolve("deal.mps");
      Files.writeString(mps, export.mps());
      double cbc = CbcOracle.optimum(export.model(), mps) + ef.fixedCost();
      assertThat(cbc).isCloseTo(nuage.objective(), within(0.01));
    }
  }

  @Test
  void aReservationsExtensiveForm_onCbc_agreesWithNuage_andTheCriticalFractile() throws Exception {
    Scenario s =
        ScenarioParser.parse(
            Path.of(getClass().getResource("/deal/newsvendor-reserved.yaml").toURI()));
    io.nuage.contract.ReservedCapacity k =
        s.contracts(io.nuage.contract.ReservedCapacity.class).getFirst();
    FutureEnumeration all = new FutureEnumeration(s, s.uncertainty());
    List<Scenario> futures = new ArrayList<>();
    List<RecourseTerms> terms = new ArrayList<>();
    double[] weights = new double[(int) all.count()];
    for (int i = 0; i < weights.length; i++) {
      Future f = all.get(i).future();
      Scenario future = FutureScenario.of(s, f);
      futures.add(future);
      terms.add(PlannerRecourse.terms(future, f));
      weights[i] = all.get(i).probability().doubleValue();
    }
    try (ExtensiveForm ef =
        new ExtensiveForm(
            futures,
            terms,
            weights,
            new SecondStage.Reservation(k, 0, 200),
            PlanOptions.defaults())) {
      ExtensiveForm.Solution nuage = ef.solve();
      // the header of newsvendor-reserved.yaml: G* = 150 GPUs (fractile 0.6), E[cost] = $50,220
      assertThat(nuage.objective()).isCloseTo(50_220, within(0.01));
      assertThat(nuage.bound()).isLessThanOrEqualTo(nuage.objective() + 1e-6);
      assertThat(nuage.minimums()[0]).isCloseTo(150, within(1e-6));
      ExtensiveForm.Export export = ef.export();
      Path mps = dir.resolve("reserved.mps");
      Files.writeString(mps, export.mps());
      double cbc = CbcOracle.optimum(export.model(), mps) + ef.fixedCost();
      assertThat(cbc).isCloseTo(nuage.objective(), within(0.01));
    }
  }
}
