package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Offering;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.testing.Repo;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioParserTest {
  @TempDir Path dir;

  @Test
  void docsExample_isValid() throws IOException {
    String doc = Files.readString(Repo.root().resolve("docs/scenario.md"));
    var m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(m.find()).isTrue();
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, m.group(1));
    Scenario s = ScenarioParser.parse(file);
    assertThat(ScenarioSummary.of(s).render())
        .isEqualTo(
            "2 providers, 3 regions, 2 accelerators, 3 offerings, 3 capacity steps, 5 contracts,"
                + " 3 workloads (1 training runs, 1 inference fleets, 1 storage)");
    var chat = s.workloads(InferenceFleet.class).getFirst();
    assertThat(chat.demands().get(1).gpuHoursByMonth())
        .containsEntry(YearMonth.of(2027, 6), new BigDecimal("100000"))
        .hasSize(2);
  }

  @Test
  void shippedExample_holdsTheStory() {
    Scenario s = ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml"));
    assertThat(ScenarioSummary.of(s).render())
        .isEqualTo(
            "5 providers, 15 regions, 3 accelerators, 32 offerings, 45 capacity steps, 5 contracts,"
                + " 19 workloads (11 training runs, 5 inference fleets, 3 storage)");
    CommittedSpend oci = s.contracts(CommittedSpend.class).getFirst();
    assertThat(oci.totalCommitment()).isEqualByComparingTo("300000000000");
    assertThat(oci.term().toString()).isEqualTo("2027-01..2031-12");
    assertThat(s.contracts(ReservedCapacity.class))
        .singleElement()
        .extracting(ReservedCapacity::gpus)
        .isEqualTo(20_000);
    assertThat(s.policy().maxShare()).isEqualByComparingTo("0.80");
    assertThat(s.workloads(TrainingRun.class))
        .allSatisfy(t -> assertThat(t.gpus()).isGreaterThanOrEqualTo(20_000));
    // growth is compounded exactly: 260M, then 260M x 1.027
    var chatUs =
        s.workloads(InferenceFleet.class).getFirst().demands().getFirst().gpuHoursByMonth();
    assertThat(chatUs).hasSize(60);
    assertThat(chatUs.get(YearMonth.of(2027, 2))).isEqualByComparingTo("267020000");
    Offering gcpH100 =
        s.catalog().offerings().stream()
            .filter(o -> o.region().equals("gcp/us-central1") && o.accelerator().equals("H100"))
            .findFirst()
            .orElseThrow();
    assertThat(gcpH100.pricePerGpuHour().toPlainString()).isEqualTo("5.38326875");
  }

  @Test
  void textUpload_isCheckedLikeAFileUnderItsDisplayName() {
    String yaml = ScenarioBadInputTest.BASE.replace("deadline: 2027-08", "deadline: 2027-02");
    var e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            io.nuage.core.ValidationException.class,
            () -> ScenarioParser.parse(yaml, "upload.yaml", dir));
    assertThat(e.problems())
        .extracting(io.nuage.core.Problem::render)
        .containsExactly(
            "upload.yaml:44:15: workloads[0].deadline: deadline before earliest start (got"
                + " 2027-02, expected 2027-03 or later)");
    assertThat(ScenarioParser.parse(ScenarioBadInputTest.BASE, "upload.yaml", dir).name())
        .isEqualTo("base");
  }
}
