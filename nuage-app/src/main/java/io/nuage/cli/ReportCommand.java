package io.nuage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.core.NuageException;
import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.Planner;
import io.nuage.report.ReportBundle;
import io.nuage.report.ReportWriter;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.store.StoreLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nuage report SCENARIO [--plan FILE] [--db PATH] [--risk FILE] [--deal FILE] --out FILE}:
 * one self-contained HTML file with the dashboard's charts and tables for a scenario's plan,
 * readable offline.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one self-contained offline HTML report of a scenario's plan, with charts.",
      "%nIt holds the burn-down, spend by provider and month, shares against the cap,"
          + " placements, the plan against its baselines and against actual; no network needed.",
      "%nIts first screen answers five questions: committed, planned spend, projected"
          + " shortfall, providers at their cap and the saving against each baseline."
    })
final class ReportCommand implements Callable<Integer> {
  /**
   * Made when a report reads a JSON file, not when picocli builds the command tree of every command
   * (a plan then paid 0.1-0.3 s for Jackson's start-up, issue 9).
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario YAML file")
  Path scenarioFile;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "a plan JSON written by `nuage plan --format json`; planned now when absent")
  @Nullable Path planFile;

  @Option(
      names = "--risk",
      paramLabel = "FILE",
      description =
          "the JSON of `nuage risk --format json` for this scenario: adds the fan chart of each"
              + " year's cost and the probability of a shortfall per contract year")
  @Nullable Path riskFile;

  @Option(
      names = "--concentration",
      paramLabel = "FILE",
      description =
          "the JSON of `nuage whatif SCENARIO --concentration --format json` (or the demo's"
              + " concentration.json): adds what losing each provider would cost")
  @Nullable Path concentrationFile;

  @Option(
      names = "--deal",
      paramLabel = "FILE",
      description =
          "the JSON of `nuage deal SCENARIO --contract ID --format json` for this scenario: adds"
              + " the deal's expected cost and CVaR95 against its size")
  @Nullable Path dealFile;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description =
          "the ledger, for draw-down, actual spend and plan against actual (default: $NUAGE_DB,"
              + " else ~/.nuage/nuage.duckdb when it exists, else none)")
  @Nullable Path db;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "the plan's deadline when planning: model, solvers, bound and explanations"
              + " (default: ${DEFAULT-VALUE})")
  double timeLimit = 60;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the HTML file")
  Path out;

  @Override
  public Integer call() {
    TimeLimit.checked(timeLimit);
    OutputFile.check(spec, "--out", out, "report.html");
    Scenario scenario = ScenarioParser.parse(scenarioFile);
    String given = planFile == null ? null : readPlan(planFile, scenario.name());
    // a risk or concentration of another version of this file would show another scenario's odds
    String version =
        riskFile == null && concentrationFile == null && dealFile == null
            ? null
            : ScenarioFiles.contentHash(scenarioFile);
    String risk =
        riskFile == null
            ? null
            : readVersioned(
                riskFile,
                scenario.name(),
                version,
                "risk",
                "years",
                "`nuage risk --format json`",
                "nuage risk " + scenarioFile + " --format json");
    String concentration =
        concentrationFile == null
            ? null
            : readVersioned(
                concentrationFile,
                scenario.name(),
                version,
                "concentration",
                "providers",
                "`nuage whatif SCENARIO --concentration --format json`",
                "nuage whatif " + scenarioFile + " --concentration --format json");
    String deal =
        dealFile == null
            ? null
            : readVersioned(
                dealFile,
                scenario.name(),
                version,
                "deal",
                "sizes",
                "`nuage deal SCENARIO --contract ID --format json`",
                "nuage deal " + scenarioFile + " --contract ID --format json");
    LedgerReport.Source ledger = ledger(); // before a solve: a wrong ledger fails fast
    String planJson = given != null ? given : plan(scenario);
    // the burn-down projects with the plan the report shows, as nuage ledger --plan would
    String ledgerJson =
        ledger == null
            ? null
            : ledger.drawDownJson(
                scenario,
                scenarioFile.toString(),
                planJson,
                planFile != null ? planFile.toString() : "the plan of this report");
    if (ledgerJson != null) ledgerJson = withVsPlan(ledgerJson, ledger, scenario, planJson);
    Path written =
        write(
            out,
            scenario,
            scenarioFile.toString(),
            planJson,
            ledgerJson,
            new Extras(risk, concentration, deal),
            Clock.systemUTC());
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("report: " + written);
    stdout.flush();
    return 0;
  }

  /**
   * The ledger's draw-down: from {@code --db}, else {@code NUAGE_DB} (each must exist), else the
   * default store when there is one (a user without a ledger gets the plan alone).
   */
  private LedgerReport.@Nullable Source ledger() {
    if (db != null) return LedgerReport.Source.of(db, "--db");
    String env = System.getenv(StoreLocation.ENV);
    if (env != null && !env.isBlank()) {
      return LedgerReport.Source.of(Path.of(env), StoreLocation.ENV);
    }
    Path standard = StoreLocation.resolve(null);
    return Files.isRegularFile(standard)
        ? LedgerReport.Source.of(standard, "the default store")
        : null;
  }

