package io.nuage.replan;

import io.nuage.core.NuageException;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.DrawDownReport;
import io.nuage.plan.Plan;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.history.PlanKind;
import io.nuage.plan.history.StoredPlan;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.replan.FixedPasts;
import io.nuage.plan.replan.PreviousPlan;
import io.nuage.plan.replan.ProviderBills;
import io.nuage.plan.replan.Replan;
import io.nuage.plan.replan.Replanner;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.billing.DuckDbBillCoverage;
import io.nuage.store.ledger.DuckDbCharges;
import io.nuage.store.plans.DuckDbPlans;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A re-plan over a store (docs/replan.md): the as-of date checked against the horizon and the
 * bills, the plan being followed (given, or the latest of the scenario in the store), the fixed
 * past from the ledger's draw-down; then the re-plan, kept in the store's plans. Every refusal is a
 * message that says what to fix (exit 2), and comes before anything is solved or stored.
 */
public final class StoreReplan {
  private StoreReplan() {}

  /**
   * What to re-plan.
   *
   * @param scenarioPath the scenario file as given, or the uploaded file's name
   * @param scenarioHash its content hash ({@code Plans.contentHash})
   * @param asOf the first day of the first month re-planned; null: the end of the bills
   * @param previous the plan being followed when given ({@code --plan}); null: the store's latest
   * @param allowMissing re-plan even when a provider's bills miss a fixed month (counted as $0),
   *     with a note ({@code --allow-missing}); otherwise refused
   */
  public record Request(
      Scenario scenario,
      String scenarioPath,
      String scenarioHash,
      @Nullable LocalDate asOf,
      @Nullable PreviousPlan previous,
      PlanOptions options,
      Caller caller,
      boolean allowMissing) {
    public Request {
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(caller, "caller");
    }
  }

  /** Who asks: refusals name its own way to give the as-of date and to make a plan first. */
  public enum Caller {
    CLI("--as-of", "--allow-missing"),
    API("asOf", "\"allowMissing\": true");

    final String asOf;
    final String allowMissing;

    Caller(String asOf, String allowMissing) {
      this.asOf = asOf;
      this.allowMissing = allowMissing;
    }

    String planFirst(String scenarioPath, Path store) {
      return this == CLI
          ? "plan it first with nuage plan "
              + scenarioPath
              + " --db "
              + store
              + ", or give the plan being followed with --plan PLAN.json"
          : "plan it first (POST /api/plans); the plan is then the one re-plans follow";
    }
  }

  /** A re-plan read and checked, ready to solve: nothing solved or stored yet. */
  public record Prepared(
      Request request,
      FixedPast past,
      PreviousPlan previous,
      List<String> notes,
      List<ProviderBills> bills) {}

  public static Prepared prepare(Store store, Request request) {
    Scenario scenario = request.scenario();
    List<String> notes = new ArrayList<>();
    var charges = new DuckDbCharges(store);
    if (charges.lastChargeDay().isEmpty()) {
      throw new NuageException(
          store.path()
              + ": no bills in this store, so nothing to re-plan from (ingest the FOCUS files first:"
              + " nuage ingest --db "
              + store.path()
              + " FILE...)");
    }
    List<ProviderBills> bills = DuckDbBillCoverage.of(store);
    LocalDateTime billedUntil =
        bills.stream().map(ProviderBills::billedUntil).max(Comparator.naturalOrder()).orElseThrow();
    YearMonth firstOpen =
        firstOpen(scenario, request.asOf(), billedUntil, store, request.caller().asOf, notes);
    PreviousPlan previous = previous(store, request, notes);
    missing(scenario, bills, firstOpen, previous, store, request, notes);
    var ledger = new CommitmentLedger(scenario, request.scenarioPath());
    DrawDownReport asOf = ledger.report(charges, firstOpen.atDay(1));
    DrawDownReport atStart = ledger.report(charges, scenario.horizon().start().atDay(1));
    FixedPast past;
    try {
      past = FixedPasts.from(scenario, firstOpen, asOf, atStart, previous);
    } catch (IllegalArgumentException e) {
      throw new NuageException(previous.origin() + ": " + e.getMessage());
    }
    return new Prepared(request, past, previous, notes, bills);
  }

  /**
   * A provider billed in the horizon whose bills miss a fixed month would be counted as $0 there:
   * refused, or noted with {@code allowMissing}.
   */
  private static void missing(
      Scenario scenario,
      List<ProviderBills> bills,
      YearMonth firstOpen,
      PreviousPlan previous,
      Store store,
      Request request,
      List<String> notes) {
    // a month the plan followed places work in, none at a provider: its bills may well be empty
    java.util.Set<YearMonth> planned = new java.util.HashSet<>();
    java.util.Set<String> placed = new java.util.HashSet<>();
    for (var p : previous.placements()) {
      planned.add(p.month());
      placed.add(p.provider() + "|" + p.month());
    }
    var names = io.nuage.ledger.BillingProviders.of(scenario);
    List<String> gaps = new ArrayList<>();
    YearMonth earliest = firstOpen;
    for (ProviderBills b : bills) {
      String id = names.resolve(b.provider());
      List<YearMonth> months =
          b.missing(
              scenario.horizon().start(),
              firstOpen,
              m -> planned.contains(m) && !placed.contains(id + "|" + m));
      if (months.isEmpty()) continue;
      if (months.get(0).isBefore(earliest)) earliest = months.get(0);
      gaps.add(
          b.provider()
              + " (no bills in "
              + months.stream().map(YearMonth::toString).collect(Collectors.joining(", "))
              + "; its last charge ends "
              + b.billedUntil()
              + ")");
    }
    if (gaps.isEmpty()) return;
    String what =
        "the bills in "
            + store.path()
            + " do not cover every month before "
            + firstOpen.atDay(1)
            + ": "
            + String.join("; ", gaps);
    if (request.allowMissing()) {
      notes.add(what + ": those months are counted as billed $0 for those providers");
      return;
    }
    throw new NuageException(
        what
            + ": their spend would be counted as $0; ingest those bills, give "
            + request.caller().asOf
            + " "
            + earliest.atDay(1)
            + " or earlier"
            + ", or "
            + request.caller().allowMissing
            + " to re-plan with them counted as $0");
  }

