package io.nuage.plan.replan;

import io.nuage.plan.JsonWriter;
import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOutcome;

/**
 * A re-plan as one JSON document (docs/replan.md, "JSON"): the plan JSON of docs/plan-json.md with
 * its {@code fixedPast}, followed by {@code previousPlan}, {@code changes} and {@code trueUp}. It
 * is a plan JSON itself, so it can be verified, stored and re-planned from again.
 */
public final class ReplanJson {
  private ReplanJson() {}

  public static String write(Replan r) {
    return PlanJson.write(r.outcome(), w -> more(w, r));
  }

  private static void more(JsonWriter w, Replan r) {
    // an infeasible outcome carries no plan, so no fixed past of its own: say what was fixed
    if (r.outcome() instanceof PlanOutcome.Infeasible) PlanJson.fixedPast(w, r.past());
    w.name("replanNotes").begin('[');
    r.notes().forEach(w::value);
    w.end(']');
    PreviousPlan p = r.previous();
    w.name("previousPlan")
        .begin('{')
        .field("origin", p.origin())
        .field("status", p.status())
        .field("totalCost", p.totalCost())
        .end('}');
    w.name("changes").begin('{');
    PlanJson.list(
        w,
        "runs",
        r.runs(),
        (x, m) ->
            x.field("workload", m.workload())
                .field("from", m.from())
                .field("fromMonths", m.fromMonths())
                .field("to", m.to())
                .field("toMonths", m.toMonths())
                .field("previousGpuHours", m.previousGpuHours())
                .field("newGpuHours", m.newGpuHours())
                .field("why", m.why()));
    PlanJson.list(
        w,
        "fleets",
        r.fleets(),
        (x, f) -> {
          x.field("workload", f.workload())
              .field("region", f.region())
              .field("accelerator", f.accelerator())
              .field("previousGpuHours", f.previousGpuHours())
              .field("newGpuHours", f.newGpuHours());
          x.name("months").begin('[');
          f.months().forEach(x::value);
          x.end(']');
        });
    PlanJson.list(
        w,
        "costs",
        r.costs(),
        (x, c) ->
            x.field("component", c.component())
                .field("previous", c.previous())
                .field("replan", c.replan())
                .field("change", c.change()));
    PlanJson.list(
        w,
        "shortfalls",
        r.shortfalls(),
        (x, s) ->
            x.field("contract", s.contract())
                .field("year", s.year())
                .field("takeOrPay", s.takeOrPay())
                .field("previous", s.previous())
                .field("replan", s.replan()));
    w.end('}');
    PlanJson.list(
        w,
        "trueUp",
        r.trueUp(),
        (x, t) ->
            x.field("contract", t.contract())
                .field("provider", t.provider())
                .field("year", t.year())
                .field("commitment", t.commitment())
                .field("from", t.from())
                .field("to", t.to())
                .field("committed", t.committed())
                .field("consumedToDate", t.consumedToDate())
                .field("stillNeeded", t.stillNeeded())
                .field("planned", t.planned())
                .field("shortfall", t.shortfall())
                .field("met", t.met())
                .field("takeOrPay", t.takeOrPay()));
  }
}
