package io.nuage.cli;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.contract.Contract;
import io.nuage.core.NuageException;
import io.nuage.plan.PlanJson;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.PlanSummary;
import io.nuage.plan.Planner;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.risk.Concentration;
import io.nuage.risk.WhatIfAnalysis;
import io.nuage.scenario.CommitmentTotals;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.scenario.ScenarioSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nuage demo}: the main job on the shipped example {@code examples/frontier-lab-2027.yaml}
 * (found under the launcher's {@code nuage.home}): validates it, shows its catalog and what its
 * contracts commit, plans it, prints the summary a CFO reads and writes the plan JSON and the
 * offline HTML report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Plans and reports on the shipped example scenario (an AI lab, 2027-2031).",
    description = {
      "First act: it validates and plans examples/frontier-lab-2027.yaml and prints the catalog and"
          + " commitments, the plan's cost against the naive baselines, contract utilisation,"
          + " provider shares and the most valuable binding constraints; then what losing each"
          + " provider from the middle of the horizon would cost (one verified re-plan each);"
          + " writes plan.json, report.html and concentration.json into the output folder.",
      "%nSecond act, six months later: bills for January to June 2027 that drift from the plan"
          + " (demand 15%% above it from April) are generated as FOCUS 1.3, ingested into a ledger,"
          + " and the rest of the horizon is re-planned from them; the burn-down of every"
          + " contract is shown as of the bills' end, projected with the re-plan. Writes"
          + " bills-2027H1.csv, commitments.csv, ledger.duckdb, replan.json, burndown.json and"
          + " report-2027H1.html (the report as of the bills, with the re-plan)."
    })
