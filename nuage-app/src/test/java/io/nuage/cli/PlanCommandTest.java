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
    assertThat(Files.readString(mps)).startsWith("NAME ").contains("ROWS").contains("capacity[");
  }

  @Test
  void table_isASummaryWithin100Columns_andPlacementsListsEveryRowWithinThemToo() throws Exception {
    Path example = Repo.root().resolve("examples/frontier-lab-2027.yaml");
    Run summary = run("plan", example.toString());
    assertThat(summary.code()).as(summary.err()).isZero();
    assertThat(summary.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    assertThat(summary.out())
        .contains("Total cost")
        .containsPattern("Placements: [0-9]+ rows \\(--placements lists them")
        .doesNotContain("gpu-hours");
    Run full = run("plan", example.toString(), "--placements");
    assertThat(full.code()).as(full.err()).isZero();
    assertThat(full.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    int rows =
        Integer.parseInt(
            summary.out().replaceAll("(?s).*Placements: ([0-9]+) rows.*", "$1").strip());
    // a row per placement: a month at the start of the line, under its workload's name
    assertThat(full.out().lines().filter(l -> l.matches("    20[0-9]{2}-[0-9]{2} .*")).count())
        .isEqualTo(rows);
  }

  @Test
  void csv_isThePlacementsOfThePlanJson_exactly() throws Exception {
    Path tiny = Path.of(getClass().getResource("tiny-lab.yaml").toURI());
    Run json = run("plan", tiny.toString(), "--format", "json");
    Run csv = run("plan", tiny.toString(), "--format", "csv");
    assertThat(csv.code()).as(csv.err()).isZero();
    JsonNode placements = new ObjectMapper().readTree(json.out()).get("placements");
    var records =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv.out()))
            .getRecords();
    assertThat(records).hasSize(placements.size()).isNotEmpty();
    BigDecimal csvTotal = BigDecimal.ZERO;
    BigDecimal jsonTotal = BigDecimal.ZERO;
    for (int i = 0; i < records.size(); i++) {
      var r = records.get(i);
      JsonNode p = placements.get(i);
      assertThat(r.get("workload")).isEqualTo(p.get("workload").asText());
      assertThat(r.get("month")).isEqualTo(p.get("month").asText());
      assertThat(r.get("gpu_hours")).isEqualTo(p.get("gpuHours").asText());
      csvTotal = csvTotal.add(new BigDecimal(r.get("cost_usd")));
      jsonTotal = jsonTotal.add(new BigDecimal(p.get("cost").asText()));
    }
    assertThat(csvTotal).isEqualByComparingTo(jsonTotal).isPositive();
    Run refused = run("plan", tiny.toString(), "--format", "csv", "--placements");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err())
        .contains("--placements: the csv output holds every placement already")
        .doesNotContain("Exception");
    assertThat(refused.out()).isEmpty();
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
    assertThat(r.err())
        .contains(
            "--time-limit 0: expected a number of seconds greater than 0 and at most 1000000 (about 11.6 days)");
  }

  /**
   * Review of issue 9, item C: Infinity or 1e10 s overflowed the deadline's nanoseconds, and the
   * plan came back at once with its phases "cut by the time limit". Every command that plans
   * refuses a time limit above the documented maximum before it starts.
   */
  @Test
  void timeLimitAboveTheMaximum_isRefusedByEveryCommandThatPlans() {
    String example = Repo.root().resolve("examples/frontier-lab-2027.yaml").toString();
    String expected =
        ": expected a number of seconds greater than 0 and at most 1000000 (about 11.6 days)";
    for (String[] args :
        new String[][] {
          {"plan", example, "--time-limit", "Infinity"},
          {"plan", example, "--time-limit", "1e10"},
          {"risk", example, "--time-limit", "1e10"},
          {"deal", example, "--contract", "oci-committed-300b", "--time-limit", "Infinity"},
          {
            "demo",
            "--out-dir",
            Repo.root().resolve("target/never").toString(),
            "--time-limit",
            "1e10"
          },
        }) {
      Run r = run(args);
      String context = String.join(" ", args) + "\n" + r.err();
      assertThat(r.code()).as(context).isEqualTo(2);
      String value = args[args.length - 1].equals("Infinity") ? "Infinity" : "10000000000";
      assertThat(r.err()).as(context).contains("--time-limit " + value + expected);
      assertThat(r.err()).as(context).doesNotContain("\tat ");
    }
  }
}
