package io.nuage.ledger.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftParserTest {
  private static final List<String> PROVIDERS = List.of("oci", "azure", "gcp");
  private static final YearMonth FIRST = YearMonth.of(2027, 1);
  private static final YearMonth UNTIL = YearMonth.of(2027, 6);

  private static Drift parse(String spec) {
    return DriftParser.parse(spec, PROVIDERS, FIRST, UNTIL);
  }

  @Test
  void parse_eachKindWithItsProviderPercentAndMonth() {
    Drift demand = parse("demand=+15%@2027-04");
    assertThat(demand).isInstanceOf(Drift.Demand.class);
    assertThat(demand.provider()).isNull();
    assertThat(demand.factor()).isEqualByComparingTo("1.15");
    assertThat(demand.from()).isEqualTo(YearMonth.of(2027, 4));
    assertThat(demand.applies("gcp", YearMonth.of(2027, 3))).isFalse();
    assertThat(demand.applies("gcp", YearMonth.of(2027, 4))).isTrue();

    Drift price = parse("price:oci=-7.5%");
    assertThat(price).isInstanceOf(Drift.Price.class);
    assertThat(price.provider()).isEqualTo("oci");
    assertThat(price.factor()).isEqualByComparingTo("0.925");
    assertThat(price.from()).isEqualTo(FIRST);
    assertThat(price.applies("azure", UNTIL)).isFalse();

    Drift over = parse("overbill:azure=2%");
    assertThat(over).isInstanceOf(Drift.Overbill.class);
    assertThat(over.percent()).isEqualByComparingTo(BigDecimal.valueOf(2));
  }

  @Test
  void drifts_multiplyWhereSeveralApply() {
    Drifts d = new Drifts(List.of(parse("demand=+10%"), parse("demand:oci=+20%@2027-03")));
    assertThat(d.demand("oci", YearMonth.of(2027, 2))).isEqualByComparingTo("1.1");
    assertThat(d.demand("oci", YearMonth.of(2027, 3))).isEqualByComparingTo("1.32");
    assertThat(d.demand("gcp", YearMonth.of(2027, 3))).isEqualByComparingTo("1.1");
    assertThat(d.price("oci", UNTIL)).isEqualByComparingTo("1");
  }

  @Test
  void parse_refusesEachBadSpecNamingItAndWhatWasExpected() {
    bad("demand+15%", "--drift 'demand+15%': expected KIND[:PROVIDER]=PERCENT[@YYYY-MM]");
    bad(
        "dmand=+15%",
        "--drift 'dmand=+15%': unknown kind 'dmand' (expected demand, price or overbill)");
    bad("price:ocii=+3%", "unknown provider 'ocii' (expected one of azure, gcp, oci)");
    bad("demand=15", "'15' is not a percentage (expected a signed decimal with a % sign");
    bad("demand=+1.255%", "more than two decimal places");
    bad(
        "demand=+99999999999999999999%",
        "'+99999999999999999999%' is too large (expected at most +1000%");
    bad("price=+1000.01%", "is too large");
    bad("overbill:oci=1001%", "is too large");
    assertThat(parse("demand=+1000%").factor()).isEqualByComparingTo("11");
    bad("demand=-100%", "-100% would leave no demand (expected above -100%)");
    bad("price=-120%", "would make the price nil");
    bad("overbill=-2%", "an overbill is billed above the contract (got -2%, expected above 0%)");
    bad("overbill=0%", "expected above 0%");
    bad("demand=+15%@2027-13", "'2027-13' is not a month (expected YYYY-MM");
    bad("demand=+15%@2028-01", "2028-01 is after --until 2027-06 (the drift would change nothing)");
    bad("demand=+15%@2026-12", "2026-12 is before the plan's first month 2027-01");
  }

  private static void bad(String spec, String message) {
    assertThatThrownBy(() -> parse(spec))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining(message);
  }
}
