package io.nuage.cli;

import io.nuage.broker.BrokerPlan;
import io.nuage.broker.launch.BrokerPlanJson;
import io.nuage.broker.launch.LauncherSchemas;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What both exports read: the plan JSON, its scenario and the launchers' schemas. */
final class ExportInput {
  @Parameters(
      index = "0",
      paramLabel = "PLAN.json",
      description = "a plan JSON (nuage plan --format json)")
  Path plan;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "S",
      description = "the scenario file the plan was made from")
  Path scenario;

  @Option(
      names = "--schemas",
      paramLabel = "DIR",
      description =
          "the launchers' schemas (default: $NUAGE_SHARED_DATA/broker, else shared/data/broker"
              + " beside the installation or the working folder)")
  @Nullable Path schemas;

  record Read(Scenario scenario, BrokerPlan plan, LauncherSchemas schemas) {}

  Read read() {
    Scenario s = ScenarioFiles.read(scenario);
    String text;
    try {
      text = Files.readString(plan);
    } catch (IOException e) {
      throw new NuageException(
          plan
              + ": cannot read the plan ("
              + (Files.exists(plan) ? e.getMessage() : "no such file")
              + ")");
    }
    BrokerPlan p = BrokerPlanJson.read(text, plan.toString(), s);
    return new Read(s, p, LauncherSchemas.locate(schemas));
  }
}
