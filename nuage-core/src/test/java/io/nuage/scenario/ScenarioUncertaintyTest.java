package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.testing.Repo;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.Discrete;
import io.nuage.uncertainty.StepRef;
import io.nuage.uncertainty.Uncertainty;
import io.nuage.uncertainty.Weighted;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioUncertaintyTest {
  static final Path EXAMPLE = Repo.root().resolve("examples/frontier-lab-2027.yaml");

  /** The example with its uncertainty section replaced by {@code section}. */
  static Scenario parse(String section) throws Exception {
    String text = Files.readString(EXAMPLE);
    text = text.substring(0, text.indexOf("\nuncertainty:")) + "\n" + section;
    return ScenarioParser.parse(text, "u.yaml", EXAMPLE.getParent());
  }

  static List<Problem> problems(String section) {
    try {
      parse(section);
    } catch (ValidationException e) {
      return e.problems();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted: " + section);
  }

  @Test
  void theExample_statesEverySource() {
    Uncertainty u = ScenarioParser.parse(EXAMPLE).uncertainty();
    assertThat(u.demand().volatility()).isEqualTo(0.35);
    assertThat(u.demandOf("video").volatility()).isEqualTo(0.60);
    // an override inherits what it does not say
    assertThat(u.demandOf("video").correlation()).isEqualTo(0.8);
    assertThat(u.runs().cancel()).isEqualByComparingTo("0.05");
    assertThat(u.runs().size().outcomes())
        .extracting(Weighted::value)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0.75"), BigDecimal.ONE, new BigDecimal("1.5"));
    assertThat(u.capacitySlip().outcomes()).extracting(Weighted::value).contains(new Delay.Never());
    assertThat(u.slipOf(new StepRef("oci/us-ashburn-1", "B200", YearMonth.of(2028, 7))).outcomes())
        .hasSize(5)
        .first()
        .extracting(Weighted::weight)
        .isEqualTo(new BigDecimal("0.40"));
    // capacity in service when the plan starts is not late; oci's first new site may be
    assertThat(
            Discrete.isCertainly(
                u.slipOf(new StepRef("azure/eastus2", "H100", YearMonth.of(2027, 1))),
                Delay.ON_TIME))
        .isTrue();
    assertThat(u.slipOf(new StepRef("oci/us-phoenix-1", "B200", YearMonth.of(2027, 1))))
        .isEqualTo(u.capacitySlip());
    assertThat(u.prices()).containsKeys("H100", "H200", "B200");
    assertThat(u.providers().get("oci").from()).isEqualTo(YearMonth.of(2028, 1));
  }

  @Test
  void noSection_isNothingUncertain() throws Exception {
    assertThat(parse("").uncertainty()).isEqualTo(Uncertainty.NONE);
  }

  @Test
  void badValues_areLocatedProblems() {
    List<Problem> p =
        problems(
            """
            uncertainty:
              demand: {volatility: -0.1, correlation: 1.5}
              training-runs:
                cancel-probability: 1.2
                slip-months: {0: 0.5, 1: 0.4}
                runs: {no-such-run: {cancel-probability: 0.1}}
              capacity:
                steps:
                  - {region: oci/us-ashburn-1, accelerator: B200, from: 2028-08, slip-months: {0: 1}}
              providers:
                oci: {yearly-probability: -0.5}
            """);
    assertThat(p)
        .extracting(Problem::path)
        .contains(
            "uncertainty.demand.volatility",
            "uncertainty.demand.correlation",
            "uncertainty.training-runs.cancel-probability",
            "uncertainty.training-runs.slip-months",
            "uncertainty.training-runs.runs.no-such-run",
            "uncertainty.capacity.steps[0]",
            "uncertainty.providers.oci.yearly-probability");
    String all = p.stream().map(Problem::toString).reduce("", (a, b) -> a + "\n" + b);
    assertThat(all)
        .contains("got -0.1")
        .contains("got 1.5, expected a correlation from -1 to 1")
        .contains("got 1.2")
        .contains("weights do not sum to 1 (got 0.9, expected exactly 1)")
        .contains("unknown training run (got no-such-run")
        .contains("unknown capacity step (got oci/us-ashburn-1/B200@2028-08");
    // every problem is located in the file
    assertThat(p).allSatisfy(x -> assertThat(x.line()).isGreaterThan(300));
  }

  @Test
  void unknownReferences_nameWhatWasExpected() {
    List<Problem> p =
        problems(
            """
            uncertainty:
              demand: {fleets: {chatty: {volatility: 0.1}}}
              prices: {Z900: {drift: -0.1}}
              providers: {nebulus: {yearly-probability: 0.1}}
              capacity: {slip-months: {soon: 1}}
            """);
    String all = p.stream().map(Problem::toString).reduce("", (a, b) -> a + "\n" + b);
    assertThat(all)
        .contains(
            "unknown inference fleet (got chatty, expected one of agents, api, chat, codegen, video)")
        .contains("Z900")
        .contains("nebulus")
        .contains("not a slip (got soon, expected a whole number of months or never)");
  }

  @Test
  void aRunTypo_isNotAFleet() {
    assertThatThrownBy(
            () ->
                parse("uncertainty:\n  training-runs: {runs: {chat: {cancel-probability: 0.1}}}\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unknown training run (got chat");
  }

  @Test
  void capacityFrom_keepsCapacityInServiceOnTime() throws Exception {
    Scenario s =
        parse(
            """
            uncertainty:
              capacity:
                slip-months: {0: 0.5, 6: 0.5}
                from: 2027-02
                steps:
                  - {region: oci/us-phoenix-1, accelerator: B200, from: 2027-01,
                     slip-months: {0: 0.9, never: 0.1}}
            """);
    Uncertainty u = s.uncertainty();
    StepRef inService = new StepRef("azure/eastus2", "H100", YearMonth.of(2027, 1));
    StepRef newHall = new StepRef("azure/eastus2", "H200", YearMonth.of(2028, 1));
    StepRef listed = new StepRef("oci/us-phoenix-1", "B200", YearMonth.of(2027, 1));
    assertThat(Discrete.isCertainly(u.slipOf(inService), Delay.ON_TIME)).isTrue();
    assertThat(u.slipOf(newHall)).isEqualTo(u.capacitySlip());
    assertThat(u.slipOf(listed).outcomes()).extracting(Weighted::value).contains(new Delay.Never());
    // every step before `from` that `steps` does not list is on time, every later one may slip
    for (var step : s.capacity()) {
      StepRef ref = StepRef.of(step);
      boolean certain = Discrete.isCertainly(u.slipOf(ref), Delay.ON_TIME);
      assertThat(certain)
          .as(ref.toString())
          .isEqualTo(step.from().isBefore(YearMonth.of(2027, 2)) && !ref.equals(listed));
    }
  }

  @Test
  void capacityFrom_mustBeAMonth() {
    assertThat(problems("uncertainty:\n  capacity: {slip-months: {0: 1}, from: soon}\n"))
        .extracting(Problem::path)
        .contains("uncertainty.capacity.from");
  }
}
