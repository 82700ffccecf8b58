package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nuage.spark.SparkRiskTest.Run;
import io.nuage.spark.StandaloneCluster.Submitted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar (target/nuage-spark-job.jar) submitted with Spark's own spark-submit to a standalone
 * cluster whose installation lacks Nuage's dependencies, as a user's cluster does: the driver and
 * the executor find the CLI, OR-Tools and the engine in the job jar alone, and the sweep's JSON
 * equals the embedded engine's to the byte. Runs in the package phase, after the shade plugin built
 * the jar (nuage-spark/pom.xml); skipped elsewhere.
 */
class SparkSubmitJobJarTest {
  /**
   * Nuage's own dependencies, which a Spark installation does not have: the job jar brings them.
   */
  private static final List<String> NUAGE_ONLY =
      List.of(
          "ortools-",
          "picocli-",
          "snakeyaml-engine-",
          "javalin-",
          "progressbar-",
          "commons-csv-",
          "json-schema-validator-",
          "duckdb_jdbc-",
          "micrometer-",
          "prometheus-",
          "jetty-",
          "kotlin-stdlib-",
          "itu-");

  @Test
  void jobJar_submittedToAStandaloneCluster_servesTheRiskSweep_equalToEmbedded(@TempDir Path tmp)
      throws Exception {
    String jar = System.getProperty("nuage.spark.jobJar");
    assumeTrue(jar != null, "the job jar is tested in the package phase, once built");
    Path jobJar = Path.of(jar);
    assertThat(jobJar).isRegularFile();
    String[] risk = {
      "risk",
      SparkRiskTest.EXAMPLE.toAbsolutePath().toString(),
      "--samples",
      "4",
      "--source-samples",
      "0",
      "--seed",
      "3",
      "--format",
      "json",
      "--quiet"
    };
    Path home = sparkWithoutNuage(tmp);
    // the cluster's JVMs start while this one serves the embedded reference
    CompletableFuture<StandaloneCluster> starting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return StandaloneCluster.start(1, tmp, home);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Run embedded = SparkRiskTest.run(risk);
    try (StandaloneCluster cluster = starting.get(2, TimeUnit.MINUTES)) {
      assertThat(embedded.code()).as(embedded.err()).isZero();
      // no --master: the one spark-submit was given
      Submitted run =
          cluster.submit(
              jobJar, Duration.ofMinutes(5), SparkRiskTest.concat(risk, "--engine", "spark"));
      assertThat(run.code()).as(run.log()).isZero();
      assertThat(run.out()).isEqualTo(embedded.out()).contains("\"futures\" : 4");
      // the futures were served by the cluster's executor, from the jar spark-submit shipped
      cluster.awaitExecutorLog(0, "nuage-spark-job.jar", Duration.ofSeconds(5));
      cluster.awaitExecutorLog(0, "Finished task", Duration.ofSeconds(5));
    }
  }

  /** The build's SPARK_HOME without Nuage's own dependencies: links to Spark's jars only. */
  private static Path sparkWithoutNuage(Path tmp) throws IOException {
    Path full = Path.of(System.getProperty("nuage.spark.home")).resolve("jars");
    Path home = tmp.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    int left = 0;
    try (Stream<Path> all = Files.list(full)) {
      for (Path j : all.toList()) {
        String name = j.getFileName().toString();
        if (NUAGE_ONLY.stream().anyMatch(name::startsWith)) left++;
        else Files.createSymbolicLink(jars.resolve(name), j);
      }
    }
    assertThat(left).as("Nuage's dependencies left out").isGreaterThanOrEqualTo(NUAGE_ONLY.size());
    return home;
  }
}
