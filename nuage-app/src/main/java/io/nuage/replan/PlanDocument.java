package io.nuage.replan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.core.NuageException;
import io.nuage.plan.ContractYear;
import io.nuage.plan.CostBreakdown;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import io.nuage.plan.past.ActualConsumption;
import io.nuage.plan.past.ActualSpend;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import io.nuage.plan.replan.PreviousPlan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a plan JSON (docs/plan-json.md, a re-plan's too) as the plan being followed. A bad document
 * is refused with the place, the value and what was expected (exit 2), never half read.
 */
public final class PlanDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanDocument() {}

  /** A plan file given with {@code --plan}. */
  public static PreviousPlan read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NuageException("--plan: " + file + ": no such plan file");
    } catch (IOException e) {
      throw new NuageException("--plan: " + file + ": cannot read it (" + e.getMessage() + ")");
    }
    return parse(file.toString(), text);
  }

  /** A plan JSON named {@code origin} in messages (a file, or a stored plan). */
  public static PreviousPlan parse(String origin, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new NuageException(origin + ": not a plan JSON (" + firstLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new NuageException(origin + ": not a plan JSON (expected an object)");
    }
    var at = new Reader(origin);
    String status = at.text(root, "", "status");
    if (!status.equals("OPTIMAL") && !status.equals("FEASIBLE")) {
      throw new NuageException(
          origin
              + ": status: "
              + status
              + " (expected OPTIMAL or FEASIBLE: a plan without placements cannot be followed)");
    }
    JsonNode b = at.object(root, "", "costBreakdown");
    var breakdown =
        new CostBreakdown(
            at.money(b, "costBreakdown", "usage"),
            at.money(b, "costBreakdown", "reserved"),
            at.money(b, "costBreakdown", "shortfall"),
            at.money(b, "costBreakdown", "egress"),
            at.money(b, "costBreakdown", "storage"),
            b.has("actual") ? at.money(b, "costBreakdown", "actual") : new BigDecimal("0.00"));
    BigDecimal total = at.money(root, "", "totalCost");
    if (total.compareTo(breakdown.total()) != 0) {
      throw new NuageException(
          origin
              + ": totalCost: "
              + total.toPlainString()
              + " is not the sum of costBreakdown ("
              + breakdown.total().toPlainString()
              + "): the file was changed by hand or is not a plan");
    }
    return new PreviousPlan(
        origin,
        at.text(root, "", "scenario"),
        status,
        total,
        breakdown,
        at.list(root, "placements", PlanDocument::placement),
        at.list(root, "egress", PlanDocument::egress),
        at.list(root, "contracts", PlanDocument::contract),
        root.has("fixedPast") && !root.get("fixedPast").isNull()
            ? fixedPast(at, at.object(root, "", "fixedPast"))
            : null);
  }

  private static Placement placement(Reader at, JsonNode n, String where) {
    JsonNode contract = n.get("contract");
    return new Placement(
        at.text(n, where, "workload"),
        at.text(n, where, "kind"),
        at.text(n, where, "provider"),
        at.text(n, where, "region"),
        at.text(n, where, "accelerator"),
        at.month(n, where, "month"),
        at.integer(n, where, "gpus"),
        at.money(n, where, "gpuHours"),
        at.text(n, where, "pricing"),
        contract == null || contract.isNull() ? null : at.text(n, where, "contract"),
        at.money(n, where, "rate"),
        at.money(n, where, "cost"));
  }

  private static EgressCharge egress(Reader at, JsonNode n, String where) {
    return new EgressCharge(
        at.text(n, where, "workload"),
        at.text(n, where, "from"),
        at.text(n, where, "to"),
        at.text(n, where, "provider"),
        at.month(n, where, "month"),
        at.money(n, where, "terabytes"),
        at.money(n, where, "cost"));
  }

  private static ContractYear contract(Reader at, JsonNode n, String where) {
    return new ContractYear(
        at.text(n, where, "contract"),
        at.text(n, where, "provider"),
        at.integer(n, where, "year"),
        at.money(n, where, "committed"),
        at.money(n, where, "consumed"),
        at.money(n, where, "shortfall"),
        n.path("takeOrPay").asBoolean(false),
        n.has("consumedToDate") ? at.money(n, where, "consumedToDate") : BigDecimal.ZERO);
  }

  private static FixedPast fixedPast(Reader at, JsonNode n) {
    String where = "fixedPast";
    YearMonth first = at.month(n, where, "firstOpenMonth");
    Set<String> finished = new TreeSet<>();
    n.path("finishedRuns").forEach(f -> finished.add(f.asText()));
    try {
      return new FixedPast(
          first,
          at.list(
              n,
              where + ".spend",
              "spend",
              (r, s, w) ->
                  new ActualSpend(
                      r.text(s, w, "provider"), r.month(s, w, "month"), r.money(s, w, "billed"))),
          at.list(
              n,
              where + ".consumed",
              "consumed",
              (r, c, w) ->
                  new ActualConsumption(
                      r.text(c, w, "contract"), r.integer(c, w, "year"), r.money(c, w, "amount"))),
          at.list(
              n,
              where + ".runningRuns",
              "runningRuns",
              (r, c, w) ->
                  new RunningRun(
                      r.text(c, w, "workload"),
                      r.text(c, w, "provider"),
                      r.text(c, w, "region"),
                      r.text(c, w, "accelerator"),
                      r.month(c, w, "start"))),
          finished);
    } catch (IllegalArgumentException e) {
      throw new NuageException(at.origin + ": fixedPast: " + e.getMessage());
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Reads fields, naming the file, the path and the value in every refusal. */
  private record Reader(String origin) {
    interface Item<T> {
      T read(Reader at, JsonNode node, String where);
    }

    <T> List<T> list(JsonNode root, String field, Item<T> item) {
      return list(root, field, field, item);
    }

    <T> List<T> list(JsonNode parent, String label, String field, Item<T> item) {
      JsonNode array = parent.get(field);
      if (array == null || !array.isArray()) {
        throw new NuageException(origin + ": " + label + ": missing (expected a list)");
      }
      List<T> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String where = label + "[" + i + "]";
        if (!array.get(i).isObject())
          throw new NuageException(origin + ": " + where + ": expected an object");
        try {
          out.add(item.read(this, array.get(i), where));
        } catch (IllegalArgumentException e) {
          throw new NuageException(origin + ": " + where + ": " + e.getMessage());
        }
      }
      return out;
    }

    JsonNode object(JsonNode n, String where, String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.isObject()) {
        throw new NuageException(
            origin + ": " + path(where, field) + ": missing or not an object (got " + v + ")");
      }
      return v;
    }

    String text(JsonNode n, String where, String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw new NuageException(
            origin + ": " + path(where, field) + ": missing or not a string (got " + v + ")");
      }
      return v.asText();
    }

    int integer(JsonNode n, String where, String field) {
      JsonNode v = n.get(field);
      if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
        throw new NuageException(
            origin + ": " + path(where, field) + ": not a whole number (got " + v + ")");
      }
      return v.asInt();
    }

    BigDecimal money(JsonNode n, String where, String field) {
      String s = text(n, where, field);
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw new NuageException(
            origin
                + ": "
                + path(where, field)
                + ": not a decimal (got \""
                + s
                + "\", expected a string such as \"12.50\")");
      }
    }

    YearMonth month(JsonNode n, String where, String field) {
      String s = text(n, where, field);
      try {
        return YearMonth.parse(s);
      } catch (DateTimeParseException e) {
        throw new NuageException(
            origin
                + ": "
                + path(where, field)
                + ": not a month (got \""
                + s
                + "\", expected YYYY-MM)");
      }
    }

    private static String path(String where, String field) {
      return where.isEmpty() ? field : where + "." + field;
    }
  }
}
