package io.nuage.plan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.ProviderYear;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The right-of-first-refusal cases of issue 9 ({@code ../shared/cases/planner/}): the plan each
 * header expects holds, and the plan of the rejected reading breaks the rule. Figures are the
 * headers', worked out in the comments.
 */
class SharedCasesTest {
  private static Scenario scenario(String name) {
    return ScenarioParser.parse(
        SharedData.root().resolve("../cases/planner/" + name + ".yaml").normalize());
  }

  private static PlanDraft.Row chat(
      String provider, String region, int gpus, String hours, String pricing, String rate) {
    String cost = new BigDecimal(hours).multiply(new BigDecimal(rate)).setScale(2).toPlainString();
    return new PlanDraft.Row(
        "chat", provider, region, "G1", "2027-01", gpus, hours, pricing, rate, cost);
  }

  private static ProviderYear spend(String provider, String spend, String share) {
    return new ProviderYear(provider, 2027, new BigDecimal(spend), new BigDecimal(share));
  }

  private static List<Rule> rules(Scenario scenario, PlanDraft plan) {
    return PlanVerifier.verify(scenario, plan.build()).stream().map(Violation::rule).toList();
  }

  @Test
  void holderWithReservation_expectedPlanOf34048_holds() {
    // the holder's 8 reserved GPUs (8 x 744 = 5952 h, fee 5952.00) and the rest, 14048 h, at the
    // other's $2.00 = 28096.00: the holder's price is its on-demand $5.00 > 1.1 x 2.00, not $0
    var plan = new PlanDraft("28096.00", "34048.00");
    plan.reserved = "5952.00";
    plan.add(chat("holder", "holder/us-1", 8, "5952.000", "reserved", "0"))
        .add(chat("other", "other/us-2", 19, "14048.000", "on-demand", "2.00"));
    plan.providers.add(spend("holder", "5952.00", "0.1748"));
    plan.providers.add(spend("other", "28096.00", "0.8252"));
    assertThat(PlanVerifier.verify(scenario("rofr-holder-with-reservation"), plan.build()))
        .isEmpty();
    assertThat(plan.build().totalCost()).isEqualByComparingTo("34048.00");
  }

  @Test
  void reservationOfAnotherAccelerator_perAcceleratorReadingHolds_perRegionReadingBreaksTheRight() {
    var scenario = scenario("rofr-reservation-of-another-accelerator");
    // per accelerator: the other's G2 reservation leaves its G1 new capacity, and the holder
    // matches it ($2.10 <= 1.1 x 2.00): all 10000 h at the holder, 21000.00 + G2 fee 744.00
    var kept = new PlanDraft("21000.00", "21744.00");
    kept.reserved = "744.00";
    kept.add(chat("holder", "holder/us-1", 14, "10000.000", "on-demand", "2.10"));
    kept.providers.add(spend("holder", "21000.00", "0.9658"));
    kept.providers.add(spend("other", "744.00", "0.0342"));
    assertThat(PlanVerifier.verify(scenario, kept.build())).isEmpty();
    assertThat(kept.build().totalCost()).isEqualByComparingTo("21744.00");

    // per region (rejected): all at the other's $2.00, 20000.00 + 744.00 = 20744.00
    var cheaper = new PlanDraft("20000.00", "20744.00");
    cheaper.reserved = "744.00";
    cheaper.add(chat("other", "other/us-2", 14, "10000.000", "on-demand", "2.00"));
    cheaper.providers.add(spend("other", "20744.00", "1.0000"));
    assertThat(rules(scenario, cheaper)).containsExactly(Rule.RIGHT_OF_FIRST_REFUSAL);
  }

  @Test
  void twoGeographies_euPlacementOutsideTheUsHolder_holds() {
    // EU (other/eu-1 only) 10000 h x 2.00 = 20000.00; US 5000 h at the holder x 2.10 = 10500.00
    var plan = new PlanDraft("30500.00", "30500.00");
    plan.add(chat("holder", "holder/us-1", 7, "5000.000", "on-demand", "2.10"))
        .add(chat("other", "other/eu-1", 14, "10000.000", "on-demand", "2.00"));
    plan.providers.add(spend("holder", "10500.00", "0.3443"));
    plan.providers.add(spend("other", "20000.00", "0.6557"));
    var scenario = scenario("rofr-report-two-geographies");
    assertThat(PlanVerifier.verify(scenario, plan.build())).isEmpty();

    // the US demand at the other's dearer us-2 instead ($3.00, matched): the right is broken
    plan.usage = "35000.00";
    plan.lowerBound = "35000.00";
    plan.rows.set(0, chat("other", "other/us-2", 7, "5000.000", "on-demand", "3.00"));
    assertThat(rules(scenario, plan)).contains(Rule.RIGHT_OF_FIRST_REFUSAL);
  }
}
