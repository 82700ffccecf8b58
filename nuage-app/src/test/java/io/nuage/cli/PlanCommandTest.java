package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.Repo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nuage plan} through the real entry point on the shipped example. */
class PlanCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void shippedExample_isOptimalCheaperThanBothBaselinesAndItsMpsIsTheModel() throws IOException {
    Path example = Repo.root().resolve("examples/frontier-lab-2027.yaml");
    Path mps = dir.resolve("plan.mps");
    Run r = run("plan", example.toString(), "--format", "json", "--export-mps", mps.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode plan = new ObjectMapper().readTree(r.out());
    assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
    BigDecimal total = new BigDecimal(plan.get("totalCost").asText());
    BigDecimal parts = BigDecimal.ZERO;
    for (JsonNode part : plan.get("costBreakdown"))
      parts = parts.add(new BigDecimal(part.asText()));
    assertThat(parts).isEqualByComparingTo(total);
    for (JsonNode b : plan.get("baselines")) {
      assertThat(new BigDecimal(b.get("totalCost").asText())).as(b.toString()).isGreaterThan(total);
    }
    assertThat(new BigDecimal(plan.get("gap").asText()))
        .isLessThanOrEqualTo(new BigDecimal("0.0001"));
    assertThat(plan.get("binding").size()).isGreaterThanOrEqualTo(3);
    assertThat(Files.readString(mps)).startsWith("*").contains("ROWS").contains("capacity[");
  }

  @Test
  void shrunkCapacity_exitsThreeNamingTheRunAndTheShortage() throws IOException {
    Path root = Repo.root().resolve("examples");
    Files.createDirectories(dir.resolve("catalog"));
    Files.copy(
        root.resolve("catalog/frontier-lab-2027-prices.yaml"),
        dir.resolve("catalog/frontier-lab-2027-prices.yaml"));
    // No B200 site reaches 400,000 GPUs any more: pretrain-2031a cannot be placed as one gang.
    String text =
        Files.readString(root.resolve("frontier-lab-2027.yaml"))
            .replace("{from: 2030-01, gpus: 650_000}", "{from: 2030-01, gpus: 350_000}")
            .replace("{from: 2030-07, gpus: 650_000}", "{from: 2030-07, gpus: 350_000}");
    Path file = dir.resolve("frontier-lab-2027.yaml");
    Files.writeString(file, text);
    Run r = run("plan", file.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("has no feasible plan (the reasons are above)");
    assertThat(r.out())
        .contains("training run pretrain-2031a needs 400,000 B200-class GPUs")
        .contains("no single allowed region offers more than 350,000")
        .doesNotContain("\tat ");
  }

  @Test
  void badTimeLimit_exitsTwo() {
    Path example = Repo.root().resolve("examples/frontier-lab-2027.yaml");
    Run r = run("plan", example.toString(), "--time-limit", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--time-limit must be positive (got 0.0)");
  }
}
