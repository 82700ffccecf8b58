package io.nuage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.core.NuageException;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.ledger.projection.PlannedPlacement;
import io.nuage.plan.recourse.RunPlace;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the placements of a plan JSON (docs/plan-json.md) as planned spend and GPU-hours per
 * provider and month. A bad file is reported with the field path, the value and what was expected.
 */
public final class PlanJsonReader {
  private PlanJsonReader() {}

  /** What the plan consumes of each of the scenario's contracts, month by month. */
  static PlannedConsumption consumption(Path file, Scenario scenario) {
    return consumption(textOf(file), file.toString(), scenario);
  }

  private static String textOf(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NuageException(file + ": no such plan file");
    } catch (IOException e) {
      throw new NuageException(file + ": not a plan JSON (" + firstLine(e) + ")");
    }
  }

  /**
   * Each training run's place in the plan: the region (a bare name prefixed with the row's
   * provider, as docs/plan-json.md allows), accelerator and first month of its rows (the base plan
   * of {@code nuage risk --policy adapt}).
   */
  static Map<String, RunPlace> runPlaces(Path file) {
    JsonNode placements = placementNodes(textOf(file), file);
    Map<String, RunPlace> places = new TreeMap<>();
    for (int i = 0; i < placements.size(); i++) {
      JsonNode p = placements.get(i);
      String at = "placements[" + i + "]";
      if (!text(file, p, at, "kind").equals("training")) continue;
      String run = text(file, p, at, "workload");
      String region = text(file, p, at, "region");
      if (!region.contains("/")) region = text(file, p, at, "provider") + "/" + region;
      String accelerator = text(file, p, at, "accelerator");
      YearMonth month = month(file, text(file, p, at, "month"), at);
      RunPlace seen = places.get(run);
      if (seen != null
          && (!seen.region().equals(region) || !seen.accelerator().equals(accelerator))) {
        throw new NuageException(
            file
                + ": "
                + at
                + ": training run "
                + run
                + " is split across regions or accelerators");
      }
      if (seen == null || month.isBefore(seen.start()))
        places.put(run, new RunPlace(region, accelerator, month));
    }
    return places;
  }

  /**
   * What a plan JSON text consumes of the scenario's contracts; {@code name} names it in messages
   * and in the projection's source (a file, or a plan job).
   */
  public static PlannedConsumption consumption(String json, String name, Scenario scenario) {
    Path file = Path.of(name);
    JsonNode root = root(json, file);
    JsonNode planned = root.get("scenario");
    if (planned != null && planned.isTextual() && !planned.asText().equals(scenario.name()))
      throw new NuageException(
          name
              + ": scenario: a plan of "
              + planned.asText()
              + ", not of "
              + scenario.name()
              + " (expected a plan of the scenario drawn down)");
    return PlannedConsumption.of(name, placements(json, file), scenario, decidesFrom(root, file));
  }

  /** A re-plan's {@code fixedPast.asOf} (docs/plan-json.md, "Re-plans"); null for a plan. */
  private static @org.jspecify.annotations.Nullable LocalDate decidesFrom(
      JsonNode root, Path file) {
    JsonNode asOf = root.path("fixedPast").get("asOf");
    if (asOf == null || asOf.isNull()) return null;
    try {
      return LocalDate.parse(asOf.asText());
    } catch (DateTimeParseException e) {
      throw new NuageException(
          file + ": fixedPast.asOf: not a date (got " + asOf + ", expected YYYY-MM-DD)");
    }
  }

  private static List<PlannedPlacement> placements(String text, Path file) {
    JsonNode placements = placementNodes(text, file);
    List<PlannedPlacement> planned = new ArrayList<>();
    for (int i = 0; i < placements.size(); i++) {
      JsonNode p = placements.get(i);
      String at = "placements[" + i + "]";
      JsonNode contract = p.get("contract");
      planned.add(
          new PlannedPlacement(
              text(file, p, at, "provider"),
              optionalText(p, "region"),
              optionalText(p, "accelerator"),
              month(file, text(file, p, at, "month"), at),
              optionalText(p, "pricing"),
              contract == null || !contract.isTextual() ? null : contract.asText(),
              decimal(file, p, at, "gpuHours"),
              decimal(file, p, at, "cost")));
    }
    return planned;
  }

  /** Whether a plan JSON text lists placements (an infeasible plan does not). */
  static boolean hasPlacements(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      return root != null && root.path("placements").isArray();
    } catch (IOException e) {
      return false;
    }
  }

  private static JsonNode root(String text, Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new NuageException(file + ": not a plan JSON (" + firstLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new NuageException(file + ": not a plan JSON (expected an object)");
    }
    return root;
  }

  private static JsonNode placementNodes(String text, Path file) {
    JsonNode placements = root(text, file).get("placements");
    if (placements == null || !placements.isArray()) {
      throw new NuageException(file + ": placements: missing (expected a list of placements)");
    }
    return placements;
  }

  /** A field the projection reads but plan against actual does not need: "" when absent. */
  private static String optionalText(JsonNode p, String field) {
    JsonNode v = p.get(field);
    return v == null || !v.isTextual() ? "" : v.asText();
  }

  private static String text(Path file, JsonNode p, String at, String field) {
    JsonNode v = p.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new NuageException(
          file + ": " + at + "." + field + ": missing or not a string (got " + v + ")");
    }
    return v.asText();
  }

  private static BigDecimal decimal(Path file, JsonNode p, String at, String field) {
    String s = text(file, p, at, field);
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new NuageException(
          file
              + ": "
              + at
              + "."
              + field
              + ": not a decimal (got \""
              + s
              + "\", expected e.g. \"12.50\")");
    }
  }

  private static YearMonth month(Path file, String s, String at) {
    try {
      return YearMonth.parse(s);
    } catch (DateTimeParseException e) {
      throw new NuageException(
          file + ": " + at + ".month: not a month (got \"" + s + "\", expected YYYY-MM)");
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
