package io.nuage.plan;

import io.nuage.plan.past.FixedPast;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Writes a plan outcome as the JSON documented in docs/plan-json.md. */
public final class PlanJson {
  private PlanJson() {}

  public static String write(PlanOutcome outcome) {
    return write(outcome, w -> {});
  }

  /**
   * The same with more top-level fields after the plan's own ({@code more} writes them: a re-plan's
   * report, docs/replan.md).
   */
  public static String write(PlanOutcome outcome, Consumer<JsonWriter> more) {
    return switch (outcome) {
      case PlanOutcome.Optimal o -> write(o.plan(), "OPTIMAL", more);
      case PlanOutcome.Feasible f -> write(f.plan(), "FEASIBLE", more);
      case PlanOutcome.Infeasible i -> infeasible(i, more);
    };
  }

  public static String write(Plan p) {
    return write(p, "PLAN", w -> {});
  }

  private static String write(Plan p, String status, Consumer<JsonWriter> more) {
    JsonWriter w = new JsonWriter().begin('{');
    w.field("scenario", p.scenario())
        .field("status", status)
        .field("totalCost", p.totalCost())
        .field("lowerBound", p.lowerBound())
        .field("gap", p.gap())
        .field("fixedCost", p.fixedCost())
        .field("optionsPruned", p.optionsPruned())
        .field("solveSeconds", p.solveSeconds())
        .field("source", p.source())
        .field("gangOptions", p.gangOptions());
    w.name("solverNotes").begin('[');
    p.solverNotes().forEach(w::value);
    w.end(']');
    w.name("timings").begin('{');
    p.timings().forEach(w::field);
    w.end('}');
    CostBreakdown b = p.costBreakdown();
    w.name("costBreakdown")
        .begin('{')
        .field("usage", b.usage())
        .field("reserved", b.reserved())
        .field("shortfall", b.shortfall())
        .field("egress", b.egress())
        .field("storage", b.storage());
    if (p.fixedPast() != null) w.field("actual", b.actual());
    w.end('}');
    list(
        w,
        "baselines",
        p.baselines(),
        (x, o) ->
            x.field("name", o.name())
                .field("feasible", o.feasible())
                .field("totalCost", o.totalCost())
                .field("note", o.note()));
    list(
        w,
        "placements",
        p.placements(),
        (x, o) ->
            x.field("workload", o.workload())
                .field("kind", o.kind())
                .field("provider", o.provider())
                .field("region", o.region())
                .field("accelerator", o.accelerator())
                .field("month", o.month())
                .field("gpus", o.gpus())
                .field("gpuHours", o.gpuHours())
                .field("pricing", o.pricing())
                .field("contract", o.contract())
                .field("rate", o.rate())
                .field("cost", o.cost()));
    list(
        w,
        "egress",
        p.egress(),
        (x, o) ->
            x.field("workload", o.workload())
                .field("from", o.from())
                .field("to", o.to())
                .field("provider", o.provider())
                .field("month", o.month())
                .field("terabytes", o.terabytes())
                .field("cost", o.cost()));
    list(
        w,
        "providers",
        p.providers(),
        (x, o) ->
            x.field("provider", o.provider())
                .field("year", o.year())
                .field("spend", o.spend())
                .field("share", o.share()));
    list(
        w,
        "contracts",
        p.contracts(),
        (x, o) ->
            x.field("contract", o.contract())
                .field("provider", o.provider())
                .field("year", o.year())
                .field("committed", o.committed())
                .field("consumed", o.consumed())
                .field("shortfall", o.shortfall())
                .field("takeOrPay", o.takeOrPay())
                .fieldIf(p.fixedPast() != null, "consumedToDate", o.consumedToDate()));
    list(
        w,
        "binding",
        p.binding(),
        (x, o) ->
            x.field("constraint", o.constraint())
                .field("shadowPrice", o.shadowPrice())
                .field("explanation", o.explanation()));
    list(
        w,
        "rightOfFirstRefusal",
        p.rightOfFirstRefusal(),
        (x, o) ->
            x.field("workload", o.workload())
                .field("holder", o.holder())
                .field("provider", o.provider())
                .field("region", o.region())
                .field("accelerator", o.accelerator())
                .field("month", o.month())
                .field("reason", o.reason())
                .field("explanation", o.explanation()));
    list(
        w,
        "nextBest",
        p.nextBest(),
        (x, o) ->
            x.field("workload", o.workload())
                .field("placement", o.placement())
                .field("extraCost", o.extraCost())
                .field("standAloneCost", o.standAloneCost()));
    w.name("infeasibility").begin('[').end(']');
    if (p.fixedPast() != null) fixedPast(w, p.fixedPast());
    more.accept(w);
    return w.end('}').toString() + "\n";
  }

  /** A re-plan's fixed past (docs/plan-json.md, "Re-plans"): what its months were fixed to. */
  public static void fixedPast(JsonWriter w, FixedPast past) {
    w.name("fixedPast").begin('{');
    w.field("asOf", past.asOf()).field("firstOpenMonth", past.firstOpen());
    list(
        w,
        "runningRuns",
        past.running(),
        (x, r) ->
            x.field("workload", r.workload())
                .field("provider", r.provider())
                .field("region", r.region())
                .field("accelerator", r.accelerator())
                .field("start", r.start()));
    w.name("finishedRuns").begin('[');
    past.finished().forEach(w::value);
    w.end(']');
    list(
        w,
        "spend",
        past.spend(),
        (x, a) ->
            x.field("provider", a.provider())
                .field("month", a.month())
                .field("billed", a.amount()));
    list(
        w,
        "consumed",
        past.consumed(),
        (x, c) ->
            x.field("contract", c.contract()).field("year", c.year()).field("amount", c.amount()));
    w.end('}');
  }

  private static String infeasible(PlanOutcome.Infeasible i, Consumer<JsonWriter> more) {
    JsonWriter w = new JsonWriter().begin('{');
    w.field("scenario", i.scenario())
        .field("status", "INFEASIBLE")
        .field("totalCost", null)
        .field("lowerBound", null)
        .field("gap", null)
        .field("fixedCost", null)
        .field("costBreakdown", null);
    list(
        w,
        "baselines",
        i.baselines(),
        (x, o) ->
            x.field("name", o.name())
                .field("feasible", o.feasible())
                .field("totalCost", o.totalCost())
                .field("note", o.note()));
    for (String empty :
        List.of(
            "placements",
            "egress",
            "providers",
            "contracts",
            "binding",
            "rightOfFirstRefusal",
            "nextBest")) {
      w.name(empty).begin('[').end(']');
    }
    list(
        w,
        "infeasibility",
        i.reasons(),
        (x, o) ->
            x.field("kind", o.kind())
                .field("workload", o.workload())
                .field("message", o.message()));
    more.accept(w);
    return w.end('}').toString() + "\n";
  }

  public static <T> void list(
      JsonWriter w, String name, List<T> items, BiConsumer<JsonWriter, T> fields) {
    w.name(name).begin('[');
    for (T item : items) {
      w.begin('{');
      fields.accept(w, item);
      w.end('}');
    }
    w.end(']');
  }
}
