package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import io.nuage.risk.Draws;
import io.nuage.scaleout.SweepRecipe;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A future that fails on an executor is reported as the embedded engine reports it: Nuage's own
 * message and exit code, not Spark's wrapper with every executor's stack trace (exit 1, "internal
 * error"), which is what a scenario whose imported price file is missing on an executor gave (found
 * by the review of issue 15).
 */
class SparkFailureTest {
  private static SparkSession session;

  @BeforeAll
  static void start() {
    session = LocalSpark.start();
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void anImportMissingOnTheExecutor_isNuagesMessage_exit2(@TempDir Path elsewhere)
      throws Exception {
    Path example = SparkRiskTest.EXAMPLE;
    String yaml = Files.readString(example);
    // the driver parses the scenario where its catalog is; the executors' base has no catalog
    Scenario parsed = ScenarioParser.parse(example);
    SweepRecipe recipe =
        new SweepRecipe(
            yaml, example.toString(), elsewhere.toString(), "h", 60, "ROUNDED", Map.of());
    var server =
        new SparkFutureServer(JavaSparkContext.fromSparkContext(session.sparkContext()), recipe);
    assertThatThrownBy(() -> server.serve(parsed, Draws.sampled(1), 0, 4))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("cannot read the import")
        .hasMessageContaining(elsewhere.resolve("catalog").toString())
        .satisfies(e -> assertThat(((NuageException) e).exitCode()).isEqualTo(2));
  }

  /**
   * An internal error comes back as it was raised on the executor: its class, its message after
   * where it happened, and the executor's stack trace for {@code NUAGE_DEBUG=1} (the driver's own
   * would point at the collection, and the class was printed twice).
   */
  @Test
  void anInternalError_keepsItsClassAndTheExecutorsStackTrace() {
    NullPointerException raised = new NullPointerException("Cannot invoke \"Object.hashCode()\"");
    Outcome failed = Outcome.failed(raised, "Spark executor 1 on host-a: ");
    assertThatThrownBy(() -> Outcome.answers(java.util.List.of(failed)))
        .isInstanceOf(IllegalStateException.class)
        .hasToString(
            "java.lang.NullPointerException: Spark executor 1 on host-a: Cannot invoke"
                + " \"Object.hashCode()\"")
        .satisfies(e -> assertThat(e.getStackTrace()).isEqualTo(raised.getStackTrace()));
  }
}
