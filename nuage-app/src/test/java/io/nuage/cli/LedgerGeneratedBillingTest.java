package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The balance check over billing from {@code nuage generate-billing}, whose commitments obey the
 * FOCUS rule by construction: every commitment must come out balanced, for several seeds.
 */
class LedgerGeneratedBillingTest {
  @TempDir Path dir;

  @Test
  void balance_generatedCommitmentsAllBalance() throws Exception {
    Path scenario =
        SharedData.repo().resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml");
    for (int seed : new int[] {3, 11}) {
      Path csv = dir.resolve("billing-" + seed + ".csv");
      Path db = dir.resolve("ledger-" + seed + ".duckdb");
      var gen =
          LedgerCommandTest.run(
              "generate-billing",
              "--rows",
              "20000",
              "--seed",
              Integer.toString(seed),
              "--out",
              csv.toString());
      assertThat(gen.code()).as(gen.err()).isZero();
      var ingest = LedgerCommandTest.run("ingest", "--db", db.toString(), csv.toString());
      assertThat(ingest.code()).as(ingest.err()).isZero();

      var ledger =
          LedgerCommandTest.run(
              "ledger",
              "--scenario",
              scenario.toString(),
              "--db",
              db.toString(),
              "--format",
              "json");

      assertThat(ledger.code()).as(ledger.err()).isZero();
      JsonNode json = ledger.json();
      JsonNode balances = json.get("commitmentBalance");
      assertThat(balances).isNotEmpty();
      for (JsonNode b : balances) {
        assertThat(b.get("verdict").asText()).as(b.toString()).isEqualTo("BALANCED");
        assertThat(
                new BigDecimal(b.get("used").asText())
                    .add(new BigDecimal(b.get("unused").asText())))
            .isEqualByComparingTo(new BigDecimal(b.get("amortisedPurchase").asText()));
      }
      assertThat(json.get("balanced").asBoolean()).isTrue();
    }
  }
}
