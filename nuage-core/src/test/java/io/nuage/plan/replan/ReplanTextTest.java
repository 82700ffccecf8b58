package io.nuage.plan.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** How the re-plan's text says whether a contract year's minimum is met. */
class ReplanTextTest {
  private static TrueUp trueUp(String planned, String shortfall) {
    return new TrueUp(
        "deal",
        "oci",
        2,
        "DEAL-Y3",
        YearMonth.of(2029, 1),
        YearMonth.of(2029, 12),
        new BigDecimal("55000000000.00"),
        BigDecimal.ZERO,
        new BigDecimal("55000000000.00"),
        new BigDecimal(planned),
        new BigDecimal(shortfall),
        true);
  }

  @Test
  void met_saysWhenThePlannedSpendIsCentsUnderTheMinimumByRounding() {
    // regression: "met yes" beside a planned 54,999,999,999.95 read as a contradiction
    assertThat(ReplanText.met(trueUp("54999999999.95", "0")))
        .isEqualTo("yes (the $0.05 under it is the rounding of costs to the cent)");
    assertThat(ReplanText.met(trueUp("55000000000.00", "0"))).isEqualTo("yes");
    assertThat(ReplanText.met(trueUp("54000000000.00", "1000000000.00")))
        .isEqualTo("no, short by $1,000,000,000.00");
  }
}
