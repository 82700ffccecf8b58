package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money past the 18th decimal place is refused, never rounded, also when the value is written with
 * an exponent (as DuckDB writes a Parquet DOUBLE as text: 3.3333333333333335e-05).
 */
class IngestExactDecimalTest {
  @TempDir Path dir;

  /** The sample's first 5 rows, the 3rd with {@code EffectiveCost} = {@code value}. */
  private Path variant(String name, String value, String format) throws SQLException {
    Path out = dir.resolve(name);
    String sample = SharedData.file(IngestSampleTest.SAMPLE).toString().replace("'", "''");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * EXCLUDE (rn) REPLACE (CASE WHEN rn = 3 THEN "
              + value
              + " ELSE "
              + (format.equals("parquet") ? "EffectiveCost::DOUBLE" : "EffectiveCost")
              + " END AS EffectiveCost) FROM (SELECT *, row_number() OVER () AS rn FROM"
              + " read_csv('"
              + sample
              + "', all_varchar = true)) WHERE rn <= 5 ORDER BY rn) TO '"
              + out
              + "' (FORMAT "
              + format
              + ")");
    }
    return out;
  }

  @Test
  void csvDecimalWithAnExponentPastThe18thPlace_isRefusedNotRounded() throws SQLException {
    Path bad = variant("exp.csv", "'1e-19'", "csv");

    Cli run = Cli.run("ingest", "--db", dir.resolve("l.duckdb").toString(), bad.toString());

    assertThat(run.code()).as(run.out()).isEqualTo(2);
    assertThat(run.err()).contains("exp.csv:4:").contains("EffectiveCost").contains("1e-19");
  }

  @Test
  void parquetDoubleWithMoreThan18Places_isRefusedNotRounded() throws SQLException {
    Path bad = variant("double.parquet", "3.3333333333333335e-05::DOUBLE", "parquet");

    Cli run = Cli.run("ingest", "--db", dir.resolve("l.duckdb").toString(), bad.toString());

    assertThat(run.code()).as(run.out()).isEqualTo(2);
    assertThat(run.err()).contains("double.parquet:3:").contains("EffectiveCost");
  }

  @Test
  void exponentsWithin18Places_areExact() throws SQLException {
    Path ok = variant("fine.parquet", "1.25e-16::DOUBLE", "parquet");
    Path db = dir.resolve("l.duckdb");

    Cli run = Cli.run("ingest", "--db", db.toString(), ok.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("accepted\\s+5");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT count(*) FROM billing_rows"
                    + " WHERE EffectiveCost = 0.000000000000000125::DECIMAL(38,18)")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(1);
    }
  }
}
