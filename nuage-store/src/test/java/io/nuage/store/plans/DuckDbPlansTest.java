package io.nuage.store.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.plan.history.PlanKind;
import io.nuage.plan.history.Plans;
import io.nuage.store.Store;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbPlansTest {
  @TempDir Path folder;

  @Test
  void latest_isTheLastStoredOfThatScenario_andSurvivesReopening() {
    Path db = folder.resolve("nuage.duckdb");
    String hash = Plans.contentHash("name: lab\n");
    try (Store store = Store.open(db)) {
      var plans = new DuckDbPlans(store);
      assertThat(plans.latest("lab")).isEmpty();
      plans.add(
          "lab",
          "lab.yaml",
          hash,
          PlanKind.PLAN,
          null,
          "OPTIMAL",
          new BigDecimal("10.00"),
          "{\"a\": 1}");
      plans.add(
          "other",
          "other.yaml",
          hash,
          PlanKind.PLAN,
          null,
          "OPTIMAL",
          new BigDecimal("1.00"),
          "{}");
      // stored in the same microsecond or not, the one stored last is the latest
      plans.add(
          "lab",
          "lab.yaml",
          hash,
          PlanKind.REPLAN,
          LocalDate.parse("2027-07-01"),
          "FEASIBLE",
          new BigDecimal("12.34"),
          "{\"b\": 2}");
      assertThat(plans.count()).isEqualTo(3);
    }
    try (Store store = Store.open(db)) {
      var latest = new DuckDbPlans(store).latest("lab").orElseThrow();
      assertThat(latest.kind()).isEqualTo(PlanKind.REPLAN);
      assertThat(latest.asOf()).isEqualTo(LocalDate.parse("2027-07-01"));
      assertThat(latest.totalCost()).isEqualByComparingTo("12.34");
      assertThat(latest.json()).isEqualTo("{\"b\": 2}");
      assertThat(latest.scenarioHash()).isEqualTo(hash).hasSize(64);
      assertThat(new DuckDbPlans(store).of("lab")).hasSize(2);
      assertThat(store.schemaVersion()).isGreaterThanOrEqualTo(101);
    }
  }

  @Test
  void contentHash_isTheSha256OfTheFile() {
    // echo -n "abc" | sha256sum
    assertThat(Plans.contentHash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
