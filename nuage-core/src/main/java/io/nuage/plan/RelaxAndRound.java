package io.nuage.plan;

import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * For models too large for the MIP in the time allowed: the LP relaxation (GLOP) gives the proven
 * lower bound and a fractional placement; each run then takes, in order of the LP's confidence, its
 * most-chosen option that still fits; the fleets are placed by the LP with those gangs fixed. The
 * time left then goes to neighbourhood MIPs (docs/planner.md, "Relax and round"): CBC on the
 * relaxation's own model with each run's choice narrowed to its cheapest options by reduced cost,
 * widened round by round; a point checked against the whole model's rows replaces the plan when it
 * costs less.
 */
final class RelaxAndRound {
  private RelaxAndRound() {}

  /**
   * The LP engine of the relaxation and of the fleets around fixed gangs: GLOP. Measured on the
   * relaxation (docs/benchmarks.md): CLP is a little faster at 1,000 runs (3.3 s against 4.0 s) and
   * fails at 3,000 (no optimum after 143 s with its dual simplex, 35 s primal, 43 s barrier, where
   * GLOP takes 24 to 26 s).
   */
  static final String LP = "GLOP";

  /** The share of the time left not given to a neighbourhood MIP (see {@link #neighbourhood}). */
  static final double AFTER_NEIGHBOURHOOD = 0.5;

  /** Options per run open in the first neighbourhood MIP (the cheapest by reduced cost). */
  static final int FIRST_OPTIONS_PER_RUN = 3;

  /** A plan this close to the relaxation's bound is not improved further. */
  static final double CLOSE_ENOUGH = 1e-7;

  /** What one neighbourhood MIP gave: a verified assignment or null, and how it ended. */
  private record Neighbourhood(@Nullable Assignment assignment, boolean timedOut, String summary) {}

  /** An x of the relaxation at least this far from 0 and 1 leaves its run undecided. */
  private static final double DECIDED = 1e-6;

  /** The relaxation's bound (NaN when it failed) and the rounded assignment (null when none). */
  record Result(
      double bound, @Nullable Assignment assignment, Planner.@Nullable Explained explained) {}

  /**
   * The solved relaxation: its model, its point, each option's value and reduced cost (0 and the
   * priced reduced cost for an option a restricted model does not hold), where the plan's variables
   * are in it, and the artificial gang slacks of a restricted model (fixed at 0 in any plan).
   */
  private record Relaxed(
      double bound,
      double seconds,
      ModelRows rows,
      double[] point,
      double[] xOf,
      double[] reducedCostOf,
      PlanModel.Positions at,
      int[] artificial,
      boolean placedHere,
      @Nullable Assignment placed,
      Planner.@Nullable Explained explained) {
    double x(GangOption o) {
      return xOf[o.index()];
    }

    double reducedCost(GangOption o) {
      return reducedCostOf[o.index()];
    }

    boolean inModel(GangOption o) {
      return at.x()[o.index()] >= 0;
    }

    /** The assignment at a point of this model: each run at its most-chosen option. */
    Assignment solution(PlanData data, double[] values) {
      return at.solution(data, values);
    }
  }

  static Result solve(PlanData data, Deadline deadline, List<String> notes, int columnsAbove) {
    return solve(data, deadline, notes, columnsAbove, true);
  }

  /**
   * The same; without {@code improve} the rounded plan is the answer (no neighbourhood MIP): the
   * fast recourse of a risk future (docs/risk.md section 2.1).
   */
  static Result solve(
      PlanData data, Deadline deadline, List<String> notes, int columnsAbove, boolean improve) {
    Relaxed r;
    try {
      r = relax(data, deadline, columnsAbove, notes);
    } catch (Deadline.Passed cut) {
      // a model build or an LP that could not start in time: no bound, no plan from this path
      notes.add(cut.note());
      return new Result(Double.NaN, null, null);
    }
    if (r == null) {
      // the deadline passing inside the LP's solve is a cut like one inside its build: say so
      notes.add(
          deadline.passed()
              ? "the relaxation's LP was cut: the time limit was reached before it was solved"
              : "the LP relaxation gave no verified optimum in time");
      return new Result(Double.NaN, null, null);
    }
    double[] x = new double[data.options.size()];
    for (GangOption o : data.options) x[o.index()] = r.x(o);
    Assignment gangs = roundGangs(data, x, unplacedOf(r.at(), r.point()));
    Assignment placed = r.placed();
    if (gangs == null) {
      notes.add("rounding the relaxation left a training run without room");
    } else {
      if (!r.placedHere()) placed = placeFleets(data, gangs, deadline);
      if (placed == null && deadline.passed())
        notes.add(
            "placing the fleets around the rounded gangs was cut: the time limit was reached"
                + " before it finished");
      else if (placed == null)
        notes.add("the fleets found no verified placement around the rounded gangs");
    }
    int[] taken = gangs != null ? gangs.optionOfRun() : r.solution(data, r.point()).optionOfRun();
    if (!improve) return new Result(r.bound(), placed, r.explained());
    return new Result(r.bound(), improve(data, r, placed, taken, deadline, notes), r.explained());
  }

  /**
   * Uses the time left: neighbourhood MIPs around the best plan so far (around the rounding's
   * choices when it gave no plan), each with twice as many options per run open as the last, until
   * one stops at its time limit or finds nothing cheaper, the whole model was open, or the plan is
   * within {@link #CLOSE_ENOUGH} of the relaxation's bound. Null when neither the rounding nor any
   * neighbourhood gave a verified plan.
   */
  private static @Nullable Assignment improve(
      PlanData data,
      Relaxed r,
      @Nullable Assignment start,
      int[] taken,
      Deadline deadline,
      List<String> notes) {
    Assignment best = start;
    PlanCosting.Priced priced = start == null ? null : PlanCosting.price(data, start);
    BigDecimal rounded = priced == null ? null : priced.total();
    int most = data.optionsByRun.stream().mapToInt(List::size).max().orElse(0);
    List<String> rounds = new ArrayList<>();
    boolean ran = false;
    // What the next round is expected to take: the first about as long as the relaxation's LP
    // (CBC's preprocessing and root LP on the same rows), each next one at least twice the last
    // (twice the options open). CBC does not stop inside its root, so a round that cannot fit in
    // the time it would be given is not started: it would overrun the deadline.
    double expected = r.seconds();
    for (int perRun = FIRST_OPTIONS_PER_RUN; !deadline.passed(); perRun *= 2) {
      if (priced != null && gap(priced, r.bound()) <= CLOSE_ENOUGH) break;
      double given = deadline.remainingMillisLess(AFTER_NEIGHBOURHOOD) / 1000.0;
      if (expected > given) {
        rounds.add(
            String.format(
                java.util.Locale.ROOT,
                "%d options per run: not started, it would take about %.1f s and %.1f s are left"
                    + " for it",
                perRun,
                expected,
                given));
        break;
      }
      long started = System.nanoTime();
      ran = true;
      Neighbourhood n =
          neighbourhood(
              data, r, best == null ? taken : best.optionOfRun(), priced, perRun, deadline);
      expected = 2 * (System.nanoTime() - started) / 1e9;
      rounds.add(n.summary());
      boolean better = false;
      if (n.assignment() != null) {
        PlanCosting.Priced next = PlanCosting.price(data, n.assignment());
        if (priced == null || next.total().compareTo(priced.total()) < 0) {
          best = n.assignment();
          priced = next;
          better = true;
        }
      }
      if (n.timedOut() || (best != null && !better) || perRun >= most) break;
    }
    if (!rounds.isEmpty()) {
      String outcome =
          best == null
              ? "no verified plan"
              : rounded == null
                  ? "a plan where the rounding gave none"
                  : best == start
                      ? "nothing cheaper than the rounded plan"
                      : "a plan $"
                          + PlanText.money(rounded.subtract(priced.total()))
                          + " cheaper than the rounded one";
      notes.add(neighbourhoodNote(rounds, ran, outcome));
    }
    return best;
  }