  /**
   * The draw-down with {@code vsPlan}, the JSON of {@code nuage ledger vs-plan}: plan against
   * actual counts every part the plan bills, as that command does (placements alone leave out
   * reservation fees and storage, which the bills carry). A re-plan or an infeasible plan has none.
   */
  private String withVsPlan(
      String ledgerJson, LedgerReport.Source ledger, Scenario scenario, String planJson) {
    JsonNode plan = parse(Path.of("plan"), planJson, "plan", "`nuage plan --format json`");
    if (plan.has("fixedPast") || "INFEASIBLE".equals(plan.path("status").asText()))
      return ledgerJson;
    Path file = planFile;
    Path temporary = null;
    try {
      if (file == null) {
        temporary = Files.createTempFile("nuage-report-plan", ".json");
        Files.writeString(temporary, planJson, StandardCharsets.UTF_8);
        file = temporary;
      }
      String vsPlan = ledger.vsPlanJson(scenario, scenarioFile, file);
      if (vsPlan == null) return ledgerJson;
      return LedgerJson.with(ledgerJson, "vsPlan", vsPlan);
    } catch (IOException e) {
      throw new NuageException("cannot compare the plan with the ledger (" + e.getMessage() + ")");
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  /** The optional parts of a report: risk, concentration and deal JSON texts, each or null. */
  record Extras(
      @Nullable String riskJson, @Nullable String concentrationJson, @Nullable String dealJson) {
    static final Extras NONE = new Extras(null, null, null);
  }

  /**
   * Writes the report of a planned scenario (read from {@code scenarioFile}), with every contract's
   * commitments beside the plan; the demo calls this too. Returns the file.
   */
  static Path write(
      Path out,
      Scenario scenario,
      String scenarioFile,
      String planJson,
      @Nullable String ledgerJson,
      Extras extras,
      Clock clock) {
    String commitments =
        LedgerReport.commitmentsJson(scenario, scenarioFile, planJson, "the plan of this report");
    return ReportWriter.write(
        out,
        new ReportBundle(
            scenario.name(),
            clock.instant(),
            scenario.policy(),
            planJson,
            ledgerJson,
            extras.riskJson(),
            extras.concentrationJson(),
            commitments,
            extras.dealJson()));
  }

  /**
   * Reads a plan JSON file, refusing one that is not a plan, or is the plan of another scenario,
   * with a message naming the file.
   */
  static String readPlan(Path file, String scenario) {
    return readOutput(file, scenario, "plan", "status", "`nuage plan --format json`");
  }

  /** The scenario planned now, with a progress line on stderr while it solves. */
  private String plan(Scenario scenario) {
    try (PlanningLine line =
        new PlanningLine(scenario.name(), timeLimit, spec.commandLine().getErr())) {
      return PlanJson.write(
          Planner.plan(scenario, PlanOptions.defaults().withTimeLimit(timeLimit)));
    }
  }

  /**
   * Reads the JSON a command computed from a scenario file ({@code kind}: risk, concentration) as
   * {@link #readOutput} does, and refuses one whose {@code scenarioHash} is not {@code version},
   * the content hash of the scenario file given: it was computed from another version of it.
   */
  private String readVersioned(
      Path file,
      String scenario,
      String version,
      String kind,
      String field,
      String command,
      String rerun) {
    String text = readOutput(file, scenario, kind, field, command);
    JsonNode hash = parse(file, text, kind, command).path("scenarioHash");
    if (!hash.isTextual() || !hash.asText().equals(version)) {
      String got =
          hash.isTextual() ? hash.asText() : hash.isMissingNode() ? "none" : hash.toString();
      throw new NuageException(
          file
              + lineOf(text, "\"scenarioHash\"")
              + ": scenarioHash: the "
              + kind
              + (hash.isMissingNode()
                  ? " does not say which version of the scenario file it was computed from"
                  : " was computed from another version of " + scenarioFile)
              + " (got "
              + got
              + ", expected "
              + version
              + ", the SHA-256 of "
              + scenarioFile
              + " as it is now); re-run `"
              + rerun
              + "` on this scenario");
    }
    return text;
  }

  /** ":LINE" of the first line holding {@code needle}, or nothing when the text lacks it. */
  private static String lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    return at < 0 ? "" : ":" + (1 + text.substring(0, at).chars().filter(c -> c == '\n').count());
  }

  /**
   * Reads the JSON a command wrote ({@code kind}: plan, risk, concentration), refusing a file that
   * is not JSON, lacks {@code field}, or is of another scenario, with a message naming the file.
   */
  static String readOutput(Path file, String scenario, String kind, String field, String command) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NuageException(
          file + ": cannot read the " + kind + " file (" + OutputFile.reason(e) + ")");
    }
    JsonNode json = parse(file, text, kind, command);
    if (json == null || !json.isObject() || json.path(field).isMissingNode()) {
      throw new NuageException(
          file
              + ": "
              + field
              + ": missing (got "
              + (json == null ? "an empty file" : json.getNodeType().toString().toLowerCase())
              + ", expected the "
              + kind
              + " JSON of "
              + command
              + ", with a \""
              + field
              + "\" field)");
    }
    String of = json.path("scenario").asText("");
    if (!of.equals(scenario)) {
      throw new NuageException(
          file
              + ": scenario: the "
              + kind
              + " is of another scenario (got "
              + (of.isEmpty() ? "none" : of)
              + ", expected "
              + scenario
              + ", the scenario given)");
    }
    return text;
  }

  private static JsonNode parse(Path file, String text, String kind, String command) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new NuageException(
          file
              + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
              + ": not JSON ("
              + e.getOriginalMessage()
              + "); expected the "
              + kind
              + " JSON of "
              + command);
    }
  }
}
