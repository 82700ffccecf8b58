package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.store.Store;
import io.nuage.store.plans.DuckDbPlans;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage replan} refuses bad input with a message that says what to fix, exit 2, no stack
 * trace and nothing stored: every check comes before the solve, so no test here plans.
 */
class ReplanBadInputTest {
  @TempDir Path dir;
  private Path db;
  private Path plan;

  /** A store with bills of 2027-01..2027-06 (oci and azure) and no plan; a plan file of it. */
  @BeforeEach
  void store() throws Exception {
    db = dir.resolve("nuage.duckdb");
    List<FocusBills.Bill> bills = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      bills.add(new FocusBills.Bill("Oracle", YearMonth.of(2027, m), new BigDecimal("1000000.00")));
      bills.add(
          new FocusBills.Bill("Microsoft", YearMonth.of(2027, m), new BigDecimal("250000.00")));
    }
    Path csv = FocusBills.write(dir.resolve("bills.csv"), bills);
    Cli ingest = Cli.run("ingest", "--db", db.toString(), csv.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    plan = dir.resolve("plan.json");
    Files.writeString(plan, minimalPlan("frontier-lab-2027"));
  }

  /** A plan JSON with no placement: enough for every check made before the solve. */
  static String minimalPlan(String scenario) {
    return """
        {"scenario": "%s", "status": "OPTIMAL", "totalCost": "3.00",
         "costBreakdown": {"usage": "1.00", "reserved": "2.00", "shortfall": "0.00",
                           "egress": "0.00", "storage": "0.00"},
         "placements": [], "egress": [], "contracts": []}
        """
        .formatted(scenario);
  }

