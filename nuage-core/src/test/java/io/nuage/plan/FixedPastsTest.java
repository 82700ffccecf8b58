package io.nuage.plan;

import static io.nuage.plan.TinyScenario.H100;
import static io.nuage.plan.TinyScenario.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.MonthRange;
import io.nuage.core.NuageException;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import io.nuage.plan.replan.FixedPasts;
import io.nuage.plan.replan.PreviousPlan;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The fixed past read from the ledger's draw-down and the plan being followed (docs/replan.md,
 * "What is read, and from where").
 */
class FixedPastsTest {
  private static final YearMonth APR = YearMonth.of(2027, 4);

  /** Horizon 2027; a deal with a whose term began in July 2026, so its year 0 straddles it. */
  private static Scenario scenario() {
    return new TinyScenario("2027-01", "2027-12")
        .region("a/r1", "US", H100, "2.00", 100)
        .contract(
            new CommittedSpend(
                "deal",
                "a",
                MonthRange.of("2026-07", "2028-06"),
                List.of(d("1000"), d("1000")),
                BigDecimal.ZERO,
                true))
        .training("done", 10, "100", "2027-01", "2027-12")
        .training("going", 10, "1500", "2027-01", "2027-12")
        .training("later", 10, "100", "2027-01", "2027-12")
        .training("new", 10, "100", "2027-01", "2027-12")
        .build();
  }

  private static ChargeSum usage(String month, String billed) {
    LocalDate from = YearMonth.parse(month).atDay(1);
    return new ChargeSum(
        "a",
        from,
        "Usage",
        null,
        null,
        new BigDecimal(billed),
        new BigDecimal(billed),
        BigDecimal.ZERO,
        1,
        from.atStartOfDay(),
        from.plusMonths(1).atStartOfDay());
  }

  private static Placement row(String run, String month) {
    return new Placement(
        run,
        "training",
        "a",
        "a/r1",
        "H100",
        YearMonth.parse(month),
        10,
        d("7440"),
        "committed",
        "deal",
        d("2.00"),
        d("14880.00"));
  }

  private static PreviousPlan previous(List<Placement> rows, @Nullable FixedPast past) {
    return new PreviousPlan(
        "plan.json",
        "tiny",
        "OPTIMAL",
        d("0.00"),
        new CostBreakdown(d("0.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00")),
        rows,
        List.of(),
        List.of(),
        past);
  }

  private static FixedPast read(Scenario s, YearMonth first, PreviousPlan previous) {
    var charges =
        List.of(usage("2026-09", "100.00"), usage("2027-02", "50.00"), usage("2027-05", "7.00"));
    var ledger = new CommitmentLedger(s);
    return FixedPasts.from(
        s,
        first,
        ledger.report(charges, first.atDay(1)),
        ledger.report(charges, s.horizon().start().atDay(1)),
        previous);
  }

  @Test
  void billsBeforeTheHorizonOrAfterTheAsOfDate_areNotTheFixedPast() {
    // the deal's year 0 consumed 100 in 2026-09 (before the horizon, its minimum pro-rated away)
    // and 50 in 2027-02; May's 7 is after the as-of date
    FixedPast past = read(scenario(), APR, previous(List.of(), null));
    assertThat(past.consumed("deal", 0)).isEqualByComparingTo("50.00");
    assertThat(past.spend())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.month()).isEqualTo(YearMonth.of(2027, 2));
              assertThat(s.amount()).isEqualByComparingTo("50.00");
            });
  }

  @Test
  void runsUnderWayAndDone_areReadFromThePlanFollowed() {
    var rows =
        List.of(
            row("done", "2027-01"),
            row("going", "2027-02"),
            row("going", "2027-03"),
            row("going", "2027-04"),
            row("later", "2027-06"));
    FixedPast past = read(scenario(), APR, previous(rows, null));
    assertThat(past.finished()).containsExactly("done");
    assertThat(past.running())
        .containsExactly(new RunningRun("going", "a", "a/r1", "H100", YearMonth.of(2027, 2)));
    // "later" starts after the as-of date and "new" is in no plan: both the re-plan's to place
    assertThat(past.fixes("later")).isFalse();
    assertThat(past.fixes("new")).isFalse();
  }

  @Test
  void aReplanFollowed_givesTheStartOfTheRunsItFoundUnderWay() {
    // the plan followed is a re-plan as of 2027-03: "going" started in 2027-01, its rows start
    // in March; "done" was finished already
    FixedPast before =
        new FixedPast(
            YearMonth.of(2027, 3),
            List.of(),
            List.of(),
            List.of(new RunningRun("going", "a", "a/r1", "H100", YearMonth.of(2027, 1))),
            Set.of("done"));
    var rows = List.of(row("going", "2027-03"), row("going", "2027-04"));
    FixedPast past = read(scenario(), APR, previous(rows, before));
    assertThat(past.running())
        .containsExactly(new RunningRun("going", "a", "a/r1", "H100", YearMonth.of(2027, 1)));
    assertThat(past.finished()).containsExactly("done");
  }

  @Test
  void aReplanFollowed_cannotBeReplannedFromBeforeItsOwnAsOfDate() {
    FixedPast before =
        new FixedPast(YearMonth.of(2027, 6), List.of(), List.of(), List.of(), Set.of());
    assertThatThrownBy(() -> read(scenario(), APR, previous(List.of(), before)))
        .isInstanceOf(NuageException.class)
        .hasMessageContaining("plan.json is a re-plan as of 2027-06-01")
        .hasMessageContaining("must start on or after that day (got 2027-04-01");
  }
}
