package io.nuage.store.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanRunsTest {
  @TempDir Path folder;

  @Test
  void finishedRun_keepsItsResultAcrossAReopenAndTheFirstOutcomeWins() {
    Path file = folder.resolve("n.duckdb");
    String id;
    try (Store store = Store.open(file)) {
      var runs = new PlanRuns(ConnectionSource.of(store));
      id = runs.add("sc_1").id();
      runs.started(id);
      runs.finished(id, PlanStatus.SUCCEEDED, "{\"totalCost\":\"1.00\"}", null);
      runs.finished(id, PlanStatus.CANCELLED, null, "too late");
      runs.add("sc_1");
    }
    try (Store store = Store.open(file)) {
      var runs = new PlanRuns(ConnectionSource.of(store));
      assertThat(runs.failUnfinished("stopped")).isEqualTo(1);
      PlanRun run = runs.find(id).orElseThrow();
      assertThat(run.status()).isEqualTo(PlanStatus.SUCCEEDED);
      assertThat(run.resultJson()).isEqualTo("{\"totalCost\":\"1.00\"}");
      assertThat(run.startedAt()).isNotNull();
      assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
      assertThat(runs.list())
          .extracting(PlanRun::status)
          .containsExactlyInAnyOrder(PlanStatus.SUCCEEDED, PlanStatus.FAILED);
    }
  }
}