  /**
   * The plan's note on the neighbourhood MIPs: what they found, or that none was started (then
   * there is no finding to report: "found nothing cheaper" would claim a search never made).
   */
  static String neighbourhoodNote(List<String> rounds, boolean ran, String outcome) {
    return ran
        ? "MIPs over the rounded plan's neighbourhood found "
            + outcome
            + " ("
            + String.join("; ", rounds)
            + ")"
        : "MIPs over the rounded plan's neighbourhood: not started ("
            + String.join("; ", rounds).replace(": not started, it would take", " would take")
            + ")";
  }

  /** The plan's gap to the relaxation's bound, as the plan reports it. */
  private static double gap(PlanCosting.Priced priced, double bound) {
    double total = priced.total().doubleValue();
    double lower = bound + priced.breakdown().fixed().doubleValue();
    return total <= 0 ? 0 : (total - lower) / total;
  }

  /**
   * The fast recourse of a risk future (docs/risk.md section 2.1): one LP, built once. The
   * relaxation is solved (its dual bound proven), its gangs rounded, and the same LP, the gang
   * columns fixed by bounds, places the fleets around them from the relaxation's basis. When the
   * binaries that keep money honest or the ROFR binaries came out fractional, they are fixed by a
   * rule and the LP solved once more: {@link #fullOrForbidden} first, kept when within the
   * optimality tolerance of the LP around the gangs, else the cheaper of it and the values the
   * point implies; CBC chooses them on that model (gangs fixed) only when neither gives a verified
   * point. Every point is checked against every row, bound and integrality of the model. No MIP
   * over the gangs.
   */
  static Result roundedInPlace(PlanData data, Deadline deadline, List<String> notes) {
    MPSolver lp = Natives.solver(LP);
    try {
      PlanModel m = new PlanModel(data, lp, PlanModel.Mode.MIP, null).build();
      // GLOP's primal simplex answered ABNORMAL on the example's recourse models, with its presolve
      // (as written) or without it (sample 7 of seed 1), where its dual simplex without presolve
      // solves them in 0.1 s; without presolve a re-solve also starts from the last basis
      MPSolver.ResultStatus relaxed = MPSolver.ResultStatus.ABNORMAL;
      for (String params : RECOURSE_LP) {
        lp.setSolverSpecificParametersAsString(params);
        lp.reset();
        lp.setTimeLimit(deadline.remainingMillis());
        relaxed = Natives.solve(lp);
        if (relaxed != MPSolver.ResultStatus.ABNORMAL) break;
      }
      if (relaxed != MPSolver.ResultStatus.OPTIMAL) {
        notes.add("the LP relaxation gave no optimum in time (" + relaxed + ")");
        return new Result(Double.NaN, null, null);
      }
      ModelRows rows = ModelRows.of(lp);
      double[] point = ModelRows.point(lp);
      double bound = rows.dualBound(ModelRows.duals(lp));
      if (!rows.holdsRelaxation(point) || !Double.isFinite(bound)) {
        notes.add("the LP relaxation's point or bound did not hold");
        return new Result(Double.NaN, null, null);
      }
      PlanModel.Positions at = m.positions();
      double[] x = new double[data.options.size()];
      for (GangOption o : data.options) x[o.index()] = point[at.x()[o.index()]];
      Assignment gangs = roundGangs(data, x, unplacedOf(at, point));
      if (gangs == null) {
        notes.add("rounding the relaxation left a training run without room");
        return new Result(bound, null, null);
      }
      for (GangOption o : data.options) {
        double v = gangs.optionOfRun()[o.run()] == o.index() ? 1 : 0;
        m.x[o.index()].setBounds(v, v);
      }
      if (m.unplaced != null)
        for (int j = 0; j < m.unplaced.length; j++) {
          double v = gangs.optionOfRun()[j] < 0 ? 1 : 0;
          m.unplaced[j].setBounds(v, v);
        }
      lp.setTimeLimit(deadline.remainingMillis());
      if (Natives.solve(lp) != MPSolver.ResultStatus.OPTIMAL) {
        notes.add("the fleets found no placement around the rounded gangs");
        return new Result(bound, null, null);
      }
      Assignment placed = verified(lp, m);
      if (placed != null || (m.rofrGroups.isEmpty() && m.logic.isEmpty()))
        return new Result(bound, placed, null);
      // The binaries came out fractional: fixed by a rule, one warm LP solve each, the first kept
      // when within the optimality tolerance of the LP around the gangs, else the cheaper verified
      // one of two; CBC chooses them only when neither holds (docs/risk.md section 2.1).
      double free = lp.objective().value();
      Map<MPVariable, Double> implied = m.valuesOf(m.solution());
      fullOrForbidden(m, lp, implied);
      Fixed byRoom = fixedSolve(lp, m, deadline);
      if (byRoom != null && byRoom.objective() - free <= IMPLIED_TOLERANCE * Math.max(1, free))
        return new Result(bound, byRoom.assignment(), null);
      freeBinaries(m);
      m.fixRofr(implied);
      Fixed byImplied = fixedSolve(lp, m, deadline);
      Fixed best =
          byImplied == null
              ? byRoom
              : byRoom == null || byImplied.objective() <= byRoom.objective() ? byImplied : byRoom;
      if (best != null) return new Result(bound, best.assignment(), null);
      freeBinaries(m);
      placed = binaries(data, m, lp, deadline, notes);
      if (placed != null) return new Result(bound, placed, null);
      m.fixRofr(implied);
      for (PlanModel.RofrGroup g : m.rofrGroups) g.b().setBounds(0, 0);
      lp.setTimeLimit(deadline.remainingMillis());
      placed = Natives.solve(lp) == MPSolver.ResultStatus.OPTIMAL ? verified(lp, m) : null;
      if (placed == null) notes.add("the fleets found no verified placement around the gangs");
      return new Result(bound, placed, null);
    } finally {
      lp.delete();
    }
  }

