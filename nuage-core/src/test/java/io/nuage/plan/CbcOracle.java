package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import io.nuage.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The external oracle: the model exported as MPS (the file {@code nuage plan --export-mps} writes,
 * {@link MpsWriter}), solved by Debian's {@code cbc} with its preprocessing off, and CBC's point
 * read from its solution file and checked against every row of the model here. The verified
 * objective is recomputed from that point (its integer choices, the continuous part made exact),
 * never read from a log; CBC's own objective is kept beside it, because the MPS contract (docs/
 * plan-json.md) is stated in what a user running {@code cbc} on the file sees.
 */
final class CbcOracle {
  private CbcOracle() {}

  /**
   * CBC's answer on a model: {@code verified}, its point checked and made exact; {@code reported},
   * the objective CBC states in its solution file (objective units: the total less fixedCost).
   */
  record Optimum(double verified, double reported) {}

  /** CBC's verified optimum of the scenario's model (objective units: the total less fixedCost). */
  static double optimum(Scenario scenario, PlanOptions options, Path dir) throws Exception {
    return solve(scenario, options, dir).verified();
  }

  /** CBC on the MPS the planner exports for the scenario ({@link Planner#exportMps}). */
  static Optimum solve(Scenario scenario, PlanOptions options, Path dir) throws Exception {
    PlanData data = new PlanData(scenario, options.maxGangOptions());
    MPSolver mip = Natives.solver(Natives.MIP);
    MPModelProto model;
    try {
      new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
      model = mip.exportModelToProto();
    } finally {
      mip.delete();
    }
    Path mps = Files.createTempFile(dir, "model", ".mps");
    Files.writeString(mps, Planner.exportMps(scenario, options));
    return solve(model, mps);
  }

  static double optimum(MPModelProto model, Path mps) throws Exception {
    return solve(model, mps).verified();
  }

  static Optimum solve(MPModelProto model, Path mps) throws Exception {
    Path solution = mps.resolveSibling(mps.getFileName() + ".sol");
    String log = cbc(mps, solution, "-ratio", "1e-7");
    List<String> lines = Files.readAllLines(solution);
    assertThat(lines).as(log).isNotEmpty();
    assertThat(lines.get(0)).as("cbc status\n" + log).startsWith("Optimal");
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < model.getVariableCount(); i++) index.put(model.getVariable(i).getName(), i);
    double[] point = new double[model.getVariableCount()];
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 3) continue;
      // "**" marks a value CBC itself sees as infeasible; the check below names the row.
      int k = f[0].equals("**") ? 1 : 0;
      Integer i = index.get(f[k + 1]);
      assertThat(i).as("cbc names a variable of the model: " + line).isNotNull();
      point[i] = Double.parseDouble(f[k + 2]);
    }
    ModelRows rows = ModelRows.of(model);
    // CBC holds its rows to its primal tolerance on its own scaling of the model, and its solution
    // file keeps 8 significant digits of each value: a row whose terms cancel reads off by more
    // than the values' precision (the example's share[oci,2031], terms of about 1e9 summing to its
    // bound 49.3056, reads 49.30567). So the raw point is checked to 1e-5 of each bound, and the
    // exact answer comes from its integer choices below.
    assertThat(rows.violations(point, 1e-5)).as("cbc's point against the model's rows").isEmpty();
    // The 8 digits are still worth money on a $380B objective: the integers are kept and the rest
    // of the point is made exact by the LP with them fixed, checked at the planner's tolerance.
    double[] exact = FixedIntegers.solve(rows, point, new Deadline(60));
    assertThat(exact).as("cbc's integer choices admit a verified point").isNotNull();
    Matcher objective = OBJECTIVE.matcher(lines.get(0));
    assertThat(objective.find()).as("cbc states its objective: " + lines.get(0)).isTrue();
    return new Optimum(rows.objective(exact), Double.parseDouble(objective.group(1)));
  }

  private static final Pattern OBJECTIVE = Pattern.compile("objective value\\s+([-+0-9.eE]+)");

  /** What {@link #status} says of a model without a column: nothing for cbc to read. */
  static final String NO_COLUMN = "no column";

  /**
   * The first line of CBC's solution file (its status) on the scenario's exported model, solved
   * with its preprocessing off: "Infeasible" confirms a plan reported infeasible. An infeasibility
   * proof has no point to check against the rows, unlike an optimum: the status is all there is,
   * from a solver independent of the planner's (Debian's cbc binary, not OR-Tools).
   */
  static String status(Scenario scenario, PlanOptions options, Path dir) throws Exception {
    PlanData data = new PlanData(scenario, options.maxGangOptions());
    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
      // a model without a column (every run without an option) is no MPS that cbc reads
      if (mip.numVariables() == 0) return NO_COLUMN;
    } finally {
      mip.delete();
    }
    Path mps = Files.createTempFile(dir, "model", ".mps");
    Files.writeString(mps, Planner.exportMps(scenario, options));
    Path solution = mps.resolveSibling(mps.getFileName() + ".sol");
    String log = cbc(mps, solution);
    if (!Files.exists(solution)) return "no solution file; cbc's log:\n" + log;
    List<String> lines = Files.readAllLines(solution);
    assertThat(lines).as(log).isNotEmpty();
    return lines.get(0);
  }

  /**
   * Debian's cbc on {@code mps} without its preprocessing, with {@code options} before the solve,
   * its solution written to {@code solution}; returns its log, once it has finished.
   */
  private static String cbc(Path mps, Path solution, String... options) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("cbc", mps.toString(), "-preprocess", "off"));
    command.addAll(List.of(options));
    command.addAll(List.of("-solve", "-solution", solution.toString(), "-quit"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("cbc finished").isTrue();
    return log;
  }
}