final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "examples/frontier-lab-2027.yaml";

  @Spec CommandSpec spec;

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      defaultValue = "nuage-demo",
      description = "where the demo's files go (default: ${DEFAULT-VALUE})")
  Path outDir = Path.of("nuage-demo");

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "the whole plan's deadline: model, solvers, bound and explanations"
              + " (default: ${DEFAULT-VALUE})")
  double timeLimit = 60;

  @Option(
      names = "--act-one",
      description = "plan and report only: leave out the second act (bills, burn-down, re-plan)")
  boolean actOne;

  @Override
  public Integer call() {
    TimeLimit.checked(timeLimit);
    // the folder is made and checked before the plan, which may solve for a minute
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new NuageException(
          "--out-dir: cannot create " + outDir + " (" + OutputFile.reason(e) + ")", e);
    }
    for (String name : SixMonthsLater.outputs(actOne)) {
      Path target = outDir.resolve(name);
      OutputFile.check("--out-dir", target, target.toString(), name);
    }
    Path home = Path.of(System.getProperty("nuage.home", "."));
    Path file = home.resolve(EXAMPLE).normalize();
    Planner.prepareSolvers(); // the native libraries load while the scenario is read
    Scenario scenario = ScenarioParser.parse(file); // a ValidationException maps to exit 2
    String version = ScenarioFiles.contentHash(file); // concentration.json names it
    // prose within 100 columns as it is printed (Lines.fit); tables are sized to fit
    PrintWriter out = Lines.fitting(spec.commandLine().getOut());
    out.println(
        "Scenario " + scenario.name() + " (" + EXAMPLE + "), horizon " + scenario.horizon());
    out.println("valid: " + ScenarioSummary.of(scenario).render());
    out.println();
    printCatalog(out, scenario);
    out.println();
    printContracts(out, scenario);
    out.println();
    out.printf("Planning (time limit %.0f s)...%n", timeLimit);
    out.flush();
    long started = System.nanoTime();
    PlanOutcome outcome = Planner.plan(scenario, PlanOptions.defaults().withTimeLimit(timeLimit));
    out.printf("planned in %.1f s%n%n", (System.nanoTime() - started) / 1e9);
    out.print(PlanSummary.render(outcome));
    String planJson = PlanJson.write(outcome);
    Path planFile = write(outDir.resolve("plan.json"), planJson);
    Path report =
        ReportCommand.write(
            outDir.resolve("report.html"),
            scenario,
            file.toString(),
            planJson,
            null,
            ReportCommand.Extras.NONE,
            Clock.systemUTC());
    out.println();
    out.println("plan:   " + planFile.toAbsolutePath().normalize());
    out.println("report: " + report.toAbsolutePath().normalize());
    out.flush();
    if (outcome instanceof PlanOutcome.Infeasible) return PlanCommand.INFEASIBLE;
    String concentration = printConcentration(out, scenario, total(outcome), version);
    // the report shows what losing each provider would cost too
    ReportCommand.write(
        outDir.resolve("report.html"),
        scenario,
        file.toString(),
        planJson,
        null,
        new ReportCommand.Extras(null, concentration, null),
        Clock.systemUTC());
    out.println(
        "report: " + report.toAbsolutePath().normalize() + " (with the concentration risk)");
    out.flush();
    if (actOne) return 0;
    return new SixMonthsLater(out, outDir, file, planFile, timeLimit).tell();
  }

  /**
   * What losing each provider from the middle of the horizon costs (docs/risk.md section 5.1): one
   * verified re-plan per provider against the scenario as written; concentration.json beside it.
   */
  /**
   * Each re-plan's time limit: the example's slowest (nebius lost) finds its plan early and spends
   * the rest of a longer limit narrowing the proof; the table states each row's proven margin.
   */
  static final double CONCENTRATION_SECONDS = 20;

  /** Prints the concentration table, writes concentration.json; returns its JSON text. */
  private static java.math.BigDecimal total(PlanOutcome outcome) {
    return switch (outcome) {
      case PlanOutcome.Optimal o -> o.plan().totalCost();
      case PlanOutcome.Feasible f -> f.plan().totalCost();
      case PlanOutcome.Infeasible i -> throw new IllegalStateException("no plan");
    };
  }

  private String printConcentration(
      PrintWriter out, Scenario scenario, java.math.BigDecimal planned, String version) {
    YearMonth from = Concentration.middle(scenario.horizon());
    out.println();
    out.printf(
        "Concentration risk: losing each provider from %s (the middle of the horizon), its"
            + " contracts still owed (%d re-plans of at most %.0f s each)...%n",
        from,
        scenario.catalog().providers().size() + 1,
        Math.min(timeLimit, CONCENTRATION_SECONDS));
    out.flush();
    long started = System.nanoTime();
    Concentration.Report r =
        Concentration.of(
            new WhatIfAnalysis(
                scenario,
                PlanOptions.defaults().withTimeLimit(Math.min(timeLimit, CONCENTRATION_SECONDS)),
                RecourseMethod.MIP),
            scenario,
            Runtime.getRuntime().availableProcessors(),
            null,
            planned,
            Concentration.Progress.NONE);
    out.printf(
        "re-planned and verified in %.1f s; extra cost against the scenario as written served the"
            + " same way, %s (the plan above: %s; %s):%n",
        (System.nanoTime() - started) / 1e9,
        money(r.base().totalCost()),
        money(r.asWritten()),
        scenario.currency());
    out.print(Lines.fit(WhatifTable.table(r)));
    String json = WhatifJson.of(scenario, r, version);
    Path file = write(outDir.resolve("concentration.json"), json);
    out.println("concentration: " + file.toAbsolutePath().normalize());
    out.flush();
    return json;
  }

  private static Path write(Path file, String text) {
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NuageException(file + ": cannot write (" + e.getMessage() + ")");
    }
  }

  private static void printCatalog(PrintWriter out, Scenario scenario) {
    out.println("Cheapest on-demand list price per GPU-hour, by accelerator (USD):");
    Map<String, Offering> cheapest = new TreeMap<>();
    for (Offering o : scenario.catalog().offerings()) {
      if (o.pricing() != PricingKind.ON_DEMAND) continue;
      cheapest.merge(
          o.accelerator(),
          o,
          (a, b) -> a.pricePerGpuHour().compareTo(b.pricePerGpuHour()) <= 0 ? a : b);
    }
    for (Offering o : cheapest.values()) {
      long count =
          scenario.catalog().offerings().stream()
              .filter(x -> x.accelerator().equals(o.accelerator()))
              .count();
      out.printf(
          "  %-8s %10s  at %-26s (%d offerings)%n",
          o.accelerator(), o.pricePerGpuHour().toPlainString(), o.region(), count);
    }
    String perProvider =
        scenario.catalog().offerings().stream()
            .collect(Collectors.groupingBy(Offering::provider, TreeMap::new, Collectors.counting()))
            .entrySet()
            .stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    out.println("  offerings per provider: " + perProvider);
  }

  private static void printContracts(PrintWriter out, Scenario scenario) {
    out.println("Contract commitments per contract year (USD; paid whether used or not):");
    for (Contract c :
        scenario.contracts().stream().sorted(Comparator.comparing(Contract::provider)).toList()) {
      CommitmentTotals totals = CommitmentTotals.of(c);
      out.printf(
          "  %-24s %-8s %s  total %s%n", c.id(), c.provider(), c.term(), money(totals.total()));
      // the years of a long term go on as many lines as 100 columns need, each figure whole
      var years = new StringBuilder("   ");
      for (int y = 0; y < totals.perContractYear().size(); y++) {
        String year =
            "  "
                + c.term().year(y).start().getYear()
                + ": "
                + money(totals.perContractYear().get(y));
        if (years.length() > 3 && years.length() + year.length() > Lines.WIDTH) {
          if (totals.total().signum() > 0) out.println(years);
          years.setLength(0);
          years.append("   ");
        }
        years.append(year);
      }
      if (totals.total().signum() > 0) out.println(years);
    }
    BigDecimal all =
        scenario.contracts().stream()
            .map(c -> CommitmentTotals.of(c).total())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    out.println("  all contracts: " + money(all));
  }

  static String money(BigDecimal amount) {
    return String.format("%,.2f", amount);
  }
}
