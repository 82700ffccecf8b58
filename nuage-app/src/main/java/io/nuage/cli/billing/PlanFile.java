package io.nuage.cli.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.core.NuageException;
import io.nuage.ledger.generate.BillablePlan;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads what bills follow from a plan JSON (docs/plan-json.md): its scenario, placements and
 * egress. Every refusal names the file, the field path, the value and what was expected.
 */
final class PlanFile {
  private final Path file;
  private final @org.jspecify.annotations.Nullable String text;

  private PlanFile(Path file, @org.jspecify.annotations.Nullable String text) {
    this.file = file;
    this.text = text;
  }

  static BillablePlan read(Path file) {
    return new PlanFile(file, null).read();
  }

  /** A plan JSON held in memory (a plan job's result), named {@code name} in messages. */
  static BillablePlan parse(String name, String json) {
    return new PlanFile(Path.of(name), json).read();
  }

  private BillablePlan read() {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text != null ? text : Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new NuageException(
          file + ": no such plan file (expected the JSON of `nuage plan --format json`)");
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new NuageException(
          file
              + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
              + ": not JSON ("
              + e.getOriginalMessage()
              + "); expected the plan JSON of `nuage plan --format json`");
    } catch (IOException e) {
      throw new NuageException(file + ": cannot read the plan (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject() || !root.path("status").isTextual()) {
      throw new NuageException(
          file
              + ": status: missing (got "
              + (root == null ? "an empty file" : "JSON without a \"status\"")
              + ", expected the plan JSON of `nuage plan --format json`)");
    }
    String status = root.get("status").asText();
    if (status.equals("INFEASIBLE")) {
      throw new NuageException(
          file
              + ": status: INFEASIBLE: an infeasible plan places nothing to bill (expected OPTIMAL or FEASIBLE)");
    }
    if (root.has("fixedPast")) {
      // its months before the as-of date are bills already, its placements start after them:
      // billed from the horizon's start it would miss the fixed months' usage and bill true-ups
      // on part of a year
      throw new NuageException(
          file
              + ": fixedPast: this is a re-plan as of "
              + root.path("fixedPast").path("asOf").asText("?")
              + ", not a plan: its months before that day are fixed to bills already ingested, so"
              + " bills from it would leave them out; bill from the plan it followed (its"
              + " previousPlan), or from a plan of nuage plan --format json");
    }
    String scenario = text(root, "", "scenario");
    List<Placement> placements = new ArrayList<>();
    JsonNode list = array(root, "placements");
    for (int i = 0; i < list.size(); i++)
      placements.add(placement(list.get(i), "placements[" + i + "]"));
    List<EgressCharge> egress = new ArrayList<>();
    JsonNode moves = root.has("egress") ? array(root, "egress") : null;
    if (moves != null)
      for (int i = 0; i < moves.size(); i++) egress.add(egress(moves.get(i), "egress[" + i + "]"));
    return new BillablePlan(file.toString(), scenario, placements, egress);
  }

  private Placement placement(JsonNode p, String at) {
    if (!p.isObject()) throw bad(at, "not an object (got " + p + ", expected a placement)");
    BigDecimal gpuHours = decimal(p, at, "gpuHours");
    BigDecimal cost = decimal(p, at, "cost");
    if (gpuHours.signum() < 0 || cost.signum() < 0)
      throw bad(at, "gpuHours and cost cannot be negative");
    JsonNode gpus = p.get("gpus");
    if (gpus == null || !gpus.canConvertToInt() || gpus.asInt() < 0)
      throw bad(at + ".gpus", "not a whole number of GPUs (got " + gpus + ")");
    String kind = text(p, at, "kind");
    if (!kind.equals("training") && !kind.equals("inference"))
      throw bad(at + ".kind", "'" + kind + "' (expected training or inference)");
    JsonNode contract = p.get("contract");
    return new Placement(
        text(p, at, "workload"),
        kind,
        text(p, at, "provider"),
        text(p, at, "region"),
        text(p, at, "accelerator"),
        month(p, at),
        gpus.asInt(),
        gpuHours,
        text(p, at, "pricing"),
        contract == null || contract.isNull() ? null : text(p, at, "contract"),
        decimal(p, at, "rate"),
        cost);
  }

  private EgressCharge egress(JsonNode e, String at) {
    if (!e.isObject()) throw bad(at, "not an object (got " + e + ", expected an egress charge)");
    return new EgressCharge(
        text(e, at, "workload"),
        text(e, at, "from"),
        text(e, at, "to"),
        text(e, at, "provider"),
        month(e, at),
        decimal(e, at, "terabytes"),
        decimal(e, at, "cost"));
  }

  private JsonNode array(JsonNode root, String field) {
    JsonNode a = root.get(field);
    if (a == null || !a.isArray())
      throw bad(
          field, "missing or not a list (got " + a + ", expected a list as `nuage plan` writes)");
    return a;
  }

  private String text(JsonNode node, String at, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank())
      throw bad(path(at, field), "missing or not a string (got " + v + ")");
    return v.asText();
  }

  private BigDecimal decimal(JsonNode node, String at, String field) {
    String s = text(node, at, field);
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw bad(path(at, field), "not a decimal (got \"" + s + "\", expected e.g. \"12.50\")");
    }
  }

  private YearMonth month(JsonNode node, String at) {
    String s = text(node, at, "month");
    try {
      return YearMonth.parse(s);
    } catch (DateTimeParseException e) {
      throw bad(path(at, "month"), "not a month (got \"" + s + "\", expected YYYY-MM)");
    }
  }

  private static String path(@Nullable String at, String field) {
    return at == null || at.isEmpty() ? field : at + "." + field;
  }

  private NuageException bad(String where, String what) {
    return new NuageException(file + ": " + where + ": " + what);
  }
}
