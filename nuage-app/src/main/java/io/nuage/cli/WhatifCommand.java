package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.plan.PlanOptions;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.risk.Concentration;
import io.nuage.risk.WhatIf;
import io.nuage.risk.WhatIfAnalysis;
import io.nuage.risk.WhatIfResult;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nuage whatif SCENARIO}: one named future re-planned against the scenario as written. */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Re-plans one named future and explains its cost against the plan.",
    description = {
      "Serves the scenario as written and the future the options describe, both with the signed"
          + " contracts and the replan recourse (every placement re-optimised), checks both plans"
          + " with the plan verifier, and prints the difference: by cost component, the take-or-pay"
          + " shortfall of each contract year, the work each provider carries and the demand left"
          + " unmet (priced at the scenario's penalty). The options combine into one future.",
      "%nWith --concentration: for each provider, what losing it from the middle of the horizon"
          + " costs. Model: docs/risk.md section 5; JSON: docs/risk-json.md (\"What-ifs\").",
      "%nExamples:",
      "  nuage whatif lab.yaml --lose-provider oci --from 2029-01",
      "  nuage whatif lab.yaml --delay-capacity oci/us-phoenix-1/B200@2029-01 \\",
      "      --months 6",
      "  nuage whatif lab.yaml --demand x1.5 --price H100-30%% --format json",
      "  nuage whatif lab.yaml --cancel pretrain-2031b --price B200+10%%",
      "  nuage whatif lab.yaml --concentration --format csv",
      "  nuage whatif lab.yaml --plan plan.json --cancel pretrain-2031b",
      ""
    })
final class WhatifCommand implements Callable<Integer> {
  enum Format {
    table,
    json,
    csv
  }

  enum Method {
    rounded,
    mip
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "the scenario file (YAML)")
  Path scenario;

  @Option(
      names = "--plan",
      paramLabel = "PLAN.json",
      description =
          "the base: a plan JSON of the scenario (nuage plan --format json), checked by the plan"
              + " verifier, instead of the scenario as written served again")
  @Nullable Path plan;

  @Option(
      names = "--lose-provider",
      paramLabel = "P",
      description = "provider P sells nothing from --from on (its contracts are still owed)")
  @Nullable String loseProvider;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "the first month without --lose-provider's provider (inside the horizon)")
  @Nullable String from;

  static final class Delay {
    @Option(
        names = "--delay-capacity",
        required = true,
        paramLabel = "STEP",
        description =
            "a capacity step, REGION/ACCELERATOR@YYYY-MM (its region, accelerator and from month)")
    String step;

    @Option(
        names = "--months",
        required = true,
        paramLabel = "K",
        description = "how many months late that step arrives")
    int months;
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<Delay> delays = new ArrayList<>();

  @Option(
      names = "--demand",
      paramLabel = "xF",
      description = "every inference fleet's demand times F (x1.5, x0.8)")
  @Nullable String demand;

  @Option(
      names = "--price",
      paramLabel = "ACC±X%",
      description =
          "on-demand list prices of an accelerator or family changed by X%% (H100-30%%, B200+10%%);"
              + " committed rates stay as signed (repeatable)")
  List<String> prices = new ArrayList<>();

  @Option(
      names = "--cancel",
      paramLabel = "RUN",
      description = "a training run that does not happen (repeatable)")
  List<String> cancel = new ArrayList<>();

  @Option(
      names = "--concentration",
      description =
          "instead of one future: for each provider, the cost of losing it from the middle of the"
              + " horizon")
  boolean concentration;

  @Option(
      names = "--recourse",
      defaultValue = "mip",
      description =
          "how each future is solved: mip (the planner's MIP, gap at most 1e-4) or rounded (the LP"
              + " relaxation rounded, faster, up to ~0.1%% dearer) (default: ${DEFAULT-VALUE})")
  Method recourse;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "the most each plan may take (default: ${DEFAULT-VALUE})")
  double timeLimit;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description =
          "--concentration's workers, each re-planning one provider's loss (default: the"
              + " machine's cores)")
  @Nullable Integer threads;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE")
  @Nullable Path out;

  @Override
  public Integer call() {
    TimeLimit.checked(timeLimit);
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (workers < 1) throw new NuageException("--threads must be at least 1 (got " + workers + ")");
    WhatIf w = whatIf();
    if (concentration && !w.isEmpty())
      throw new NuageException(
          "--concentration: loses each provider in turn, so it takes no other what-if option (got "
              + String.join(", ", w.changes())
              + ")");
    if (!concentration && w.isEmpty())
      throw new NuageException(
          "whatif: name a future (--lose-provider P --from YYYY-MM, --delay-capacity STEP --months"
              + " K, --demand xF, --price ACC±X%, --cancel RUN) or --concentration");
    if (out != null)
      OutputFile.check(spec, "--out", out, "whatif." + format.name().replace("table", "txt"));
    Scenario s = ScenarioFiles.read(scenario);
    String version = ScenarioFiles.contentHash(scenario); // the version the answer is of
    if (!concentration) w.future(s); // every name checked before the first solve
    RecoursePlan base = plan == null ? null : WhatifBase.read(plan, s);
    WhatIfAnalysis analysis =
        new WhatIfAnalysis(
            s,
            PlanOptions.defaults().withTimeLimit(timeLimit),
            recourse == Method.mip ? RecourseMethod.MIP : RecourseMethod.ROUNDED);
    String text;
    if (concentration) {
      Concentration.Report r =
          Concentration.of(
              analysis,
              s,
              workers,
              base,
              (p, i, n) -> {
                spec.commandLine().getErr().printf("losing %s (%d of %d)...%n", p, i + 1, n);
                spec.commandLine().getErr().flush();
              });
      text =
          switch (format) {
            case json -> WhatifJson.of(s, r, version);
            case csv -> WhatifCsv.of(r);
            case table -> Lines.fit(WhatifTable.render(s, r));
          };
    } else {
      WhatIfResult r = base == null ? analysis.run(w) : analysis.result(base, w, analysis.serve(w));
      text =
          switch (format) {
            case json -> WhatifJson.of(s, r);
            case csv -> WhatifCsv.of(r);
            case table -> Lines.fit(WhatifTable.render(s, r));
          };
    }
    if (out != null) OutputFile.write("--out", out, text);
    else spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private WhatIf whatIf() {
    if (from != null && loseProvider == null)
      throw new NuageException("--from: only with --lose-provider P (the first month without P)");
    if (loseProvider != null && from == null)
      throw new NuageException(
          "--lose-provider " + loseProvider + " needs --from YYYY-MM (the first month without it)");
    Map<io.nuage.uncertainty.StepRef, Integer> steps = new HashMap<>();
    for (Delay d : delays) {
      var ref = WhatifParsing.step(d.step);
      if (d.months < 0)
        throw new NuageException(
            "--months: a capacity step cannot arrive early (got " + d.months + " for " + ref + ")");
      if (steps.put(ref, d.months) != null)
        throw new NuageException("--delay-capacity: " + ref + " given twice");
    }
    Map<String, BigDecimal> factors = new HashMap<>();
    for (String p : prices) {
      WhatifParsing.Price price = WhatifParsing.price(p);
      if (factors.put(price.name(), price.factor()) != null)
        throw new NuageException("--price: " + price.name() + " given twice");
    }
    return new WhatIf(
        loseProvider,
        from == null ? null : WhatifParsing.month("--from", from),
        steps,
        demand == null ? BigDecimal.ONE : WhatifParsing.demand(demand),
        factors,
        new java.util.HashSet<>(cancel));
  }
}
