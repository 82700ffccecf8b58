package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.Repo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @Test
  void demo_validatesPlansAndReportsOnTheExample(@TempDir Path dir) throws Exception {
    String before = System.getProperty("nuage.home");
    System.setProperty("nuage.home", Repo.root().toString());
    try {
      var out = new StringWriter();
      var err = new StringWriter();
      int code =
          Main.run(
              new String[] {"demo", "--out-dir", dir.toString()},
              new PrintWriter(out),
              new PrintWriter(err));
      assertThat(code).isZero();
      assertThat(err.toString()).isEmpty();
      assertThat(out.toString())
          .contains("valid: 5 providers, 15 regions")
          .contains("H100           2.95  at nebius/eu-north1")
          .contains("oci-committed-300b")
          .contains("total 300,000,000,000.00")
          .contains("2027: 20,000,000,000.00")
          .contains("2031: 105,000,000,000.00")
          // 20,000 GPUs x 8,760 hours x $2.45 in 2027
          .contains("2027: 429,240,000.00")
          .contains("Plan for frontier-lab-2027: OPTIMAL")
          .contains("Against the naive plans")
          .contains("report: " + dir.resolve("report.html"));
      JsonNode plan = new ObjectMapper().readTree(Files.readString(dir.resolve("plan.json")));
      assertThat(plan.path("status").asText()).isEqualTo("OPTIMAL");
      BigDecimal total = new BigDecimal(plan.path("totalCost").asText());
      // the commitment-aware plan beats every feasible naive baseline
      for (JsonNode baseline : plan.path("baselines")) {
        if (baseline.path("feasible").asBoolean()) {
          assertThat(total).isLessThan(new BigDecimal(baseline.path("totalCost").asText()));
        }
      }
      assertThat(Files.readString(dir.resolve("report.html"))).contains("<html");
    } finally {
      if (before == null) System.clearProperty("nuage.home");
      else System.setProperty("nuage.home", before);
    }
  }
}
