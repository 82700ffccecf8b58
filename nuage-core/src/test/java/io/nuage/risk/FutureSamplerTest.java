package io.nuage.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.DemandRisk;
import io.nuage.uncertainty.Discrete;
import io.nuage.uncertainty.PriceRisk;
import io.nuage.uncertainty.ProviderRisk;
import io.nuage.uncertainty.RunRisk;
import io.nuage.uncertainty.Source;
import io.nuage.uncertainty.Uncertainty;
import io.nuage.uncertainty.Weighted;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FutureSamplerTest {
  static final Scenario EXAMPLE =
      ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml"));

  static Discrete<Integer> slips(int... monthsThenPercent) {
    var outcomes = new java.util.ArrayList<Weighted<Integer>>();
    for (int i = 0; i < monthsThenPercent.length; i += 2)
      outcomes.add(
          new Weighted<>(monthsThenPercent[i], BigDecimal.valueOf(monthsThenPercent[i + 1], 2)));
    return new Discrete<>(outcomes);
  }

  static Uncertainty everything() {
    return new Uncertainty(
        new DemandRisk(0.05, 0.4, 0.8, DemandRisk.Step.MONTH),
        Map.of(),
        new RunRisk(
            new BigDecimal("0.2"), Discrete.always(new BigDecimal("1.5")), slips(0, 50, 2, 50)),
        Map.of(),
        new Discrete<>(
            List.of(
                new Weighted<>(Delay.ON_TIME, new BigDecimal("0.5")),
                new Weighted<Delay>(new Delay.Never(), new BigDecimal("0.5")))),
        Map.of(),
        Map.of("H100", new PriceRisk(-0.2, 0.1)),
        Map.of("oci", new ProviderRisk(new BigDecimal("0.3"), null)),
        null,
        BigDecimal.ONE);
  }

  @Test
  void draw_isAFunctionOfSeedAndSampleOnly() {
    var a = new FutureSampler(EXAMPLE, everything(), 7);
    var b = new FutureSampler(EXAMPLE, everything(), 7);
    // drawn out of order on the second sampler: a future does not depend on what was drawn before
    Future b9 = b.draw(9);
    Future b3 = b.draw(3);
    Future a3 = a.draw(3);
    Future a9 = a.draw(9);
    assertThat(a3.cancelled()).isEqualTo(b3.cancelled());
    assertThat(a9.slips()).isEqualTo(b9.slips());
    String fleet = EXAMPLE.workloads(InferenceFleet.class).get(0).id();
    assertThat(a3.demandFactors().get(fleet)).containsExactly(b3.demandFactors().get(fleet));
    assertThat(a9.providerLoss()).isEqualTo(b9.providerLoss());
    assertThat(a3.stepDelays()).isEqualTo(b3.stepDelays());
    // another seed draws another future
    Future other = new FutureSampler(EXAMPLE, everything(), 8).draw(3);
    assertThat(other.demandFactors().get(fleet)).isNotEqualTo(a3.demandFactors().get(fleet));
  }

  @Test
  void oneSourceAlone_drawsWhatItDrawsWithTheOthers() {
    var all = new FutureSampler(EXAMPLE, everything(), 11);
    var demandOnly = new FutureSampler(EXAMPLE, everything().only(Source.DEMAND), 11);
    var runsOnly = new FutureSampler(EXAMPLE, everything().only(Source.TRAINING_RUNS), 11);
    for (long i = 0; i < 20; i++) {
      Future f = all.draw(i);
      Future d = demandOnly.draw(i);
      Future r = runsOnly.draw(i);
      for (String fleet : f.demandFactors().keySet())
        assertThat(d.demandFactors().get(fleet)).containsExactly(f.demandFactors().get(fleet));
      assertThat(d.cancelled()).isEmpty();
      assertThat(d.providerLoss()).isEmpty();
      assertThat(r.cancelled()).isEqualTo(f.cancelled());
      assertThat(r.slips()).isEqualTo(f.slips());
      assertThat(r.demandFactors()).isEmpty();
    }
  }

  @Test
  void demand_hasTheMeanAndCorrelationOfItsModel() {
    // E[D(t)] = exp(μ t/12); corr(log D_f, log D_g) = ρ² for two fleets loaded ρ on the factor
    double mu = 0.1;
    double sigma = 0.3;
    double rho = 0.6;
    var u =
        new Uncertainty(
            new DemandRisk(mu, sigma, rho, DemandRisk.Step.MONTH),
            Map.of(),
            RunRisk.NONE,
            Map.of(),
            Discrete.always(Delay.ON_TIME),
            Map.of(),
            Map.of(),
            Map.of(),
            null,
            BigDecimal.ONE);
    var sampler = new FutureSampler(EXAMPLE, u, 1);
    List<String> fleets =
        EXAMPLE.workloads(InferenceFleet.class).stream().map(InferenceFleet::id).sorted().toList();
    int t = 24;
    int n = 4000;
    double sum = 0;
    double sumSq = 0;
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (long i = 0; i < n; i++) {
      Future f = sampler.draw(i);
      double d = f.demandFactors().get(fleets.get(0))[t];
      sum += d;
      sumSq += d * d;
      double x = Math.log(d);
      double y = Math.log(f.demandFactors().get(fleets.get(1))[t]);
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    double mean = sum / n;
    double se = Math.sqrt((sumSq / n - mean * mean) / n);
    assertThat(Math.abs(mean - Math.exp(mu * t / 12))).isLessThan(4 * se);
    double corr =
        (sxy / n - sx / n * sy / n)
            / Math.sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
    // the sample correlation of n pairs has a standard error of about (1 - r²)/√n
    assertThat(Math.abs(corr - rho * rho))
        .isLessThan(4 * (1 - rho * rho * rho * rho) / Math.sqrt(n));
  }

  @Test
  void runs_areCancelledWithTheirProbability() {
    var sampler = new FutureSampler(EXAMPLE, everything(), 3);
    int runs = EXAMPLE.workloads(TrainingRun.class).size();
    int n = 2000;
    long cancelled = 0;
    for (long i = 0; i < n; i++) cancelled += sampler.draw(i).cancelled().size();
    double p = (double) cancelled / (n * runs);
    assertThat(Math.abs(p - 0.2)).isLessThan(4 * Math.sqrt(0.2 * 0.8 / (n * runs)));
  }

  @Test
  void providerLoss_isAConstantMonthlyHazard() {
    // P(lost within the first 12 months) = the yearly probability
    var sampler = new FutureSampler(EXAMPLE, everything().only(Source.PROVIDERS), 5);
    YearMonth yearEnd = EXAMPLE.horizon().start().plusMonths(12);
    int n = 4000;
    int lost = 0;
    for (long i = 0; i < n; i++) {
      YearMonth m = sampler.draw(i).providerLoss().get("oci");
      if (m != null && m.isBefore(yearEnd)) lost++;
    }
    double p = (double) lost / n;
    assertThat(Math.abs(p - 0.3)).isLessThan(4 * Math.sqrt(0.3 * 0.7 / n));
  }

  @Test
  void weights_mustSumToExactlyOne() {
    assertThatThrownBy(() -> slips(0, 50, 1, 49))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.99")
        .hasMessageContaining("exactly 1");
    assertThatThrownBy(() -> new DemandRisk(0, -0.1, 0, DemandRisk.Step.MONTH))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new DemandRisk(0, 0.1, 1.5, DemandRisk.Step.MONTH))
        .hasMessageContaining("-1 to 1");
    assertThatThrownBy(() -> new ProviderRisk(new BigDecimal("1.2"), null))
        .hasMessageContaining("0 to 1");
  }
}
