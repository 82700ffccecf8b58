package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.nuage.spark.SparkRiskTest.Run;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --master spark://...} that is not one, or one that could never run an executor, is
 * refused by name within seconds (exit 2, nothing on standard output), where Spark's client would
 * retry for a minute and a half or wait for a worker forever.
 */
class SparkMasterTest {
  @Test
  void master_aPortOpenButNotASparkMaster_isRefusedWithinSeconds() throws Exception {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/",
        exchange -> {
          byte[] body = "not spark".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    http.start();
    try {
      String master = "spark://127.0.0.1:" + http.getAddress().getPort();
      long t0 = System.nanoTime();
      Run r = risk(master);
      double seconds = (System.nanoTime() - t0) / 1e9;
      SparkIngestTest.assertRefused(
          r, "--master " + master + ": something listens there, but it is not a Spark");
      assertThat(r.out()).isEmpty();
      assertThat(seconds).as("seconds to refuse").isLessThan(20);
    } finally {
      http.stop(0);
    }
  }

  @Test
  void master_withNoWorker_isRefusedNamingWhatIsMissing(@TempDir Path tmp) throws Exception {
    try (StandaloneCluster cluster = StandaloneCluster.start(0, tmp)) {
      Run r = risk(cluster.master());
      SparkIngestTest.assertRefused(
          r, "--master " + cluster.master() + ": the master has no alive worker");
      assertThat(r.err()).contains("1024 MB (spark.executor.cores, spark.executor.memory)");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void master_withAWorkerTooSmallForAnExecutor_isRefusedNamingWhatIsMissing(@TempDir Path tmp)
      throws Exception {
    try (StandaloneCluster cluster = StandaloneCluster.start(1, tmp)) {
      System.setProperty("spark.executor.memory", "2g"); // the worker has 1g
      Run r;
      try {
        r = risk(cluster.master());
      } finally {
        System.clearProperty("spark.executor.memory");
      }
      SparkIngestTest.assertRefused(
          r,
          "--master "
              + cluster.master()
              + ": no alive worker is big enough for one executor (1 alive, the largest 1 cores"
              + " and 1024 MB); an executor asks for 1 core(s) and 2048 MB");
      assertThat(r.out()).isEmpty();
    }
  }

  /**
   * Spark's INFO lines are off before the master is checked: its RPC client logged 23 of them on
   * standard error for every {@code spark://} master (found by the review of issue 15).
   */
  @Test
  void sparkLogs_areQuietedBeforeTheMasterIsChecked() {
    String key = "org.slf4j.simpleLogger.log.org.apache.spark";
    String before = System.getProperty(key);
    System.clearProperty(key);
    try {
      Run r = risk("spark://127.0.0.1:1");
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(System.getProperty(key)).isEqualTo("warn");
    } finally {
      if (before == null) System.clearProperty(key);
      else System.setProperty(key, before);
    }
  }

  /** A two-future risk run of the example on {@code master}. */
  static Run risk(String master) {
    return SparkRiskTest.run(
        "risk",
        SparkRiskTest.EXAMPLE.toString(),
        "--samples",
        "2",
        "--quiet",
        "--format",
        "json",
        "--engine",
        "spark",
        "--master",
        master);
  }
}
