package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger written by the nuage before V004 still ingests once this nuage has migrated it. */
class IngestUpgradeTest {
  @TempDir Path dir;

  @Test
  void storeAtV100WithoutV004_getsV004AndIngests() throws IOException, SQLException {
    // what the previous nuage left: V001, V002, V003 and the server's V100, each recorded
    Path db = dir.resolve("old.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
              + " name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
      for (String m :
          List.of("V001__ledger", "V002__billing_daily", "V003__identity_hash", "V100__server")) {
        s.execute(resource("db/migration/" + m + ".sql"));
        s.execute(
            "INSERT INTO schema_version VALUES ("
                + Integer.parseInt(m.substring(1, 4))
                + ", '"
                + m.substring(6)
                + "', now()::TIMESTAMP)");
      }
    }
    Path sample = SharedData.file(IngestSampleTest.SAMPLE);

    Cli first = Cli.run("ingest", "--db", db.toString(), sample.toString());
    Cli again = Cli.run("ingest", "--db", db.toString(), sample.toString());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("accepted\\s+1000");
    assertThat(again.out()).containsPattern("accepted\\s+0").containsPattern("duplicates\\s+1000");
    assertThat(LedgerProbe.of(db).totals().sameAs(SourceTotals.total(sample))).isTrue();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = IngestUpgradeTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