  public static Replan run(Prepared p) {
    return Replanner.replan(
        p.request().scenario(), p.past(), p.previous(), p.request().options(), p.notes());
  }

  /** Keeps a feasible re-plan as the scenario's latest plan; null when there is no plan to keep. */
  public static @Nullable StoredPlan keep(Store store, Prepared p, Replan replan, String json) {
    Plan plan = replan.plan();
    if (plan == null) return null;
    Request r = p.request();
    return new DuckDbPlans(store)
        .add(
            r.scenario().name(),
            r.scenarioPath(),
            r.scenarioHash(),
            PlanKind.REPLAN,
            p.past().asOf(),
            replan.outcome() instanceof io.nuage.plan.PlanOutcome.Optimal ? "OPTIMAL" : "FEASIBLE",
            plan.totalCost(),
            json);
  }

  /**
   * The first month re-planned: the month of {@code --as-of} (its first day), else the last month
   * boundary the bills reach. It must leave a month fixed and a month to plan inside the horizon,
   * and the bills must cover every month before it.
   */
  static YearMonth firstOpen(
      Scenario scenario,
      @Nullable LocalDate asOf,
      LocalDateTime billedUntil,
      Store store,
      String option,
      List<String> notes) {
    var horizon = scenario.horizon();
    YearMonth billed = YearMonth.from(billedUntil);
    boolean atBoundary =
        billedUntil.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
            && billedUntil.getDayOfMonth() == 1;
    String bills =
        "the bills in "
            + store.path()
            + " end at "
            + billedUntil
            + " (the latest ChargePeriodEnd of a provider's daily usage rows)";
    YearMonth first;
    if (asOf != null) {
      if (asOf.getDayOfMonth() != 1) {
        YearMonth m = YearMonth.from(asOf);
        throw new NuageException(
            option
                + " "
                + asOf
                + ": a re-plan fixes whole months, so the as-of date is the first day of a month"
                + " (charges before it are the actuals): give "
                + m.atDay(1)
                + " to fix the months through "
                + m.minusMonths(1)
                + ", or "
                + m.plusMonths(1).atDay(1)
                + " once "
                + m
                + " is billed in full");
      }
      first = YearMonth.from(asOf);
    } else {
      first = billed;
      if (!atBoundary) {
        notes.add(
            bills
                + ", inside "
                + billed
                + ": that month is re-planned in full and its charges so far are not counted as"
                + " actuals (give "
                + option
                + " to choose another date)");
      }
    }
    if (!first.isAfter(horizon.start()) || first.isAfter(horizon.end())) {
      throw new NuageException(
          (asOf != null ? option + " " + asOf : "the as-of date of the bills, " + first.atDay(1))
              + " is outside the horizon "
              + horizon
              + " of "
              + scenario.name()
              + " that a re-plan can start from: it must be the first day of a month from "
              + horizon.start().plusMonths(1)
              + " to "
              + horizon.end()
              + " (at least one month fixed to the bills, at least one left to plan)"
              + (asOf == null ? "; " + bills + ", give " + option : ""));
    }
    if (asOf != null) {
      if (asOf.atStartOfDay().isAfter(billedUntil)) {
        throw new NuageException(
            option
                + " "
                + asOf
                + " is after the last charge: "
                + bills
                + ", so the months before "
                + asOf
                + " are not all billed; give "
                + option
                + " "
                + billed.atDay(1)
                + " or earlier");
      }
    }
    return first;
  }

  private static PreviousPlan previous(Store store, Request request, List<String> notes) {
    Scenario scenario = request.scenario();
    PreviousPlan previous = request.previous();
    if (previous == null) {
      StoredPlan stored =
          new DuckDbPlans(store)
              .latest(scenario.name())
              .orElseThrow(
                  () ->
                      new NuageException(
                          "no plan of scenario "
                              + scenario.name()
                              + " in "
                              + store.path()
                              + " to re-plan from: "
                              + request.caller().planFirst(request.scenarioPath(), store.path())));
      previous =
          PlanDocument.parse(
              "the plan stored in "
                  + store.path()
                  + " as "
                  + stored.id()
                  + " ("
                  + stored.storedAt()
                  + ")",
              stored.json());
      if (!stored.scenarioHash().equals(request.scenarioHash())) {
        notes.add(
            "the plan followed ("
                + stored.id()
                + ") was made for another version of "
                + stored.scenarioPath()
                + " (its content hash differs): its runs are followed where they still fit");
      }
    }
    if (!previous.scenario().equals(scenario.name())) {
      throw new NuageException(
          previous.origin()
              + ": scenario: a plan of "
              + previous.scenario()
              + ", not of "
              + scenario.name()
              + " (the scenario's name): give the plan made for "
              + request.scenarioPath());
    }
    return previous;
  }
}
