package io.nuage.cli.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.core.NuageException;
import io.nuage.ledger.generate.BillablePlan;
import io.nuage.ledger.generate.PlannedBills;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plan {@code nuage ledger vs-plan} compares with (docs/ledger-drawdown.md, section 8): read
 * and checked against the scenario as {@code generate-billing --from-plan} reads it, so that what
 * it bills is what the bills that follow it carry.
 */
public final class PlannedSpend {
  private PlannedSpend() {}

  /**
   * @param scenarioFile the scenario given with {@code --scenario}: the plan's must be it
   */
  public static PlannedBills read(Path planFile, Path scenarioFile) {
    refuseReplan(planFile);
    BillablePlan plan = PlanFile.read(planFile);
    ScenarioLookup.Found found = ScenarioLookup.find(scenarioFile, planFile, plan.scenario());
    return new PlannedBills(found.scenario(), found.file().toString(), plan);
  }

  /**
   * What a plan JSON held in memory ({@code name}: a plan job) bills over {@code scenario}, for the
   * API; a re-plan (its months before its as-of date are bills) is refused as {@link #read} does.
   */
  public static PlannedBills of(
      Scenario scenario, String scenarioSource, String name, String json) {
    return new PlannedBills(scenario, scenarioSource, PlanFile.parse(name, json));
  }

  /** A re-plan's months before its as-of date are the bills: there is nothing to compare there. */
  private static void refuseReplan(Path planFile) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(planFile));
    } catch (IOException e) {
      return; // PlanFile says what is wrong with it
    }
    if (root != null && root.has("fixedPast"))
      throw new NuageException(
          planFile
              + ": fixedPast: this is a re-plan as of "
              + root.path("fixedPast").path("asOf").asText("?")
              + ", not a plan: its months before that day are the bills themselves; compare the"
              + " bills with the plan it followed (its previousPlan), or with a plan of nuage"
              + " plan --format json");
  }
}