  private Cli replan(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("replan", ReplanCommandTest.EXAMPLE.toString(), "--db", db.toString()));
    args.addAll(List.of(more));
    return Cli.run(args);
  }

  /** Exit 2, the message, no stack trace, no plan stored. */
  private void refused(Cli run, String... words) {
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(words).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
    try (Store store = Store.open(db)) {
      assertThat(new DuckDbPlans(store).count()).isZero();
    }
  }

  @Test
  void asOfBeforeTheHorizon_isRefused() {
    refused(
        replan("--plan", plan.toString(), "--as-of", "2026-12-01"),
        "--as-of 2026-12-01 is outside the horizon 2027-01..2031-12",
        "from 2027-02 to 2031-12");
  }

  @Test
  void asOfAtTheHorizonsStart_fixesNothingAndIsRefused() {
    refused(replan("--plan", plan.toString(), "--as-of", "2027-01-01"), "outside the horizon");
  }

  @Test
  void asOfAfterTheLastCharge_isRefused() {
    refused(
        replan("--plan", plan.toString(), "--as-of", "2027-09-01"),
        "--as-of 2027-09-01 is after the last charge",
        "end at 2027-07-01T00:00",
        "give --as-of 2027-07-01 or earlier");
  }

  @Test
  void asOfInsideAMonth_isRefused() {
    refused(
        replan("--plan", plan.toString(), "--as-of", "2027-06-15"),
        "--as-of 2027-06-15: a re-plan fixes whole months",
        "give 2027-06-01",
        "or 2027-07-01");
  }

  @Test
  void asOfNotADate_isRefused() {
    refused(replan("--plan", plan.toString(), "--as-of", "June"), "--as-of: not a date (got June");
  }

  @Test
  void storeWithoutBills_isRefused() throws Exception {
    db = dir.resolve("empty.duckdb");
    Store.open(db).close();
    refused(replan("--plan", plan.toString()), "no bills in this store", "nuage ingest --db");
  }

  @Test
  void missingStore_isRefusedAndNotCreated() {
    db = dir.resolve("none.duckdb");
    Cli run = replan("--plan", plan.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("none.duckdb: no store here");
    assertThat(db).doesNotExist();
  }

  @Test
  void planOfAnotherScenario_isRefused() throws Exception {
    Files.writeString(plan, minimalPlan("another-lab"));
    refused(
        replan("--plan", plan.toString()),
        "plan.json: scenario: a plan of another-lab, not of frontier-lab-2027");
  }

  @Test
  void noPreviousPlan_isRefused() {
    refused(
        replan(),
        "no plan of scenario frontier-lab-2027 in",
        "plan it first with nuage plan",
        "or give the plan being followed with --plan PLAN.json");
  }

  @Test
  void malformedPlanFile_isRefusedWithThePlace() throws Exception {
    Files.writeString(
        plan,
        minimalPlan("frontier-lab-2027")
            .replace(
                "\"placements\": []",
                "\"placements\": [{\"workload\": \"chat\", \"kind\": \"inference\","
                    + " \"provider\": \"oci\", \"region\": \"oci/us-phoenix-1\","
                    + " \"accelerator\": \"B200\", \"month\": \"July\", \"gpus\": 1,"
                    + " \"gpuHours\": \"1.000\", \"pricing\": \"committed\","
                    + " \"contract\": \"oci-committed-300b\", \"rate\": \"8.4\", \"cost\": \"8.40\"}]"));
    refused(
        replan("--plan", plan.toString()),
        "plan.json: placements[0].month: not a month (got \"July\", expected YYYY-MM)");
  }

  @Test
  void planWhoseTotalIsNotItsBreakdown_isRefused() throws Exception {
    Files.writeString(plan, minimalPlan("frontier-lab-2027").replace("\"3.00\"", "\"3.01\""));
    refused(
        replan("--plan", plan.toString()),
        "totalCost: 3.01 is not the sum of costBreakdown (3.00)");
  }

  @Test
  void planKeptInAFolder_isRefusedBeforeTheSolve() {
    Cli run = Cli.run("plan", ReplanCommandTest.EXAMPLE.toString(), "--db", dir.toString() + "/");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--db: ").contains("is a folder");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void infeasiblePlan_cannotBeFollowed() throws Exception {
    Files.writeString(plan, minimalPlan("frontier-lab-2027").replace("OPTIMAL", "INFEASIBLE"));
    refused(replan("--plan", plan.toString()), "status: INFEASIBLE (expected OPTIMAL or FEASIBLE");
  }

  /** A store of these bills instead of the one of {@link #store()}. */
  private void billed(List<FocusBills.Bill> bills) throws Exception {
    db = dir.resolve("gaps.duckdb");
    Path csv = FocusBills.write(dir.resolve("gaps.csv"), bills);
    Cli ingest = Cli.run("ingest", "--db", db.toString(), csv.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
  }

  @Test
  void providerWithoutBillsForAFixedMonth_isRefusedNamingItAndTheMonth() throws Exception {
    List<FocusBills.Bill> bills = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      bills.add(new FocusBills.Bill("Oracle", YearMonth.of(2027, m), new BigDecimal("1000000.00")));
      if (m != 6)
        bills.add(
            new FocusBills.Bill("Microsoft", YearMonth.of(2027, m), new BigDecimal("250000.00")));
    }
    billed(bills);
    // the default as-of date is where oci's bills end; azure's June would count as $0
    refused(
        replan("--plan", plan.toString()),
        "do not cover every month before 2027-07-01",
        "Microsoft (no bills in 2027-06; its last charge ends 2027-06-01T00:00)",
        "give --as-of 2027-06-01 or earlier, or --allow-missing");
  }

  @Test
  void dailyRowsEndingInsideAMonth_areNotHiddenByAMonthlyRow() throws Exception {
    List<FocusBills.Bill> bills = new ArrayList<>();
    for (int m = 1; m <= 6; m++)
      bills.add(new FocusBills.Bill("Oracle", YearMonth.of(2027, m), new BigDecimal("100.00")));
    // oci's June usage billed by the day up to the 20th only; its monthly rows end on July 1st
    for (int d = 1; d < 20; d++) {
      var day = java.time.LocalDate.of(2027, 6, d).atStartOfDay();
      bills.add(new FocusBills.Bill("Oracle", day, day.plusDays(1), new BigDecimal("1000.00")));
    }
    billed(bills);
    refused(
        replan("--plan", plan.toString(), "--as-of", "2027-07-01"),
        "--as-of 2027-07-01 is after the last charge",
        "end at 2027-06-20T00:00",
        "give --as-of 2027-06-01 or earlier");
  }
}
