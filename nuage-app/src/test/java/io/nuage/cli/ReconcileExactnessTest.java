package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions found by the review of the reconciliation past DECIMAL(38,18) (issue 10): a rate
 * bound as NULL, and the order of the flagged rows beyond 10^19.
 */
class ReconcileExactnessTest {
  @TempDir Path dir;

  private final Path scenario =
      SharedData.repo().resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml");
  private final Path sample = SharedData.file(IngestSampleTest.SAMPLE);

  /** Rows of "billed;list;quantity;commitmentId" from the sample's first AWS usage row. */
  private Path rows(String name, String... rows) throws Exception {
    Path out = dir.resolve(name);
    StringBuilder v = new StringBuilder();
    for (int i = 0; i < rows.length; i++) {
      String[] f = rows[i].split(";", -1);
      v.append(i == 0 ? "" : ",")
          .append("(")
          .append(i)
          .append(",'")
          .append(f[0])
          .append("','")
          .append(f[1])
          .append("','")
          .append(f[2])
          .append("',")
          .append(f[3].isEmpty() ? "NULL" : "'" + f[3] + "'")
          .append(")");
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT t.* REPLACE (v.b AS BilledCost, v.b AS EffectiveCost, v.l AS ListCost,"
              + " v.q AS PricingQuantity, 'Hours' AS PricingUnit, v.c AS CommitmentDiscountId,"
              + " CASE WHEN v.c IS NULL THEN NULL ELSE 'Used' END AS CommitmentDiscountStatus,"
              + " 'row' || v.n AS ResourceId) FROM (SELECT * FROM read_csv('"
              + sample.toString().replace("'", "''")
              + "', all_varchar = true) WHERE ProviderName = 'AWS' AND ChargeCategory = 'Usage'"
              + " LIMIT 1) t, (VALUES "
              + v
              + ") v(n, b, l, q, c) ORDER BY v.n) TO '"
              + out
              + "' (FORMAT csv)");
    }
    return out;
  }

  private JsonNode reconcile(Path scenario, Path db, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("--format", "json"));
    args.addAll(List.of(more));
    Cli run = Cli.reconcile(scenario, db, args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  /**
   * A discount written with trailing zeros (accepted by the new rule: 2 decimal places once
   * stripped) but more than 38 digits long is bound by DuckDB's JDBC driver as NULL, so every row
   * of that contract is silently left unchecked.
   */
  @Test
  void aDiscountWithManyTrailingZeros_stillChecksTheRows() throws Exception {
    Path db = dir.resolve("z.duckdb");
    Cli in = Cli.run("ingest", "--db", db.toString(), rows("z.csv", "100;100;1;").toString());
    assertThat(in.code()).as(in.err()).isZero();
    String yaml = Files.readString(scenario);
    Path plain = dir.resolve("plain.yaml");
    Files.writeString(plain, yaml.replaceFirst("discount: 0\n", "discount: 0.25\n"));
    Path zeros = dir.resolve("zeros.yaml");
    Files.writeString(
        zeros, yaml.replaceFirst("discount: 0\n", "discount: 0.25" + "0".repeat(40) + "\n"));
    assertThat(Cli.run("validate", zeros.toString()).code()).isZero();

    JsonNode a = reconcile(plain, db).get("totals").get(0);
    JsonNode b = reconcile(zeros, db).get("totals").get(0);
    assertThat(a.get("rowsFlagged").asLong()).isEqualTo(1);
    assertThat(b.get("rowsChecked").asLong()).isEqualTo(a.get("rowsChecked").asLong());
    assertThat(b.get("rowsFlagged").asLong()).isEqualTo(1);
  }

  /**
   * "Biggest excess first" (--limit's help) does not hold when a row beyond -10^19 and a row just
   * above it are both flagged: the row beyond always comes first.
   */
  @Test
  void theBiggestExcess_isListedFirst() throws Exception {
    Path db = dir.resolve("o.duckdb");
    // at $1000 an hour: A expected -10^19 billed -4·10^17 (excess 9.6·10^18);
    // B expected -10^19 + 1000 billed 5·10^17 (excess 1.05·10^19)
    Path csv =
        rows(
            "o.csv",
            "-400000000000000000;0;-10000000000000000;aws-reserved",
            "500000000000000000;0;-9999999999999999;aws-reserved");
    Cli in = Cli.run("ingest", "--db", db.toString(), csv.toString());
    assertThat(in.code()).as(in.err()).isZero();
    Path reserved = ReservedScenario.write(dir, "1000");
    JsonNode top = reconcile(reserved, db, "--limit", "1").get("overbilled").get(0);
    assertThat(new BigDecimal(top.get("excess").asText()))
        .isEqualByComparingTo("10499999999999999000");
    assertThat(top.get("resourceId").asText()).isEqualTo("row1");
  }
}
