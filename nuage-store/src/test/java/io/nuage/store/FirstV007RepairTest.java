package io.nuage.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.ledger.IngestOptions;
import io.nuage.store.ledger.Ingestions;
import io.nuage.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store migrated by V007 as first committed (97ff228, no PricingCategory) before ad0787c edited
 * it in place could never reach V008. It now can, and ends with the aggregates of a store that was
 * migrated the normal way.
 */
class FirstV007RepairTest {
  @TempDir Path dir;

  @Test
  void aStoreMigratedByTheFirstV007ReachesTheLatestVersionWithTheSameAggregates() throws Exception {
    Path db = dir.resolve("early.duckdb");
    List<String> daily;
    List<String> applied;
    try (Store store = Store.open(db)) {
      Ingestions.in(store)
          .ingest(
              SharedData.file("focus/finops_foundation_sample/focus_1.0_sample_1000.csv"),
              IngestOptions.DEFAULT);
      daily = rows(store, "SELECT * FROM billing_daily ORDER BY ALL");
      applied = rows(store, "SELECT * FROM contract_applied_daily ORDER BY ALL");
      assertThat(daily).isNotEmpty();
      // back to what a store migrated between 97ff228 and ad0787c holds: the first V007's
      // billing_daily, and nothing of V008
      String first =
          new String(
              getClass()
                  .getResourceAsStream("/early/V007__billing_daily_matching_97ff228.sql")
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      try (Statement s = store.connection().createStatement()) {
        s.execute(Migrations.billingDailyPart(first));
        s.execute("ALTER TABLE contract_applied_daily DROP COLUMN charge");
        s.execute("ALTER TABLE contract_applied_daily DROP COLUMN charge_cost");
        s.execute("DELETE FROM schema_version WHERE version = 8");
      }
      assertThat(rows(store, "SELECT * FROM billing_daily ORDER BY ALL")).isNotEqualTo(daily);
    }

    try (Store store = Store.open(db)) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.available().getLast().version());
      assertThat(rows(store, "SELECT * FROM billing_daily ORDER BY ALL")).isEqualTo(daily);
      assertThat(rows(store, "SELECT * FROM contract_applied_daily ORDER BY ALL"))
          .isEqualTo(applied);
    }
  }

  private static List<String> rows(Store store, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        var row = new StringBuilder();
        for (int i = 1; i <= n; i++) row.append(r.getString(i)).append('|');
        out.add(row.toString());
      }
    }
    return out;
  }
}