  /**
   * How much dearer (relative) than the LP around the rounded gangs the first rule for the binaries
   * may be before the second is tried: the planner's optimality tolerance.
   */
  static final double IMPLIED_TOLERANCE = 1e-4;

  /** GLOP's parameters for a recourse's LP, each tried in turn while it answers ABNORMAL. */
  static final List<String> RECOURSE_LP =
      List.of(
          "use_preprocessing: false, use_dual_simplex: true",
          "use_preprocessing: false",
          "use_preprocessing: true");

  /** A verified assignment with the binaries fixed, and the LP's objective at it. */
  private record Fixed(Assignment assignment, double objective) {}

  /** The LP solved with the binaries as they are fixed; null unless optimal and verified. */
  private static @Nullable Fixed fixedSolve(MPSolver lp, PlanModel m, Deadline deadline) {
    lp.setTimeLimit(deadline.remainingMillis());
    if (Natives.solve(lp) != MPSolver.ResultStatus.OPTIMAL) return null;
    Assignment a = verified(lp, m);
    return a == null ? null : new Fixed(a, lp.objective().value());
  }

  /**
   * Each ROFR binary at 1 where its holder is already full at the LP's point (its rows hold with b
   * = 1: keeping the matched new capacity costs nothing), else at 0 (the new capacity is forbidden
   * and its work goes to the holder's room, at most the matching margin dearer); the no-padding
   * binaries at their implied values.
   */
  private static void fullOrForbidden(PlanModel m, MPSolver lp, Map<MPVariable, Double> implied) {
    double[] point = ModelRows.point(lp);
    var model = lp.exportModelToProto();
    Map<Integer, Boolean> full = new java.util.HashMap<>();
    for (PlanModel.RofrGroup g : m.rofrGroups) full.put(g.b().index(), true);
    java.util.Set<Integer> needed = new java.util.HashSet<>();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      var row = model.getConstraint(r);
      if (Double.isInfinite(row.getLowerBound())) {
        // new capacity ≤ M b: a gang fixed on new capacity needs its b at 1
        int b = -1;
        double fixedUse = 0;
        for (int k = 0; k < row.getVarIndexCount(); k++) {
          int i = row.getVarIndex(k);
          var v = model.getVariable(i);
          if (full.containsKey(i)) b = i;
          else if (v.getLowerBound() == v.getUpperBound() && row.getCoefficient(k) > 0)
            fixedUse += row.getCoefficient(k) * v.getLowerBound();
        }
        if (b >= 0 && fixedUse > 0) needed.add(b);
        continue;
      }
      int b = -1;
      double activity = 0;
      for (int k = 0; k < row.getVarIndexCount(); k++) {
        int i = row.getVarIndex(k);
        double c = row.getCoefficient(k);
        if (full.containsKey(i) && c < 0) {
          b = i;
          activity += c; // b = 1
        } else activity += c * point[i];
      }
      double lower = row.getLowerBound();
      if (b >= 0 && activity < lower - ModelRows.TOLERANCE * Math.max(1, Math.abs(lower)))
        full.put(b, false);
    }
    for (PlanModel.RofrGroup g : m.rofrGroups) {
      int i = g.b().index();
      double v = full.get(i) || needed.contains(i) ? 1 : 0;
      g.b().setBounds(v, v);
    }
    for (PlanModel.Logic l : m.logic) {
      double v = Math.round(implied.getOrDefault(l.binary(), 0.0));
      l.binary().setBounds(v, v);
    }
  }

  /** Frees the ROFR and no-padding binaries again (to [0, 1]). */
  private static void freeBinaries(PlanModel m) {
    for (PlanModel.RofrGroup g : m.rofrGroups) g.b().setBounds(0, 1);
    for (PlanModel.Logic l : m.logic) l.binary().setBounds(0, 1);
  }

  /**
   * The binaries left around fixed gangs (the right of first refusal's and the no-padding ones),
   * chosen by CBC on the LP's own model with every gang column fixed: fixing each at the value the
   * LP's point implies made the example's recourse up to $2.5B (0.6%) dearer than its MIP, a b = 1
   * for a sliver of matched new capacity forcing the holder full. The point is checked against
   * every row and its continuous part re-optimised with the binaries fixed (CLP). Null when CBC
   * found no verified point in the time given (half of what is left).
   */
  private static @Nullable Assignment binaries(
      PlanData data, PlanModel m, MPSolver lp, Deadline deadline, List<String> notes) {
    ModelRows rows = ModelRows.of(lp);
    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      String error = mip.loadModelFromProto(rows.model());
      if (!error.isEmpty()) throw new IllegalStateException("binaries' MIP: " + error);
      MPSolverParameters params = new MPSolverParameters();
      params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-4);
      long started = System.nanoTime();
      Natives.Timed timed =
          Natives.solveWithin(mip, params, deadline.remainingMillisLess(AFTER_NEIGHBOURHOOD));
      boolean found =
          timed.status() == MPSolver.ResultStatus.OPTIMAL
              || timed.status() == MPSolver.ResultStatus.FEASIBLE;
      if (!found) {
        notes.add(
            "CBC found no choice of the binaries around the rounded gangs: " + timed.status());
        return null;
      }
      double[] point = ModelRows.point(mip);
      if (!rows.violations(point).isEmpty()) {
        notes.add("CBC's choice of the binaries around the rounded gangs broke the model's rows");
        return null;
      }
      point = FixedIntegers.polish(rows, point, deadline);
      notes.add(
          String.format(
              java.util.Locale.ROOT,
              "the binaries around the rounded gangs were chosen by CBC in %.2f s",
              (System.nanoTime() - started) / 1e9));
      return m.positions().solution(data, point);
    } finally {
      mip.delete();
    }
  }

  /** Solves the LP relaxation; fills {@code x} with the options' values; NaN if not optimal. */
  static double relaxation(
      PlanData data, Deadline deadline, double @Nullable [] x, int columnsAbove) {
    Relaxed r;
    try {
      r = relax(data, deadline, columnsAbove, new ArrayList<>());
    } catch (Deadline.Passed cut) {
      return Double.NaN;
    }
    if (r == null) return Double.NaN;
    if (x != null) for (GangOption o : data.options) x[o.index()] = r.x(o);
    return r.bound();
  }

  /**
   * The whole relaxation is tried after column generation failed only with this many times the
   * rounds' time left (see {@link #relax}).
   */
  static final double WHOLE_AFTER_COLUMNS = 2;

  /** Options per run in the first restricted model: the cheapest by effective cost. */
  static final int FIRST_COLUMNS_PER_RUN = 4;

  /**
   * Options per run (and cells per demand row) brought in by a round of pricing at most: the most
   * negative. At 3,000 runs 12 gave the converged bound after 3 rounds (29 s) where 4 needed 5 (38
   * s): rounds cost about the same.
   */
  static final int ADDED_PER_RUN = 12;

  /** Column generation stops once its bound is this close to the restricted LP's optimum. */
  static final double CG_GAP = 1e-5;

  /** A reduced cost below this (dollars) prices an option in. */
  static final double PRICE_IN = -0.01;

  /**
   * The share of the time left at its start that column generation keeps for rounding and placing
   * the fleets: measured, placing took 12-13 s of 60 at 3,000 runs and 21 s of 170 at 10,000. (A
   * reserve of 1.2 times the last LP's time stopped the 10,000-run relaxation after 2 rounds, its
   * bound 24% below the plan, where a third round converged.)
   */
  static final double PLACING_SHARE = 0.25;

  /**
   * Above {@code columnsAbove} gang options (PlanOptions, 150,000 by default) the relaxation is
   * solved by column generation (docs/planner.md, "Column generation"): the LP of the whole model
   * at 3,000 runs (652,226 columns) takes GLOP 24 to 26 s after a 7 to 10 s build.
   */
  private static @Nullable Relaxed relax(
      PlanData data, Deadline deadline, int columnsAbove, List<String> notes) {
    if (withoutRofr(data) && data.options.size() > columnsAbove) {
      long started = System.nanoTime();
      Relaxed r = relaxByColumns(data, deadline, notes);
      if (r != null || deadline.passed()) return r;
      // the whole relaxation is a larger LP than any round's, and its model build cannot be
      // interrupted: at 3,000 runs under load it overran a 60 s limit by 7-10 s when started with
      // 1.1 to 1.35 times the rounds' time left (docs/benchmarks.md, issue 9, third session)
      double spent = (System.nanoTime() - started) / 1e9;
      if (deadline.remainingSeconds() < WHOLE_AFTER_COLUMNS * spent) {
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "the whole relaxation is not tried: %.1f s are left, column generation took %.1f s",
                deadline.remainingSeconds(),
                spent));
        return null;
      }
      notes.add("the whole relaxation is solved instead");
    }
    MPSolver lp = Natives.solver(LP);
    try {
      // Integer variables are relaxed by an LP solver. The build gives up when the deadline passes
      // (at 1,000 runs it took 4-7 s on a loaded machine, whatever the limit: issue 9's review).
      PlanModel m =
          new PlanModel(data, lp, PlanModel.Mode.MIP, null)
              .within(deadline, "the relaxation's model build")
              .build();
      // GLOP's presolve answered ABNORMAL on the shipped example's recourse model, which it solves
      // in 0.1 s without it (docs/risk.md section 2.1)
      if (data.recourse != null) lp.setSolverSpecificParametersAsString("use_preprocessing: false");
      deadline.check("the LP relaxation");
      lp.setTimeLimit(deadline.remainingMillis());
      long started = System.nanoTime();
      if (Natives.solve(lp) != MPSolver.ResultStatus.OPTIMAL) return null;
      double seconds = (System.nanoTime() - started) / 1e9;
      // The relaxation of the model: integrality is relaxed, every row and bound must hold.
      ModelRows rows = ModelRows.of(lp);
      double[] point = ModelRows.point(lp);
      if (!rows.holdsRelaxation(point)) {
        return null;
      }
      // the bound from the duals, not the objective at the point (ModelRows.dualBound)
      double bound = rows.dualBound(ModelRows.duals(lp));
      if (!Double.isFinite(bound)) return null;
      PlanModel.Positions at = m.positions();
      double[] xOf = new double[data.options.size()];
      double[] rcOf = new double[data.options.size()];
      MPVariable[] vars = lp.variables();
      for (GangOption o : data.options) {
        xOf[o.index()] = point[at.x()[o.index()]];
        rcOf[o.index()] = vars[at.x()[o.index()]].reducedCost();
      }
      return new Relaxed(bound, seconds, rows, point, xOf, rcOf, at, new int[0], false, null, null);
    } finally {
      lp.delete();
    }
  }

  /**
   * The relaxation by column generation: a restricted model with each run's cheapest options and a
   * penalised slack per run, solved; every option of the whole model priced against its duals; the
   * most negative brought in; until none prices in or its share of the time is spent. The bound
   * holds at every round (Lagrangian: the rows' duals, and for each run the least reduced cost over
   * all its options), so a round cut by the time still gives a true bound, only a weaker one.
   */
  private static @Nullable Relaxed relaxByColumns(
      PlanData data, Deadline deadline, List<String> notes) {
    long started = System.nanoTime();
    double solving = 0;
    boolean presolve = true;
    double roundsEnd = 0; // seconds from the start to the end of the last round
    double atStart = deadline.remainingSeconds();
    double lastLp = 0;
    boolean[] active = new boolean[data.options.size()];
    for (List<GangOption> options : data.optionsByRun) {
      options.stream()
          .sorted(Comparator.comparing(data::effectiveCost))
          .limit(FIRST_COLUMNS_PER_RUN)
          .forEach(o -> active[o.index()] = true);
    }
    MPSolver lp = Natives.solver(LP);
    try {
      boolean[][] fleetCells = new boolean[data.demands.size()][];
      for (FleetDemand d : data.demands) {
        fleetCells[d.index()] = new boolean[d.cells().size()];
        List<Integer> byPrice = new ArrayList<>();
        for (int k = 0; k < d.cells().size(); k++) {
          if (d.cells().get(k).totalGpus(d.month()) > 0) byPrice.add(k);
        }
        byPrice.sort(
            Comparator.comparingDouble(
                k ->
                    d.cells().get(k).rate()[d.month()].doubleValue()
                        / d.cells().get(k).throughput()));
        for (int k : byPrice.subList(0, Math.min(FIRST_COLUMNS_PER_RUN, byPrice.size()))) {
          fleetCells[d.index()][k] = true;
        }
      }
      PlanModel m =
          new PlanModel(data, lp, PlanModel.Mode.MIP, null, active, true, true)
              .withFleetCells(fleetCells)
              .within(deadline, "the restricted model build of column generation")
              .build();

      double bound = Double.NEGATIVE_INFINITY;
      double[] rcOf = new double[data.options.size()];
      boolean[] impliedFrom = null;
      for (int round = 0; ; round++) {
        deadline.check("the relaxation by column generation");
        lp.setTimeLimit(deadline.remainingMillis());
        long solveStart = System.nanoTime();
        // GLOP's presolve answers ABNORMAL on some restricted models (RelaxAndRoundTest seed 34
        // once columns were added, the generated 3,000-run scenario at once), which CLP and GLOP
        // without it solve: then it is turned off, for good
        MPSolver.ResultStatus status = Natives.solve(lp);
        if (status == MPSolver.ResultStatus.ABNORMAL && presolve) {
          presolve = false;
          lp.setSolverSpecificParametersAsString("use_preprocessing: false");
          lp.reset();
          deadline.check("the relaxation by column generation");
          lp.setTimeLimit(deadline.remainingMillis());
          status = Natives.solve(lp);
        }
        lastLp = (System.nanoTime() - solveStart) / 1e9;
        solving += lastLp;
        if (status != MPSolver.ResultStatus.OPTIMAL) {
          notes.add(
              "the restricted LP of column generation ended " + status + " in round " + round);
          return null;
        }
        ModelRows rows = ModelRows.of(lp);
        double[] y = rows.effectiveDuals(ModelRows.duals(lp));
        double[] d = rows.reducedCosts(y);
        boolean[] skip = new boolean[lp.numVariables()];
        PlanModel.Positions at = m.positions();
        for (int i : at.x()) if (i >= 0) skip[i] = true;
        for (MPVariable slack : m.artificials()) skip[slack.index()] = true;
        // rows are never added after the build: which hold no option is known from the first round
        if (impliedFrom == null) impliedFrom = m.rowsWithoutOptions(rows);
        double lagrangian = rows.dualBound(y, d, skip, impliedFrom);
        List<GangOption> in = new ArrayList<>();
        List<int[]> fleetsIn = new ArrayList<>();
        for (int j = 0; j < data.runs.size(); j++) {
          double least = Double.POSITIVE_INFINITY;
          List<GangOption> negative = new ArrayList<>();
          for (GangOption o : data.optionsByRun.get(j)) {
            double rc = m.reducedCost(o, y, d);
            rcOf[o.index()] = rc;
            least = Math.min(least, rc);
            if (rc < PRICE_IN && !m.isActive(o)) negative.add(o);
          }
          lagrangian += least; // each run takes exactly one option: Σ_o d_o x_o ≥ min_o d_o
          negative.sort(Comparator.comparingDouble(o -> rcOf[o.index()]));
          in.addAll(negative.subList(0, Math.min(ADDED_PER_RUN, negative.size())));
        }
        lagrangian += priceFleetCells(data, m, y, d, fleetsIn);
        if (Double.isFinite(lagrangian)) bound = Math.max(bound, lagrangian);
        double spent = (System.nanoTime() - started) / 1e9;
        double lastRound = spent - roundsEnd;
        roundsEnd = spent;
        // another round only when it and the placing after it fit in the time left
        boolean noRoom = deadline.remainingSeconds() - lastRound < PLACING_SHARE * atStart;
        // converged, or close enough: the restricted LP's optimum is within 1e-5 of the bound,
        // so no further round can raise the bound by more (the time goes to placing and moves)
        double objective = lp.objective().value();
        boolean converged =
            (in.isEmpty() && fleetsIn.isEmpty())
                || (Double.isFinite(lagrangian)
                    && objective - lagrangian <= CG_GAP * Math.max(1, Math.abs(objective)));
        if (converged || noRoom || deadline.passed()) {
          int held = 0;
          for (boolean a : m.activeOptions()) if (a) held++;
          notes.add(
              String.format(
                  java.util.Locale.ROOT,
                  "the relaxation by column generation: %d rounds, %,d of %,d gang options priced"
                      + " in, %s, %.1f s (%.1f s in the LP)",
                  round + 1,
                  held,
                  data.options.size(),
                  converged
                      ? "converged"
                      : "cut to leave time for the rounding (bound still valid)",
                  spent,
                  solving));
          double[] point = ModelRows.point(lp);
          for (MPVariable slack : m.artificials()) {
            if (point[slack.index()] > 1e-9) {
              notes.add(
                  "the relaxation by column generation ended with "
                      + slack.name()
                      + " = "
                      + point[slack.index()]
                      + ": no plan among the columns priced in");
              return null;
            }
          }
          if (!rows.holdsRelaxation(point)) {
            return null;
          }
          if (!Double.isFinite(bound)) return null;
          double[] xOf = new double[data.options.size()];
          for (GangOption o : data.options) {
            int i = at.x()[o.index()];
            xOf[o.index()] = i < 0 ? 0 : point[i];
          }
          int[] artificial = m.artificials().stream().mapToInt(MPVariable::index).toArray();
          double[] dived =
              data.recourse != null
                  ? xOf
                  : dive(
                      data,
                      m,
                      lp,
                      xOf,
                      presolve,
                      deadline,
                      PLACING_SHARE * atStart,
                      DIVE_FIRST_STEP * lastLp,
                      notes);
          Assignment gangs = roundGangs(data, dived, unplacedOf(at, point));
          Assignment placed = gangs == null ? null : placeFleetsIn(data, m, lp, gangs, deadline);
          // the LP that placed the fleets is the gang-fixed LP of that plan, its no-padding
          // binaries fixed: its duals are the plan's shadow prices (no second model of it), and
          // an option it leaves out is priced by its probes for next best
          Planner.Explained explained = placed == null ? null : explained(data, m, placed);
          return new Relaxed(
              bound, spent, rows, point, xOf, rcOf, at, artificial, true, placed, explained);
        }
        for (GangOption o : in) m.addOption(o);
        for (int[] f : fleetsIn) m.addFleetCell(data.demands.get(f[0]), f[1]);
      }
    } finally {
      lp.delete();
    }
  }

  /**
   * The first step of {@link #dive} is expected to take this share of the relaxation's last LP:
   * measured 0.35 at 3,000 runs (7.1 s after 20.8 s) and 0.4 at 10,000 (18.6 s after about 48 s).
   */
  static final double DIVE_FIRST_STEP = 0.5;

  /** Steps of {@link #dive} at most. */
  static final int DIVE_STEPS = 8;

  /**
   * Diving: the runs the relaxation decided are fixed where it put them, and those it left
   * fractional in halves, largest gangs first, each at its most-chosen option whose months still
   * fit the capacity the runs fixed before it left, and the restricted LP re-solved warm after each
   * half, so that the runs still open and the fleets adapt to the ones fixed. Returns each option's
   * value at the last LP solved (the rounding then places the runs left as before). The bound is
   * not touched: it was proven before.
   */
  private static double[] dive(
      PlanData data,
      PlanModel m,
      MPSolver lp,
      double[] xOf,
      boolean presolve,
      Deadline deadline,
      double reserve,
      double firstStep,
      List<String> notes) {
    double[] x = xOf.clone();
    double lastStep = firstStep;
    long started = System.nanoTime();
    double relaxed = lp.objective().value();
    double dived = relaxed;
    int steps = 0;
    int fractional = -1;
    int runsFixed = 0;
    double[][] left = new double[data.cells.size()][data.monthCount()];
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++)
        left[c.index()][t] = c.totalGpus(t) * data.hoursOf(t);
    }
    boolean[] fixed = new boolean[data.runs.size()];
    for (int step = 0; step < DIVE_STEPS; step++) {
      if (deadline.passed() || deadline.remainingSeconds() - lastStep < reserve) {
        if (step == 0)
          notes.add(
              String.format(
                  java.util.Locale.ROOT,
                  "diving: not started, %.1f s are left and %.1f s are kept for placing the"
                      + " fleets (a first step would take about %.1f s)",
                  deadline.remainingSeconds(),
                  reserve,
                  lastStep));
        break;
      }
      List<Integer> open = new ArrayList<>();
      double[] most = new double[data.runs.size()];
      for (int j = 0; j < data.runs.size(); j++) {
        for (GangOption o : data.optionsByRun.get(j)) most[j] = Math.max(most[j], x[o.index()]);
        if (!fixed[j] && most[j] < 1 - DECIDED) open.add(j);
      }
      if (fractional < 0) fractional = open.size();
      if (open.isEmpty()) break;
      // presolve off for good: warm re-solves need it off, and the CG loop may have kept it
      if (step == 0 && presolve) lp.setSolverSpecificParametersAsString("use_preprocessing: false");
      if (step == 0) {
        // the runs the relaxation decided stay where it put them (as the rounding keeps them):
        // the LP left to re-solve is the fractional runs and the fleets, not the whole model
        for (int j = 0; j < data.runs.size(); j++) {
          if (most[j] < 1 - DECIDED) continue;
          for (GangOption o : data.optionsByRun.get(j)) {
            MPVariable v = m.x[o.index()];
            double value = x[o.index()] >= 1 - DECIDED ? 1 : 0;
            if (v != null) v.setBounds(value, value);
            if (value == 1) take(data, left, o);
          }
          fixed[j] = true;
        }
      }
      // the largest gangs first: a whole gang needs room that smaller ones would fragment
      open.sort(
          Comparator.comparingInt((Integer j) -> -data.runs.get(j).gpus())
              .thenComparingDouble(j -> -most[j]));
      int batch = (open.size() + 1) / 2;
      int n = 0;
      for (int j : open) {
        if (n >= batch) break;
        if (fix(data, m, left, j, x)) {
          fixed[j] = true;
          n++;
        }
      }
      if (n == 0) break;
      long t = System.nanoTime();
      lp.setTimeLimit(deadline.remainingMillis());
      MPSolver.ResultStatus status = Natives.solve(lp);
      lastStep = (System.nanoTime() - t) / 1e9;
      if (status != MPSolver.ResultStatus.OPTIMAL) break;
      steps++;
      runsFixed += n;
      dived = lp.objective().value();
      double[] point = ModelRows.point(lp);
      PlanModel.Positions at = m.positions();
      for (GangOption o : data.options) {
        int i = at.x()[o.index()];
        x[o.index()] = i < 0 ? 0 : point[i];
      }
    }
    if (fractional > 0)
      notes.add(
          String.format(
              java.util.Locale.ROOT,
              "diving: %d of the %d runs the relaxation left fractional fixed in %d LP solves"
                  + " (%.1f s), the LP then $%,.0f above the relaxation's",
              runsFixed,
              fractional,
              steps,
              (System.nanoTime() - started) / 1e9,
              dived - relaxed));
    return x;
  }

  /**
   * Fixes run {@code j} at its most-chosen option ({@code x}) in the model whose months fit the
   * capacity {@code left}, and takes that capacity; false when none of the options the LP uses fits
   * (the run stays open: the LP re-solve moves it, or the rounding places it at the end).
   */
  private static boolean fix(PlanData data, PlanModel m, double[][] left, int j, double[] x) {
    List<GangOption> options = new ArrayList<>(data.optionsByRun.get(j));
    options.removeIf(o -> m.x[o.index()] == null || x[o.index()] <= DECIDED);
    options.sort(Comparator.comparingDouble((GangOption o) -> -x[o.index()]));
    int gpus = data.runs.get(j).gpus();
    for (GangOption o : options) {
      boolean fits = true;
      for (int i = 0; i < o.months() && fits; i++) {
        fits =
            gpus * o.wallHours()[i].doubleValue() <= left[o.cell().index()][o.start() + i] + 1e-6;
      }
      if (!fits) continue;
      take(data, left, o);
      for (GangOption other : data.optionsByRun.get(j)) {
        MPVariable v = m.x[other.index()];
        if (v != null) v.setBounds(other == o ? 1 : 0, other == o ? 1 : 0);
      }
      return true;
    }
    return false;
  }

  /** Takes option {@code o}'s GPU-hours from the capacity {@code left} in its cell-months. */
  private static void take(PlanData data, double[][] left, GangOption o) {
    int gpus = data.runs.get(o.run()).gpus();
    for (int i = 0; i < o.months(); i++) {
      left[o.cell().index()][o.start() + i] -= gpus * o.wallHours()[i].doubleValue();
    }
  }

  /**
   * Prices the fleet splits a restricted model leaves out at duals {@code y} (reduced costs {@code
   * d}): the most negative of each demand row go to {@code in}; returns their part of the
   * Lagrangian bound (each split is at most q/θ by its demand row, so d·q/θ where d < 0).
   */
  private static double priceFleetCells(
      PlanData data, PlanModel m, double[] y, double[] d, List<int[]> in) {
    double part = 0;
    for (FleetDemand fd : data.demands) {
      double q = fd.referenceGpuHours().doubleValue() * PlanModel.GH;
      List<double[]> negative = new ArrayList<>();
      for (int k = 0; k < fd.cells().size(); k++) {
        if (m.hasFleetCell(fd, k)) continue;
        double rc = m.reducedCostOfFleetCell(fd, k, y, d);
        if (rc < 0) part += rc * q / fd.cells().get(k).throughput();
        if (rc < PRICE_IN) negative.add(new double[] {rc, k});
      }
      negative.sort(Comparator.comparingDouble(a -> a[0]));
      for (double[] n : negative.subList(0, Math.min(ADDED_PER_RUN, negative.size()))) {
        in.add(new int[] {fd.index(), (int) n[1]});
      }
    }
    return part;
  }

  /** Shadow prices and next best of {@code placed} from the LP that just placed its fleets. */
  private static Planner.Explained explained(PlanData data, PlanModel m, Assignment placed) {
    return new Planner.Explained(
        placed,
        new Planner.Explanations(
            ShadowPrices.of(m, PlanCosting.price(data, placed).providers()),
            Planner.nextBest(data, placed, m.reducedCosts()),
            true));
  }

  /**
   * The fleets placed around fixed gangs in the restricted model itself (no model of every fleet
   * split: at 3,000 runs that LP took 17 s, three solves of 355,000 columns): the gangs fixed by
   * bounds, the fleet splits priced in until none prices in, the logic binaries then fixed at the
   * values the point implies and the LP solved again. The point is checked against every row of the
   * restricted model, whose missing columns are zero in it. Null when no verified placement.
   */
  private static @Nullable Assignment placeFleetsIn(
      PlanData data, PlanModel m, MPSolver lp, Assignment gangs, Deadline deadline) {
    boolean[] taken = gangs.options(data);
    for (GangOption o : data.options) {
      if (taken[o.index()]) m.addOption(o);
    }
    for (GangOption o : data.options) {
      MPVariable v = m.x[o.index()];
      if (v != null) v.setBounds(taken[o.index()] ? 1 : 0, taken[o.index()] ? 1 : 0);
    }
    for (MPVariable slack : m.gangSlack) slack.setBounds(0, 0);
    for (int pass = 0; pass < 2; pass++) {
      while (true) {
        if (deadline.passed()) return null;
        lp.setTimeLimit(deadline.remainingMillis());
        long t = System.nanoTime();
        if (Natives.solve(lp) != MPSolver.ResultStatus.OPTIMAL) return null;
        ModelRows rows = ModelRows.of(lp);
        double[] y = rows.effectiveDuals(ModelRows.duals(lp));
        List<int[]> in = new ArrayList<>();
        priceFleetCells(data, m, y, rows.reducedCosts(y), in);
        if (in.isEmpty()) break;
        for (int[] f : in) m.addFleetCell(data.demands.get(f[0]), f[1]);
      }
      if (pass == 0) {
        if (m.logic.isEmpty()) break;
        // a binary that keeps money honest is 1 exactly when its quantity is positive
        m.fixRofr(m.valuesOf(m.solution()));
      }
    }
    double[] point = ModelRows.point(lp);
    for (MPVariable slack : m.artificials()) if (point[slack.index()] > 1e-9) return null;
    return ModelRows.of(lp).violations(point).isEmpty() ? m.solution(point) : null;
  }

  /**
   * CBC on the relaxation's model with each run's choice narrowed around the plan so far. With the
   * relaxation's bound {@code L} and the plan's cost {@code U}, an option at 0 in the LP with
   * reduced cost {@code d} can only be in a plan cheaper than {@code U} if {@code L + d < U}
   * (reduced-cost fixing, exact); of those, only the {@code perRun} with the lowest reduced cost
   * stay open (a heuristic: the relaxation's bound, not this MIP's, is the plan's bound). The
   * option the plan takes and the options the LP left fractional stay open; an option at 1 may
   * leave when {@code L - d < U}. The fleets, reservations, shortfalls and ROFR choices stay free.
   * Its point is checked against the whole model's rows (the neighbourhood only tightens bounds)
   * and its fleet split re-optimised with the integers fixed.
   */
  private static Neighbourhood neighbourhood(
      PlanData data,
      Relaxed r,
      int[] taken,
      PlanCosting.@Nullable Priced priced,
      int perRun,
      Deadline deadline) {
    // a little room for the LP's tolerances: a wrong fixing only costs optimality, never truth
    double room = Double.POSITIVE_INFINITY;
    if (priced != null) {
      double upper = priced.total().subtract(priced.breakdown().fixed()).doubleValue();
      room = (upper - r.bound()) + 1e-6 * Math.abs(upper);
    }
    MPModelProto.Builder model = r.rows().model().toBuilder();
    int free = 0;
    int open = 0;
    for (int j = 0; j < data.runs.size(); j++) {
      int mine = taken[j];
      int kept = 0;
      List<GangOption> byCost = new ArrayList<>(data.optionsByRun.get(j));
      byCost.removeIf(o -> !r.inModel(o));
      byCost.sort(Comparator.comparingDouble(r::reducedCost));
      Set<GangOption> cheapest = new HashSet<>(byCost.subList(0, Math.min(perRun, byCost.size())));
      for (GangOption o : data.optionsByRun.get(j)) {
        double x = r.x(o);
        double d = r.reducedCost(o);
        double lower;
        double up;
        if (o.index() == mine || (x > DECIDED && x < 1 - DECIDED)) {
          lower = 0;
          up = 1;
        } else if (x <= DECIDED) {
          lower = 0;
          up = d < room && cheapest.contains(o) ? 1 : 0;
        } else {
          lower = -d < room ? 0 : 1;
          up = 1;
        }
        if (!r.inModel(o)) continue;
        if (up > lower) kept++;
        int at = r.at().x()[o.index()];
        model.setVariable(
            at, model.getVariable(at).toBuilder().setLowerBound(lower).setUpperBound(up));
      }
      if (kept > 1) free++;
      open += kept;
    }
    for (int at : r.artificial()) {
      model.setVariable(at, model.getVariable(at).toBuilder().setLowerBound(0).setUpperBound(0));
    }
    // CBC checks its limit between nodes, not in its preprocessing or root cuts: half of what is
    // left, the rest for an overrun and the phases after (improve() does not start a round that
    // its predecessors say cannot fit). Through CBC's C interface when it is there, so that the
    // limit is wall-clock seconds (OR-Tools gives CBC CPU seconds: on a loaded machine the
    // neighbourhood ran 31.7 s past a limit of about 20 s, issue 9, the deadline holds).
    long limit = deadline.remainingMillisLess(AFTER_NEIGHBOURHOOD);
    MPSolver.ResultStatus status;
    double[] found;
    boolean hitLimit;
    double seconds;
    if (CbcDirect.available()) {
      CbcDirect.Result res = CbcDirect.solve(model.build(), Planner.SOLVER_GAP, limit, true);
      status = res.status();
      found = res.point();
      hitLimit = res.hitLimit();
      seconds = res.seconds();
    } else {
      MPSolver mip = Natives.solver(Natives.MIP);
      try {
        String error = mip.loadModelFromProto(model.build());
        if (!error.isEmpty()) throw new IllegalStateException("neighbourhood MIP: " + error);
        MPSolverParameters params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, Planner.SOLVER_GAP);
        Natives.Timed timed = Natives.solveWithin(mip, params, limit);
        status = timed.status();
        boolean any =
            status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        found = any ? ModelRows.point(mip) : null;
        hitLimit = timed.hitLimit();
        seconds = timed.seconds();
      } finally {
        mip.delete();
      }
    }
    boolean any =
        (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE)
            && found != null;
    boolean timedOut = hitLimit || status == MPSolver.ResultStatus.NOT_SOLVED;
    String summary =
        perRun
            + " options per run: "
            + free
            + " of "
            + data.runs.size()
            + " runs with a choice, "
            + open
            + " options open, "
            + (status == MPSolver.ResultStatus.OPTIMAL
                ? "solved"
                : status == MPSolver.ResultStatus.INFEASIBLE
                    ? "no plan in it"
                    : any ? "stopped at the time limit" : "stopped at the time limit, no plan")
            + String.format(java.util.Locale.ROOT, " in %.1f s", seconds);
    if (!any) return new Neighbourhood(null, timedOut, summary);
    double[] point = found;
    boolean artificial = false;
    for (int at : r.artificial()) artificial |= point[at] != 0;
    if (artificial || !r.rows().violations(point).isEmpty()) {
      return new Neighbourhood(null, timedOut, summary + ", its point broke the model's rows");
    }
    point = FixedIntegers.polish(r.rows(), point, deadline);
    return new Neighbourhood(r.solution(data, point), timedOut, summary);
  }

  /**
   * The LP's point as an assignment when it holds every row, bound and integrality of the model
   * (the binaries of a fixed LP must have come out whole), else null.
   */
  private static @Nullable Assignment verified(MPSolver lp, PlanModel m) {
    double[] point = ModelRows.point(lp);
    return ModelRows.of(lp).violations(point).isEmpty() ? m.solution(point) : null;
  }

  /** A recourse's unplaced column of each run at a point (null without a recourse). */
  private static double @Nullable [] unplacedOf(PlanModel.Positions at, double[] point) {
    if (at.unplaced().length == 0) return null;
    double[] out = new double[at.unplaced().length];
    for (int j = 0; j < out.length; j++) out[j] = point[at.unplaced()[j]];
    return out;
  }

  /**
   * Each run at its most-chosen option that still fits, most decided runs first. A recourse's run
   * stays unplaced where the LP leaves it unplaced or no option fits (docs/risk.md section 2.0);
   * without a recourse a run that fits nowhere leaves no assignment (null).
   */
  private static @Nullable Assignment roundGangs(
      PlanData data, double[] x, double @Nullable [] unplaced) {
    double[][] left = new double[data.cells.size()][data.monthCount()];
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++)
        left[c.index()][t] = c.totalGpus(t) * data.hoursOf(t);
    }
    List<Integer> runs = new ArrayList<>();
    for (int j = 0; j < data.runs.size(); j++) runs.add(j);
    // Most decided runs first: their LP choice is least likely to be wrong.
    runs.sort(
        Comparator.comparingDouble(
            j ->
                -data.optionsByRun.get(j).stream().mapToDouble(o -> x[o.index()]).max().orElse(0)));
    Assignment a = Assignment.empty(data);
    for (int j : runs) {
      if (unplaced != null && unplaced[j] >= 1 - DECIDED) continue;
      List<GangOption> options = new ArrayList<>(data.optionsByRun.get(j));
      options.sort(
          Comparator.comparingDouble((GangOption o) -> -x[o.index()])
              .thenComparing(data::effectiveCost));
      int n = data.runs.get(j).gpus();
      GangOption pick = null;
      for (GangOption o : options) {
        boolean fits = true;
        for (int i = 0; i < o.months() && fits; i++) {
          fits = n * o.wallHours()[i].doubleValue() <= left[o.cell().index()][o.start() + i] + 1e-6;
        }
        if (fits) {
          pick = o;
          break;
        }
      }
      if (pick == null && unplaced != null) continue;
      if (pick == null) return null;
      a.optionOfRun()[j] = pick.index();
      for (int i = 0; i < pick.months(); i++) {
        left[pick.cell().index()][pick.start() + i] -= n * pick.wallHours()[i].doubleValue();
      }
    }
    return a;
  }

  /** True when the scenario has no right of first refusal: models of some options only allowed. */
  static boolean withoutRofr(PlanData data) {
    return data.scenario.contracts(io.nuage.contract.RightOfFirstRefusal.class).isEmpty();
  }

  /** The fleets placed optimally around fixed gangs, with the ROFR binaries made integral. */
  static @Nullable Assignment placeFleets(PlanData data, Assignment gangs, Deadline deadline) {
    MPSolver lp = Natives.solver(LP);
    try {
      // the options not taken are 0: without a ROFR they are left out of the model
      boolean[] some = withoutRofr(data) ? gangs.options(data) : null;
      String phase = "placing the fleets around the rounded gangs";
      PlanModel m =
          new PlanModel(data, lp, PlanModel.Mode.FIXED_LP, gangs, some, false, false)
              .within(deadline, phase)
              .build();
      if (data.recourse != null) lp.setSolverSpecificParametersAsString("use_preprocessing: false");
      deadline.check(phase);
      lp.setTimeLimit(deadline.remainingMillis());
      if (Natives.solve(lp) != MPSolver.ResultStatus.OPTIMAL) return null;
      if (m.rofrGroups.isEmpty() && m.logic.isEmpty()) return verified(lp, m);
      // Buying matched new capacity needs the holder full (b = 1); otherwise b = 0 forbids it.
      m.fixRofr(m.valuesOf(m.solution()));
      deadline.check(phase);
      lp.setTimeLimit(deadline.remainingMillis());
      if (Natives.solve(lp) == MPSolver.ResultStatus.OPTIMAL) {
        Assignment a = verified(lp, m);
        if (a != null) return a;
      }
      for (PlanModel.RofrGroup g : m.rofrGroups) g.b().setBounds(0, 0);
      deadline.check(phase);
      lp.setTimeLimit(deadline.remainingMillis());
      return Natives.solve(lp) == MPSolver.ResultStatus.OPTIMAL ? verified(lp, m) : null;
    } catch (Deadline.Passed cut) {
      return null; // the caller says the placing was cut
    } finally {
      lp.delete();
    }
  }
}
