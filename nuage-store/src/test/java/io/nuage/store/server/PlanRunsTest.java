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
    String cancelled;
    try (Store store = Store.open(file)) {
      var runs = new PlanRuns(ConnectionSource.of(store));
      id = runs.add("sc_1").id();
      runs.started(id);
      runs.finished(id, PlanStatus.SUCCEEDED, 1.0, "{\"totalCost\":\"1.00\"}", null);
      runs.finished(id, PlanStatus.CANCELLED, 0.25, null, "too late");
      runs.add("sc_1");
      cancelled = runs.add("sc_1").id();
      runs.started(cancelled);
      runs.finished(cancelled, PlanStatus.CANCELLED, 0.375, null, "cancelled by token tk_1");
    }
    try (Store store = Store.open(file)) {
      var runs = new PlanRuns(ConnectionSource.of(store));
      assertThat(runs.failUnfinished("stopped")).isEqualTo(1);
      PlanRun run = runs.find(id).orElseThrow();
      assertThat(run.status()).isEqualTo(PlanStatus.SUCCEEDED);
      assertThat(run.resultJson()).isEqualTo("{\"totalCost\":\"1.00\"}");
      assertThat(run.startedAt()).isNotNull();
      assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
      assertThat(run.progress()).isEqualTo(1.0);
      // a cancelled job keeps how far it had come, across a reopen; a stopped server's is unknown
      assertThat(runs.find(cancelled).orElseThrow().progress()).isEqualTo(0.375);
      assertThat(runs.list())
          .extracting(PlanRun::status, PlanRun::progress)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(PlanStatus.SUCCEEDED, 1.0),
              org.assertj.core.groups.Tuple.tuple(PlanStatus.FAILED, null),
              org.assertj.core.groups.Tuple.tuple(PlanStatus.CANCELLED, 0.375));
    }
  }
}
