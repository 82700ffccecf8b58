package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nuage.contract.BillingIds;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.testing.Repo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario's currency, exchange rates and per-contract billing ids (docs/scenario.md): read
 * exactly, and every kind of bad value a located problem.
 */
class ScenarioBillingTest {
  private static final String BASE = ScenarioBadInputTest.BASE;

  @TempDir Path dir;

  private Scenario parse(String yaml) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    return ScenarioParser.parse(file);
  }

  private List<String> problemsOf(String yaml) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    var e = catchThrowableOfType(ValidationException.class, () -> ScenarioParser.parse(file));
    assertThat(e).as("rejected").isNotNull();
    return e.problems().stream()
        .map(Problem::render)
        .map(s -> s.replace(file.toString(), "FILE"))
        .toList();
  }

  /** BASE with {@code text} inserted after the line that is exactly {@code after}. */
  private static String with(String after, String text) {
    String line = after + "\n";
    assertThat(BASE.indexOf(line)).as(after).isNotNegative().isEqualTo(BASE.lastIndexOf(line));
    return BASE.replace(line, line + text);
  }

  private static String withTop(String text) {
    return BASE + text;
  }

  @Test
  void currency_defaultsToUsdWithoutRates() throws IOException {
    Scenario s = parse(BASE);
    assertThat(s.currency()).isEqualTo("USD");
    assertThat(s.currencies().exchangeRates()).isEmpty();
    assertThat(s.billingOf("oci-commit")).isEqualTo(BillingIds.NONE);
  }

  @Test
  void exchangeRates_areReadExactly() throws IOException {
    Scenario s =
        parse(
            withTop(
                """
                currency: EUR
                exchange-rates:
                  - {currency: JPY, month: 2027-01, rate: 0.006123456}
                  - {currency: USD, month: 2027-01, rate: "0.92"}
                """));
    assertThat(s.currency()).isEqualTo("EUR");
    assertThat(s.currencies().rate("JPY", YearMonth.of(2027, 1)))
        .contains(new BigDecimal("0.006123456"));
    assertThat(s.currencies().rate("USD", YearMonth.of(2027, 1))).contains(new BigDecimal("0.92"));
    assertThat(s.currencies().rate("USD", YearMonth.of(2027, 2))).isEmpty();
    assertThat(s.currencies().rate("EUR", YearMonth.of(1999, 2))).contains(BigDecimal.ONE);
  }

  @Test
  void currency_unknownCodeIsLocated() throws IOException {
    assertThat(problemsOf(withTop("currency: USX\n")))
        .containsExactly(
            "FILE:55:11: currency: unknown currency code (got USX, expected an ISO 4217 code such as USD, EUR or JPY)");
    assertThat(
            problemsOf(withTop("exchange-rates:\n  - {currency: usd, month: 2027-01, rate: 1}\n")))
        .containsExactly(
            "FILE:56:16: exchange-rates[0].currency: unknown currency code (got usd, expected an ISO 4217 code such as USD, EUR or JPY)");
  }

  @Test
  void exchangeRate_zeroOrNegativeIsRefused() throws IOException {
    assertThat(
            problemsOf(withTop("exchange-rates:\n  - {currency: JPY, month: 2027-01, rate: 0}\n")))
        .containsExactly(
            "FILE:56:43: exchange-rates[0].rate: rate must be above 0 (got 0, expected units of the scenario's currency per one unit of the currency)");
    assertThat(
            problemsOf(withTop("exchange-rates:\n  - {currency: JPY, month: 2027-01, rate: -1}\n")))
        .singleElement()
        .asString()
        .startsWith("FILE:56:43: exchange-rates[0].rate: negative amount (got -1");
  }

  @Test
  void exchangeRate_sameCurrencyAndMonthTwiceIsRefusedAtTheSecond() throws IOException {
    assertThat(
            problemsOf(
                withTop(
                    """
                    exchange-rates:
                      - {currency: JPY, month: 2027-01, rate: 0.0067}
                      - {currency: JPY, month: 2027-01, rate: 0.0068}
                    """)))
        .containsExactly(
            "FILE:57:28: exchange-rates[1].month: duplicate exchange rate (got JPY 2027-01 again, expected one rate per currency and month; first at FILE:56)");
  }

  @Test
  void exchangeRate_forTheScenarioCurrencyIsRefused() throws IOException {
    assertThat(
            problemsOf(withTop("exchange-rates:\n  - {currency: USD, month: 2027-01, rate: 1}\n")))
        .containsExactly(
            "FILE:56:16: exchange-rates[0].currency: the scenario's own currency (got USD, expected another currency: USD amounts are used as they are)");
  }

  @Test
  void billing_idsAreReadPerContract() throws IOException {
    Scenario s =
        parse(
            with(
                "    discount: 0.25",
                """
                    billing:
                      contract-ids: [CTR-1]
                      commitment-ids: [CTR-1-Y1, CTR-1-Y2, CTR-1-Y1]
                      billing-account-ids: [acct-9]
                      provider-names: [Oracle America]
                """));
    BillingIds ids = s.billingOf("oci-commit");
    assertThat(ids.contractIds()).containsExactly("CTR-1");
    assertThat(ids.commitmentIds()).containsExactly("CTR-1-Y1", "CTR-1-Y2"); // repeats drop out
    assertThat(ids.billingAccountIds()).containsExactly("acct-9");
    assertThat(ids.providerNames()).containsExactly("Oracle America");
    assertThat(s.billingOf("lambda-reserved")).isEqualTo(BillingIds.NONE);
  }

  @Test
  void billing_anIdClaimedByTwoContractsIsLocatedAtTheSecond() throws IOException {
    String yaml =
        with("    discount: 0.25", "    billing: {billing-account-ids: [acct-9]}\n")
            .replace(
                "    price-per-gpu-hour: 2.40\n",
                "    price-per-gpu-hour: 2.40\n    billing: {billing-account-ids: [acct-1, acct-9]}\n");
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE:38:45: contracts[1].billing.billing-account-ids[1]: id claimed by two contracts (got acct-9, already claimed by contract oci-commit at FILE:29; expected each id in one contract's billing, so that a bill line draws one contract)");
  }

  @Test
  void billing_camelCaseKeysSayTheKebabCaseKey() throws IOException {
    assertThat(
            problemsOf(
                with(
                    "    discount: 0.25",
                    "    billing: {contractIds: [CTR-1], billingAccountIds: [a]}\n")))
        .containsExactly(
            "FILE:29:15: contracts[0].billing.contractIds: unknown field (got contractIds, expected contract-ids: scenario keys are kebab-case, not FOCUS's camelCase)",
            "FILE:29:37: contracts[0].billing.billingAccountIds: unknown field (got billingAccountIds, expected billing-account-ids: scenario keys are kebab-case, not FOCUS's camelCase)");
  }

  @Test
  void billing_aProviderNameOfTwoProvidersIsRefused() throws IOException {
    String yaml =
        with("    discount: 0.25", "    billing: {provider-names: [Oracle]}\n")
            .replace(
                "    price-per-gpu-hour: 2.40\n",
                "    price-per-gpu-hour: 2.40\n    billing: {provider-names: [' oracle ']}\n");
    assertThat(problemsOf(yaml))
        .singleElement()
        .asString()
        .startsWith(
            "FILE:38:32: contracts[1].billing.provider-names[0]: provider name claimed by contracts of two providers (got oracle, already claimed by contract oci-commit at FILE:29;");
  }

  @Test
  void shippedExample_namesItsContractsAsTheBillsDo() {
    Scenario s = ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml"));
    assertThat(s.currency()).isEqualTo("USD");
    BillingIds oci = s.billingOf("oci-committed-300b");
    assertThat(oci.contractIds()).containsExactly("OCI-CSA-300B");
    assertThat(oci.commitmentIds())
        .containsExactly(
            "OCI-CSA-300B-Y1",
            "OCI-CSA-300B-Y2",
            "OCI-CSA-300B-Y3",
            "OCI-CSA-300B-Y4",
            "OCI-CSA-300B-Y5");
    assertThat(oci.billingAccountIds()).containsExactly("oci-frontier-lab");
    BillingIds nebius = s.billingOf("nebius-reserved-h200");
    assertThat(nebius.contractIds()).containsExactly("NEB-RSV-H200-20K");
    assertThat(nebius.commitmentIds()).containsExactly("NEB-RSV-H200-20K-GPU");
    assertThat(nebius.billingAccountIds()).containsExactly("nebius-frontier-lab");
    BillingIds gcp = s.billingOf("gcp-storage-200pb");
    assertThat(gcp.contractIds()).containsExactly("GCP-STG-200PB");
    assertThat(gcp.commitmentIds()).containsExactly("GCP-STG-200PB-TB");
    assertThat(s.billingOf("azure-rate-card").billingAccountIds())
        .containsExactly("azure-frontier-lab");
    assertThat(s.billingOf("azure-rofr")).isEqualTo(BillingIds.NONE);
  }
}
