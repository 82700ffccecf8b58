package io.nuage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.core.NuageException;
import io.nuage.plan.Plan;
import io.nuage.plan.ProviderYear;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.replan.PreviousPlan;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.plan.verify.Violation;
import io.nuage.replan.PlanDocument;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code nuage whatif --plan PLAN.json}: the base read from a plan JSON (docs/plan-json.md) instead
 * of served, and checked by the plan verifier against the scenario as written before any figure of
 * it is used. A plan serves everything, so its unmet demand and steering are 0.
 */
final class WhatifBase {
  /** The {@code source} of a plan read from a file. */
  static final String SOURCE = "plan file";

  private WhatifBase() {}

  /** Whether {@code base} was read with {@code --plan}. */
  static boolean fromFile(RecoursePlan base) {
    return base.plan().source().equals(SOURCE);
  }

  static RecoursePlan read(Path file, Scenario scenario) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NuageException("--plan: " + file + ": no such plan file");
    } catch (IOException e) {
      throw new NuageException("--plan: " + file + ": cannot read it (" + e.getMessage() + ")");
    }
    PreviousPlan p = PlanDocument.parse("--plan " + file, text);
    if (p.fixedPast() != null)
      throw new NuageException(
          "--plan: "
              + file
              + " is a re-plan (its costs include billed months); give a plan of the whole"
              + " horizon (nuage plan --format json)");
    if (!p.scenario().equals(scenario.name()))
      throw new NuageException(
          "--plan: " + file + " is a plan of " + p.scenario() + ", not of " + scenario.name());
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new NuageException("--plan: " + file + ": not a plan JSON");
    }
    Plan plan =
        new Plan(
            p.scenario(),
            p.totalCost(),
            decimal(file, root, "lowerBound"),
            decimal(file, root, "gap"),
            false,
            0,
            SOURCE,
            List.of(),
            p.costBreakdown(),
            List.of(),
            p.placements(),
            p.egress(),
            providers(file, root),
            p.contracts(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            0);
    List<Violation> broken = PlanVerifier.verify(scenario, plan);
    if (!broken.isEmpty())
      throw new NuageException(
          "--plan: "
              + file
              + " does not hold for "
              + scenario.name()
              + " as written ("
              + broken.size()
              + " problems, the first: "
              + broken.getFirst().rule()
              + ": "
              + broken.getFirst().message()
              + ")");
    BigDecimal zero = new BigDecimal("0.00");
    return new RecoursePlan(
        plan, List.of(), List.of(), zero, plan.totalCost(), zero, plan.lowerBound());
  }

  private static List<ProviderYear> providers(Path file, JsonNode root) {
    JsonNode list = root.get("providers");
    if (list == null || !list.isArray())
      throw new NuageException("--plan: " + file + ": providers: missing (expected a list)");
    List<ProviderYear> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode n = list.get(i);
      String at = "providers[" + i + "]";
      if (!n.path("provider").isTextual() || !n.path("year").canConvertToInt())
        throw new NuageException(
            "--plan: " + file + ": " + at + ": expected a provider and a year (got " + n + ")");
      out.add(
          new ProviderYear(
              n.get("provider").asText(),
              n.get("year").asInt(),
              decimal(file, n, "spend"),
              decimal(file, n, "share")));
    }
    return out;
  }

  private static BigDecimal decimal(Path file, JsonNode n, String field) {
    JsonNode v = n.get(field);
    try {
      if (v != null && v.isTextual()) return new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      // below
    }
    throw new NuageException(
        "--plan: "
            + file
            + ": "
            + field
            + ": expected a decimal string (got "
            + (v == null ? "nothing" : v.toString())
            + ")");
  }
}
