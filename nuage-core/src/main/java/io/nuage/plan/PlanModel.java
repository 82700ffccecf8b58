package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.RightOfFirstRefusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The optimisation model of docs/planner.md on an OR-Tools solver: one method per constraint
 * family. The same builder makes the MIP, the LP with the gang choices fixed (for duals) and the
 * elastic model that names what breaks when the scenario is infeasible.
 */
final class PlanModel {
  enum Mode {
    MIP,
    FIXED_LP,
    /** Capacity, demand and ROFR rows elastic; no share caps (is the scenario short of supply?). */
    ELASTIC,
    /** Share rows elastic, every other row hard (which caps can no plan hold?). */
    ELASTIC_SHARES
  }

  static final double INFINITY = MPSolver.infinity();

  /**
   * Units inside the model: GPU-hours in millions and money in the rows in millions of dollars, so
   * that a 400,000-GPU gang and a $105B minimum stay near 1..1e5 and the LP is well scaled. The
   * objective stays in dollars, so the exported model's optimum plus fixedCost is the total cost.
   */
  static final double GH = 1e-6;

  static final double USD = 1e-6;

  /** Objective dollars per model GPU-hour unit at a price per GPU-hour. */
  static double perUnit(double pricePerGpuHour) {
    return pricePerGpuHour / GH;
  }

  final PlanData data;
  final MPSolver solver;
  final Mode mode;
  private final @Nullable Assignment fixed;
  final MPVariable[] x;
  final MPVariable[][] y;
  final @Nullable MPVariable[][] reserved;
  final @Nullable MPVariable[][] onDemand;
  final MPConstraint[][] capacityRows;
  private final LinearSum[][] usage;
  private final LinearSum[][] paid;
  final Map<String, ShortfallYear> shortfalls = new LinkedHashMap<>();
  final Map<String, MPConstraint> shareRows = new LinkedHashMap<>();
  final List<RofrGroup> rofrGroups = new ArrayList<>();
  final List<Elastic> elastics = new ArrayList<>();
  final List<Logic> logic = new ArrayList<>();
  private final boolean sharesCapped;

  /** A binary that keeps money honest under a share cap: 1 exactly when {@code positive} > 0. */
  record Logic(MPVariable binary, MPVariable positive) {}

  private final LinearSum objective = new LinearSum();
  private final double penalty;

  /**
   * A committed-spend contract year: its row, shortfall variable and the minimum the open months
   * must meet (the pro-rated minimum less what was billed before a re-plan's first open month).
   */
  record ShortfallYear(
      CommittedSpend contract,
      LinearSum consumption,
      int year,
      int lastYear,
      BigDecimal minimum,
      MPVariable shortfall,
      MPConstraint row) {
    /**
     * The open months' minimum as a share of the contract year's written one: below 1 for a year
     * the horizon cuts (pro-rated), 1 when the written minimum is 0. A deal's minimum enters this
     * row times it (docs/deals.md section 5).
     */
    double proRating() {
      BigDecimal full = contract.yearlyMinimums().get(year);
      return full.signum() == 0
          ? 1.0
          : minimum.divide(full, java.math.MathContext.DECIMAL64).doubleValue();
    }
  }

  /**
   * One (accelerator, month, allowed set) where the ROFR holder may have to be offered capacity.
   */
  record RofrGroup(
      RightOfFirstRefusal right,
      String accelerator,
      int month,
      String set,
      int minGpus,
      MPVariable b,
      List<Cell> holderCells,
      LinearSum newCapacity) {}

  /** A slack of the elastic model and what it means when positive. */
  record Elastic(MPVariable variable, String kind, String key) {}

  /**
   * The gang options in the model (null: all). A restricted model (docs/planner.md, "Column
   * generation") holds a subset; {@link #addOption} brings in more, and {@link #reducedCost} prices
   * the rest against the duals. It has a capacity row for every cell-month with capacity, used or
   * not, so that every option can be priced; with {@link #artificialGangs} each run's row has a
   * penalised slack that keeps a restricted model feasible.
   */
  private final boolean @Nullable [] active;

  private final boolean artificialGangs;
  final MPConstraint[] gangRows;
  final @Nullable MPVariable[] gangSlack;

  /**
   * A risk future's recourse (docs/risk.md section 2.0): each run's unplaced column, each demand
   * row's unmet column (null without a recourse), each share row's excess column.
   */
  final @Nullable MPVariable[] unplaced;

  final @Nullable MPVariable[] unmet;
  final Map<String, MPVariable> excess = new LinkedHashMap<>();

  /**
   * The objective's steering terms (docs/risk.md section 2.0: a recourse's penalties for exceeding
   * a share cap and the steering added to unmet and unplaced work), each variable with its steering
   * coefficient: what steers and is not money.
   */
  record Steer(MPVariable variable, double coefficient) {}

  final List<Steer> steering = new ArrayList<>();

  /**
   * Zero-fixed variables that feed the same rows as a unit of usage of a cell-month and a dollar of
   * egress of a provider-year, so that any option can be priced ({@link #reducedCost}) and added
   * ({@link #addOption}) without a second writing of its column; null without probes.
   */
  private final @Nullable MPVariable[][] usageProbe;

  private final Map<String, MPVariable> egressProbes = new HashMap<>();
  private @Nullable Map<MPVariable, List<MPConstraint>> probeRows;

  PlanModel(PlanData data, MPSolver solver, Mode mode, @Nullable Assignment fixed) {
    this(data, solver, mode, fixed, null, false, false);
  }

  /**
   * A model of some options only ({@code active}, null for all), see {@link #active}; with {@code
   * probes} every option can be priced and added.
   */
  PlanModel(
      PlanData data,
      MPSolver solver,
      Mode mode,
      @Nullable Assignment fixed,
      boolean @Nullable [] active,
      boolean artificialGangs,
      boolean probes) {
    this.active = active == null ? null : active.clone();
    this.artificialGangs = artificialGangs;
    this.usageProbe = probes ? new MPVariable[data.cells.size()][data.monthCount()] : null;
    this.gangRows = new MPConstraint[data.runs.size()];
    this.demandRows = new MPConstraint[data.demands.size()];
    this.gangSlack = new MPVariable[artificialGangs ? data.runs.size() : 0];
    this.unplaced = data.recourse == null ? null : new MPVariable[data.runs.size()];
    this.unmet = data.recourse == null ? null : new MPVariable[data.demands.size()];
    this.data = data;
    this.solver = solver;
    this.mode = mode;
    this.fixed = fixed;
    int cells = data.cells.size();
    int months = data.monthCount();
    x = new MPVariable[data.options.size()];
    y = new MPVariable[data.demands.size()][];
    reserved = new MPVariable[cells][months];
    onDemand = new MPVariable[cells][months];
    capacityRows = new MPConstraint[cells][months];
    usage = new LinearSum[cells][months];
    paid = new LinearSum[cells][months];
    double maxRate =
        data.cells.stream()
            .flatMap(c -> java.util.Arrays.stream(c.rate()))
            .mapToDouble(BigDecimal::doubleValue)
            .max()
            .orElse(1);
    penalty = perUnit(1000 * Math.max(1, maxRate));
    sharesCapped =
        data.providers.keySet().stream()
            .anyMatch(p -> data.scenario.policy().maxShareOf(p).compareTo(BigDecimal.ONE) < 0);
  }

  /**
   * The fleet splits in the model (null: all): a restricted model's cells per demand row, priced
   * and brought in by the probes like gang options ({@link #reducedCostOfFleetCell}, {@link
   * #addFleetCell}). A fleet's GPU-hours feed exactly the rows a unit of usage of its cell-month
   * does, and its demand row.
   */
  private boolean @Nullable [][] activeY;

  final MPConstraint[] demandRows;

  /** A restricted model's penalised slack of each demand row (empty otherwise). */
  final List<MPVariable> demandSlack = new ArrayList<>();

  /** A restricted model's penalised slack of each share row (empty otherwise). */
  final List<MPVariable> shareSlack = new ArrayList<>();

  /** Every slack of a restricted model: not columns of the whole model, zero in any plan. */
  List<MPVariable> artificials() {
    List<MPVariable> out = new ArrayList<>();
    for (MPVariable v : gangSlack) out.add(v);
    out.addAll(demandSlack);
    out.addAll(shareSlack);
    return out;
  }

  /** Keeps only the fleet splits {@code mask} marks (before build; a model with probes). */
  PlanModel withFleetCells(boolean[][] mask) {
    activeY = new boolean[mask.length][];
    for (int d = 0; d < mask.length; d++) activeY[d] = mask[d].clone();
    return this;
  }

  private final Map<String, Double> capOverrides = new HashMap<>();

  /** Replaces the policy's cap of {@code provider} in calendar {@code year} (before build). */
  PlanModel withCap(String provider, int year, double cap) {
    capOverrides.put(provider + "," + year, cap);
    return this;
  }

  private final java.util.Set<String> withoutShortfallLogic = new java.util.HashSet<>();

  private double objectiveWeight = 1;

  /**
   * Multiplies this model's objective by {@code weight} (before build): one future's copy in a
   * deal's extensive form, weighed by its probability (docs/deals.md section 5).
   */
  PlanModel withObjectiveWeight(double weight) {
    objectiveWeight = weight;
    return this;
  }

  /**
   * Leaves out the no-padding rows of {@code contract}'s shortfalls (before build): a deal's second
   * stage, whose minimums must stay right-hand sides only (docs/deals.md section 5).
   */
  PlanModel withoutShortfallLogic(String contract) {
    withoutShortfallLogic.add(contract);
    return this;
  }

  /**
   * A row of a sized reservation (docs/deals.md section 5.1): its upper bound is {@code base +
   * ratio · G}, {@code G} the reservation's GPUs, in the model's units.
   */
  record SizedRow(MPConstraint row, double base, double ratio) {}

  /** The rows whose upper bound moves with the sized reservation's GPUs, after build. */
  final List<SizedRow> sizedRows = new ArrayList<>();

  private @Nullable ReservedCapacity sized;
  private double sizedLo;
  private double sizedHi;

  /**
   * Makes reservation {@code k}'s GPUs {@code G ∈ [lo, hi]} a right-hand side (before build): in
   * each month it delivers, {@code reserved ≤ (Res' + G) h} and, where the schedule offers at least
   * {@code hi} GPUs beyond the other reservations, {@code ondemand ≤ (Cap' − G) h} (docs/deals.md
   * section 5.1). Built at {@code k}'s own GPUs.
   */
  PlanModel sizeReservation(ReservedCapacity k, double lo, double hi) {
    sized = k;
    sizedLo = lo;
    sizedHi = hi;
    return this;
  }

  private boolean sizes(Cell c, int t) {
    ReservedCapacity k = sized;
    return k != null
        && c.region().equals(k.region())
        && c.accName().equals(k.accelerator())
        && data.delivers(k, data.months.get(t));
  }

  private @Nullable Deadline deadline;
  private String phase = "";
  private int columnsSinceCheck;

  /**
   * Columns written between two looks at the deadline by a build {@link #within} one: a look costs
   * a clock read, a few thousand columns take 10-40 ms on this 2-core machine under load.
   */
  static final int COLUMNS_PER_CHECK = 2_000;

  /**
   * A build that gives up when {@code deadline} passes (before build): it looks at the deadline
   * between families and every {@link #COLUMNS_PER_CHECK} columns or coefficients, and throws
   * {@link Deadline.Passed} naming {@code phase}. The half-built model is the caller's to delete.
   */
  PlanModel within(Deadline deadline, String phase) {
    this.deadline = deadline;
    this.phase = phase;
    return this;
  }

  /** Looks at the deadline now (a build within one). */
  private void checkDeadline() {
    if (deadline != null) deadline.check(phase);
  }

  /** Counts a column written; looks at the deadline every {@link #COLUMNS_PER_CHECK}. */
  private void column() {
    work(1);
  }

  /**
   * Counts {@code coefficients} written into a row (a row of many terms weighs as that many
   * columns); looks at the deadline every {@link #COLUMNS_PER_CHECK}.
   */
  private void work(int coefficients) {
    if (deadline == null) return;
    columnsSinceCheck += coefficients;
    if (columnsSinceCheck >= COLUMNS_PER_CHECK) {
      columnsSinceCheck = 0;
      deadline.check(phase);
    }
  }

  /** Builds every family; the order only matters for readability of an exported model. */
  PlanModel build() {
    checkDeadline();
    addGangPlacement();
    checkDeadline();
    addInferenceDemand();
    addResidency();
    checkDeadline();
    addCapacityConstraints();
    checkDeadline();
    addCommittedSpend();
    checkDeadline();
    addSpendShareLimits();
    checkDeadline();
    addRightOfFirstRefusal();
    checkDeadline();
    for (Map.Entry<MPVariable, Double> term : objective.terms.entrySet()) {
      work(1);
      solver.objective().setCoefficient(term.getKey(), term.getValue() * objectiveWeight);
    }
    solver.objective().setMinimization();
    return this;
  }

  /** Each training run runs exactly once as one gang: Σ_ω x_ω = 1. */
  void addGangPlacement() {
    for (int j = 0; j < data.runs.size(); j++) {
      String run = data.runs.get(j).id();
      MPConstraint row = solver.makeConstraint(1, 1, "gang[" + run + "]");
      gangRows[j] = row;
      if (artificialGangs) {
        MPVariable slack = solver.makeNumVar(0, 1, "gangslack[" + run + "]");
        row.setCoefficient(slack, 1);
        // ten times the run's dearest option: gone at the LP's optimum whenever the options priced
        // in can place it (a slack left at the end makes the relaxation fail, never a wrong bound)
        double dearest =
            data.optionsByRun.get(j).stream()
                .mapToDouble(o -> data.effectiveCost(o).doubleValue())
                .max()
                .orElse(0);
        objective.add(slack, 10 * dearest + 1000);
        gangSlack[j] = slack;
      }
      if (unplaced != null) addUnplaced(j, row);
      for (GangOption o : data.optionsByRun.get(j)) {
        if (!isActive(o)) continue;
        column();
        MPVariable v = gangVariable(o, run);
        x[o.index()] = v;
        row.setCoefficient(v, 1);
        objective.add(v, o.egress().doubleValue());
      }
    }
  }

  /**
   * A future's run may stay unplaced (its gang row's last column), at the unmet penalty times its
   * reference GPU-hours: a gang is all or nothing.
   */
  private void addUnplaced(int j, MPConstraint row) {
    var run = data.runs.get(j);
    double lower = 0;
    double upper = 1;
    if (mode == Mode.FIXED_LP) {
      lower = fixed != null && fixed.optionOfRun()[j] < 0 ? 1 : 0;
      upper = lower;
    }
    MPVariable v = solver.makeNumVar(lower, upper, "unplaced[" + run.id() + "]");
    row.setCoefficient(v, 1);
    double hours = run.referenceHours().doubleValue() * run.gpus();
    objective.add(
        v,
        hours * data.recourse.unmetPenaltyPerGpuHour().doubleValue()
            + data.unplacedSteering(j).doubleValue());
    unplaced[j] = v;
    double steer = data.unplacedSteering(j).doubleValue();
    if (steer != 0) steering.add(new Steer(v, steer));
  }

  private MPVariable gangVariable(GangOption o, String run) {
    String name =
        "x["
            + run
            + ","
            + o.cell().region()
            + ","
            + o.cell().accName()
            + ","
            + data.months.get(o.start())
            + "]";
    if (mode == Mode.FIXED_LP) {
      double v = fixed != null && fixed.optionOfRun()[o.run()] == o.index() ? 1 : 0;
      return solver.makeNumVar(v, v, name);
    }
    return solver.makeBoolVar(name);
  }

  /** Each fleet's demand per geography and month is met: Σ θ_a y = Q (reference GPU-hours). */
  void addInferenceDemand() {
    for (FleetDemand d : data.demands) {
      work(d.cells().size());
      String key = d.fleet() + "," + d.geography() + "," + data.months.get(d.month());
      double q = d.referenceGpuHours().doubleValue() * GH;
      MPConstraint row = solver.makeConstraint(q, q, "demand[" + key + "]");
      demandRows[d.index()] = row;
      y[d.index()] = new MPVariable[d.cells().size()];
      for (int k = 0; k < d.cells().size(); k++) {
        if (activeY != null && !activeY[d.index()][k]) continue;
        Cell c = d.cells().get(k);
        // No upper bound of its own: the capacity row bounds it and keeps the dual.
        double upper = c.totalGpus(d.month()) > 0 ? INFINITY : 0;
        MPVariable v =
            solver.makeNumVar(0, upper, "y[" + key + "," + c.region() + "," + c.accName() + "]");
        y[d.index()][k] = v;
        row.setCoefficient(v, c.throughput());
      }
      if (artificialGangs) {
        // a restricted model's demand is met by a penalised slack until its cells are priced in
        MPVariable slack = solver.makeNumVar(0, INFINITY, "demandslack[" + key + "]");
        row.setCoefficient(slack, 1);
        // ten times the dearest reference GPU-hour of its cells: a penalty of 1e10 a unit made
        // GLOP answer ABNORMAL on the generated 3,000-run scenario
        double dearest =
            d.cells().stream()
                .mapToDouble(c -> c.rate()[d.month()].doubleValue() / c.throughput())
                .max()
                .orElse(1);
        objective.add(slack, perUnit(10 * Math.max(1, dearest)));
        demandSlack.add(slack);
      }
      if (unmet != null) {
        // a future's demand may go unmet, at the unmet penalty per reference GPU-hour
        MPVariable v = solver.makeNumVar(0, q, "unmet-demand[" + key + "]");
        row.setCoefficient(v, 1);
        objective.add(
            v,
            perUnit(
                data.recourse.unmetPenaltyPerGpuHour().doubleValue()
                    + data.unmetSteering(d).doubleValue()));
        unmet[d.index()] = v;
        double steer = perUnit(data.unmetSteering(d).doubleValue());
        if (steer != 0) steering.add(new Steer(v, steer));
      }
      if (mode == Mode.ELASTIC) {
        MPVariable unmet = solver.makeNumVar(0, INFINITY, "unmet[" + key + "]");
        row.setCoefficient(unmet, 1);
        objective.add(unmet, penalty);
        elastics.add(new Elastic(unmet, "demand", String.valueOf(d.index())));
      }
    }
  }

  /**
   * Residency is a property of the domain: {@link PlanData} creates no cell outside the policy's
   * allowed regions and no fleet variable outside a geography's allowed regions. This method checks
   * that invariant so that a change in PlanData cannot silently break residency.
   */
  void addResidency() {
    for (Cell c : data.cells) {
      if (!data.scenario.policy().allows(c.region())) {
        throw new IllegalStateException("cell outside the allowed regions: " + c.region());
      }
    }
    for (FleetDemand d : data.demands) {
      for (Cell c : d.cells()) {
        if (!d.allowedRegions().contains(c.region())) {
          throw new IllegalStateException(d.fleet() + " may not run in " + c.region());
        }
      }
    }
  }

  /**
   * Usage in each (region, accelerator, month) is drawn from reservations and on-demand capacity. A
   * cell-month without a reservation is one row, usage ≤ on-demand GPU-hours, priced directly (so
   * its dual is the value of one more GPU-hour); with a reservation the usage is split into
   * reserved (free at the margin) and on-demand variables.
   */
  void addCapacityConstraints() {
    if (usageProbe != null) {
      for (Cell c : data.cells) {
        for (int t = 0; t < data.monthCount(); t++) {
          if (c.totalGpus(t) == 0) continue;
          MPVariable probe =
              solver.makeNumVar(0, 0, "probe[" + c.region() + "," + c.accName() + "," + t + "]");
          usageOf(c, t).add(probe, 1);
          usageProbe[c.index()][t] = probe;
        }
      }
    }
    for (GangOption o : data.options) {
      if (!isActive(o)) continue;
      column();
      int n = data.runs.get(o.run()).gpus();
      for (int i = 0; i < o.months(); i++) {
        usageOf(o.cell(), o.start() + i).add(x[o.index()], n * o.wallHours()[i].doubleValue() * GH);
      }
    }
    for (FleetDemand d : data.demands) {
      for (int k = 0; k < d.cells().size(); k++)
        if (y[d.index()][k] != null) usageOf(d.cells().get(k), d.month()).add(y[d.index()][k], 1);
    }
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++) {
        LinearSum used = usage[c.index()][t];
        if (used == null || c.totalGpus(t) == 0) continue;
        String key = c.region() + "," + c.accName() + "," + data.months.get(t);
        double h = data.hoursOf(t) * GH;
        double rate = perUnit(c.rate()[t].doubleValue());
        MPConstraint row;
        if (c.reservedGpus()[t] > 0) {
          row = solver.makeConstraint(0, 0, "capacity[" + key + "]");
          boolean sizedHere = sizes(c, t);
          double reservedGpus = c.reservedGpus()[t];
          double onDemandGpus = c.onDemandGpus()[t];
          double other = 0;
          double spare = 0;
          if (sizedHere) {
            ReservedCapacity k = java.util.Objects.requireNonNull(sized);
            // docs/deals.md section 5.1: G moves the reserved and on-demand GPUs as right-hand
            // sides
            other = c.reservedGpus()[t] - k.gpus();
            spare = c.listPrice() == null ? 0 : c.scheduleGpus()[t] - other;
            if (spare > sizedLo && spare < sizedHi)
              throw ReservationKink.across(
                  c.label(), spare, data.months.get(t), sizedLo, sizedHi, k);
            reservedGpus = other + sizedHi;
            onDemandGpus = spare >= sizedHi ? spare - sizedLo : 0;
          }
          MPVariable r = solver.makeNumVar(0, reservedGpus * h, "reserved[" + key + "]");
          reserved[c.index()][t] = r;
          row.setCoefficient(r, -1);
          if (sizedHere) {
            int g = java.util.Objects.requireNonNull(sized).gpus();
            MPConstraint res =
                solver.makeConstraint(-INFINITY, (other + g) * h, "reserved-size[" + key + "]");
            res.setCoefficient(r, 1);
            sizedRows.add(new SizedRow(res, other * h, h));
          }
          if (onDemandGpus > 0) {
            MPVariable u = solver.makeNumVar(0, onDemandGpus * h, "ondemand[" + key + "]");
            onDemand[c.index()][t] = u;
            if (sizedHere) {
              int g = java.util.Objects.requireNonNull(sized).gpus();
              MPConstraint od =
                  solver.makeConstraint(-INFINITY, (spare - g) * h, "ondemand-size[" + key + "]");
              od.setCoefficient(u, 1);
              sizedRows.add(new SizedRow(od, spare * h, -h));
            }
            row.setCoefficient(u, -1);
            objective.add(u, rate);
            paid[c.index()][t] = new LinearSum().add(u, 1);
            if (sharesCapped) reservedFirst(key, r, u);
          }
        } else {
          row = solver.makeConstraint(-INFINITY, c.onDemandGpus()[t] * h, "capacity[" + key + "]");
          paid[c.index()][t] = used;
          objective.add(used, rate);
        }
        work(used.terms.size());
        used.addTo(row);
        capacityRows[c.index()][t] = row;
        if (mode == Mode.ELASTIC) {
          MPVariable over = solver.makeNumVar(0, INFINITY, "overflow[" + key + "]");
          row.setCoefficient(over, -1);
          objective.add(over, penalty);
          elastics.add(new Elastic(over, "capacity", c.index() + "," + t));
        }
      }
    }
  }

  /**
   * With a share cap, buying on demand while a reservation idles would raise that provider's spend
   * on purpose (padding the total to dilute another provider's share). Reservations are used first:
   * on-demand GPU-hours only once the reserved ones are all used (binary {@code full}).
   */
  private void reservedFirst(String key, MPVariable reserved, MPVariable onDemand) {
    MPVariable full = logicVariable("reserved-full[" + key + "]");
    MPConstraint onlyWhenFull =
        solver.makeConstraint(-INFINITY, 0, "reserved-first-od[" + key + "]");
    onlyWhenFull.setCoefficient(onDemand, 1);
    onlyWhenFull.setCoefficient(full, -onDemand.ub());
    MPConstraint fullMeansUsed =
        solver.makeConstraint(0, INFINITY, "reserved-first-res[" + key + "]");
    fullMeansUsed.setCoefficient(reserved, 1);
    fullMeansUsed.setCoefficient(full, -reserved.ub());
    logic.add(new Logic(full, onDemand));
  }

  private MPVariable logicVariable(String name) {
    return mode == Mode.FIXED_LP ? solver.makeNumVar(0, 1, name) : solver.makeBoolVar(name);
  }

  private LinearSum usageOf(Cell c, int t) {
    LinearSum u = usage[c.index()][t];
    if (u == null) {
      u = new LinearSum();
      usage[c.index()][t] = u;
    }
    return u;
  }

  /**
   * Take-or-pay: short_{k,y} + consumption_{k,y} ≥ pro-rated minimum_{k,y}, less what was billed
   * before a re-plan's first open month (docs/planner.md, "Committed spend with actuals").
   */
  void addCommittedSpend() {
    for (CommittedSpend k : data.scenario.contracts(CommittedSpend.class)) {
      if (!k.takeOrPay()) continue;
      for (CommitmentYear cy : CommitmentYear.of(k, data)) {
        String key = k.id() + "," + cy.year();
        BigDecimal residual = cy.residual();
        MPConstraint row =
            solver.makeConstraint(residual.doubleValue() * USD, INFINITY, "minimum[" + key + "]");
        // never more than the minimum at an optimum (it costs $1 a dollar): twice it is an upper
        // bound that never binds, and one a bound from the duals can use (ModelRows.dualBound:
        // a reduced cost of -1e-10 on an unbounded column would leave no bound at all)
        double most = 2 * residual.doubleValue() * USD + 1;
        MPVariable s = solver.makeNumVar(0, most, "shortfall[" + key + "]");
        row.setCoefficient(s, 1);
        objective.add(s, 1 / USD);
        LinearSum consumption = new LinearSum();
        double mostConsumption = 0; // in $M: every on-demand GPU-hour of the provider bought
        for (Cell c : data.cells) {
          for (int t : cy.months()) {
            if (c.committed()[t] == k && paid[c.index()][t] != null) {
              consumption.add(paid[c.index()][t], perUnit(c.rate()[t].doubleValue()) * USD);
              mostConsumption +=
                  c.rate()[t].doubleValue() * c.onDemandGpus()[t] * data.hoursOf(t) * USD;
            }
          }
        }
        consumption.addTo(row);
        if (sharesCapped && !withoutShortfallLogic.contains(k.id())) {
          shortfallExact(key, s, consumption, residual.doubleValue() * USD, mostConsumption);
        }
        shortfalls.put(
            key, new ShortfallYear(k, consumption, cy.year(), cy.lastYear(), residual, s, row));
      }
    }
  }

  /**
   * With a share cap, paying more shortfall than owed would pad the total too. The shortfall is
   * then exactly max(0, minimum - consumption): binary {@code owes} picks the side.
   */
  private void shortfallExact(
      String key, MPVariable shortfall, LinearSum consumption, double minimum, double most) {
    MPVariable owes = logicVariable("owes[" + key + "]");
    MPConstraint zeroUnlessOwed =
        solver.makeConstraint(-INFINITY, 0, "shortfall-zero[" + key + "]");
    zeroUnlessOwed.setCoefficient(shortfall, 1);
    zeroUnlessOwed.setCoefficient(owes, -minimum);
    // short ≤ minimum - consumption + most (1 - owes)
    MPConstraint atMostOwed =
        solver.makeConstraint(-INFINITY, minimum + most, "shortfall-owed[" + key + "]");
    atMostOwed.setCoefficient(shortfall, 1);
    consumption.addTo(atMostOwed);
    atMostOwed.setCoefficient(owes, most);
    logic.add(new Logic(owes, shortfall));
  }

  /** spend_{p,y} ≤ σ_p · total_y for each provider with a cap below 1 and each calendar year. */
  void addSpendShareLimits() {
    if (mode == Mode.ELASTIC) return;
    Map<Integer, Map<String, LinearSum>> spend = spendByYearAndProvider();
    for (var year : spend.entrySet()) {
      LinearSum total = new LinearSum();
      year.getValue().values().forEach(s -> total.add(s, 1));
      var capped = new java.util.TreeSet<>(data.providers.keySet());
      // a provider known only from a re-plan's bills is held to its cap too
      if (data.past != null) capped.addAll(year.getValue().keySet());
      for (String p : capped) {
        String key = p + "," + year.getKey();
        double cap =
            capOverrides.getOrDefault(key, data.scenario.policy().maxShareOf(p).doubleValue());
        if (cap >= 1) continue;
        LinearSum mine = year.getValue().getOrDefault(p, new LinearSum());
        MPConstraint row =
            solver.makeConstraint(
                -INFINITY, cap * total.constant - mine.constant, "share[" + key + "]");
        // mine - cap x total, set term by term: every variable of mine is in total, so one pass
        // over total sets each coefficient once (no merged copy of the year's total per provider:
        // that copy was the model build's hottest spot at 3,000 runs).
        work(total.terms.size());
        total.terms.forEach(
            (v, c) -> row.setCoefficient(v, mine.terms.getOrDefault(v, 0.0) - cap * c));
        if (artificialGangs) {
          // a restricted model may hold too few options to keep a provider under its cap (the
          // first ones priced in are the cheapest, often one provider's): a penalised slack
          // until the pricing brings others in (issue 9 review, seed 74)
          MPVariable slack = solver.makeNumVar(0, INFINITY, "shareslack[" + key + "]");
          row.setCoefficient(slack, -1);
          objective.add(slack, penalty);
          shareSlack.add(slack);
        }
        if (data.recourse != null) {
          // a future may exceed a cap at the steering penalty per dollar (docs/risk.md section 2)
          // bounded by all a plan could spend, so that a bound from the duals stays finite
          MPVariable over = solver.makeNumVar(0, mostSpend(), "excess[" + key + "]");
          row.setCoefficient(over, -1);
          objective.add(over, data.recourse.shareCapPenalty().doubleValue() / USD);
          excess.put(key, over);
          steering.add(new Steer(over, data.recourse.shareCapPenalty().doubleValue() / USD));
        }
        if (mode == Mode.ELASTIC_SHARES) {
          MPVariable slack = solver.makeNumVar(0, INFINITY, "shareslack[" + key + "]");
          row.setCoefficient(slack, -1);
          objective.add(slack, penalty);
          elastics.add(new Elastic(slack, "share", key));
        }
        shareRows.put(key, row);
      }
    }
  }

  private double mostSpend = Double.NaN;

  /**
   * More than any plan of this model can spend, in model units: every GPU-hour of capacity bought
   * at its rate, every option's egress, every minimum, the fixed costs, and a dollar.
   */
  private double mostSpend() {
    if (!Double.isNaN(mostSpend)) return mostSpend;
    double most = 1;
    for (Cell c : data.cells)
      for (int t = 0; t < data.monthCount(); t++)
        most += c.rate()[t].doubleValue() * c.totalGpus(t) * data.hoursOf(t);
    for (GangOption o : data.options) most += o.egress().doubleValue();
    for (ShortfallYear y : shortfalls.values()) most += y.minimum().doubleValue();
    for (BigDecimal v : FixedCosts.of(data).byProviderAndYear().values()) most += v.doubleValue();
    mostSpend = most * USD;
    return mostSpend;
  }

  private Map<Integer, Map<String, LinearSum>> spendByYearAndProvider() {
    Map<Integer, Map<String, LinearSum>> spend = new TreeMap<>();
    for (int t = 0; t < data.monthCount(); t++)
      spend.computeIfAbsent(data.months.get(t).getYear(), k -> new HashMap<>());
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++) {
        if (paid[c.index()][t] == null) continue;
        sumOf(spend, t, c.provider())
            .add(paid[c.index()][t], perUnit(c.rate()[t].doubleValue()) * USD);
      }
    }
    if (usageProbe != null) {
      for (GangOption o : data.options) {
        if (o.egress().signum() == 0) continue;
        egressProbes.computeIfAbsent(
            egressKey(o),
            key -> {
              MPVariable probe = solver.makeNumVar(0, 0, "probe[egress," + key + "]");
              sumOf(spend, o.start(), data.providerOf(data.runs.get(o.run()).datasetHome()))
                  .add(probe, USD);
              return probe;
            });
      }
    }
    for (GangOption o : data.options) {
      if (o.egress().signum() == 0 || !isActive(o)) continue;
      String home = data.providerOf(data.runs.get(o.run()).datasetHome());
      sumOf(spend, o.start(), home).add(x[o.index()], o.egress().doubleValue() * USD);
    }
    for (ShortfallYear s : shortfalls.values()) {
      // a contract year ending in a year with no month left (closed) has no share row to count in
      Map<String, LinearSum> year = spend.get(s.lastYear());
      if (year != null)
        year.computeIfAbsent(s.contract().provider(), k -> new LinearSum()).add(s.shortfall(), 1);
    }
    // a re-plan's billed months: constants on both sides of the share rows of their year
    PlanCosting.actualSpend(data)
        .forEach(
            (key, amount) -> {
              Map<String, LinearSum> year = spend.get(key.year());
              if (year != null)
                year.computeIfAbsent(key.provider(), k -> new LinearSum()).constant +=
                    amount.doubleValue() * USD;
            });
    FixedCosts fixedCosts = FixedCosts.of(data);
    fixedCosts
        .byProviderAndYear()
        .forEach(
            (key, amount) -> {
              Map<String, LinearSum> year = spend.get(key.year());
              if (year != null)
                year.computeIfAbsent(key.provider(), k -> new LinearSum()).constant +=
                    amount.doubleValue() * USD;
            });
    return spend;
  }

  private LinearSum sumOf(Map<Integer, Map<String, LinearSum>> spend, int t, String provider) {
    return spend.get(data.months.get(t).getYear()).computeIfAbsent(provider, k -> new LinearSum());
  }

  /**
   * New capacity that the holder would match may go to another provider only where the holder has
   * no capacity of that accelerator left that could take it that month: for a fleet, none at all in
   * the fleet's allowed regions; for a gang of n GPUs, fewer than n GPUs free for the month in each
   * holder cell.
   */
  void addRightOfFirstRefusal() {
    for (RightOfFirstRefusal right : data.scenario.contracts(RightOfFirstRefusal.class)) {
      Map<String, RofrGroup> groups = new LinkedHashMap<>();
      if (active != null || activeY != null) {
        throw new IllegalStateException("a model of some options only cannot hold a ROFR");
      }
      for (GangOption o : data.options) {
        column();
        // a run under way was placed before the as-of date: not new capacity bought now
        if (data.isRunning(o.run())) continue;
        int n = data.runs.get(o.run()).gpus();
        for (int i = 0; i < o.months(); i++) {
          int t = o.start() + i;
          RofrGroup g = group(groups, right, o.cell(), t, "gang" + n, null, n);
          if (g != null) {
            double gpuHours = n * o.wallHours()[i].doubleValue() * GH;
            g.newCapacity().add(x[o.index()], gpuHours);
            g.newCapacity().constant +=
                gpuHours; // the constant carries the big M: the most it can buy
          }
        }
      }
      for (FleetDemand d : data.demands) {
        for (int k = 0; k < d.cells().size(); k++) {
          RofrGroup g =
              group(
                  groups,
                  right,
                  d.cells().get(k),
                  d.month(),
                  setLabel(d.allowedRegions()),
                  d.allowedRegions(),
                  1);
          if (g != null) {
            g.newCapacity().add(y[d.index()][k], 1);
            g.newCapacity().constant +=
                d.cells().get(k).totalGpus(d.month()) * data.hoursOf(d.month()) * GH;
          }
        }
      }
      for (RofrGroup g : groups.values()) {
        String key =
            right.id() + "," + g.accelerator() + "," + data.months.get(g.month()) + "," + g.set();
        double h = data.hoursOf(g.month()) * GH;
        double bigM = g.newCapacity().constant;
        MPConstraint cap = solver.makeConstraint(-INFINITY, 0, "rofr-new[" + key + "]");
        work(g.newCapacity().terms.size());
        g.newCapacity().addTo(cap);
        cap.setCoefficient(g.b(), -bigM);
        if (mode == Mode.ELASTIC) {
          MPVariable slack = solver.makeNumVar(0, INFINITY, "rofrslack[" + key + "]");
          cap.setCoefficient(slack, -1);
          objective.add(slack, penalty);
          elastics.add(new Elastic(slack, "rofr", String.valueOf(rofrGroups.size())));
        }
        if (g.minGpus() > 1) {
          // A gang of n GPUs may leave only where no holder cell has n GPUs free for the month:
          // each holder cell uses at least (GPUs - n + 1) x hours when b = 1.
          for (Cell c : g.holderCells()) {
            MPConstraint full =
                solver.makeConstraint(0, INFINITY, "rofr-full[" + key + "," + c.region() + "]");
            if (usage[c.index()][g.month()] != null) {
              work(usage[c.index()][g.month()].terms.size());
              usage[c.index()][g.month()].addTo(full);
            }
            full.setCoefficient(g.b(), -(c.totalGpus(g.month()) - g.minGpus() + 1) * h);
          }
        } else {
          double holderCap = 0;
          MPConstraint full = solver.makeConstraint(0, INFINITY, "rofr-full[" + key + "]");
          LinearSum holderUse = new LinearSum();
          for (Cell c : g.holderCells()) {
            holderCap += c.totalGpus(g.month()) * h;
            if (usage[c.index()][g.month()] != null) holderUse.add(usage[c.index()][g.month()], 1);
          }
          holderUse.addTo(full);
          full.setCoefficient(g.b(), -holderCap);
        }
        rofrGroups.add(g);
      }
    }
  }

  private @Nullable RofrGroup group(
      Map<String, RofrGroup> groups,
      RightOfFirstRefusal right,
      Cell c,
      int t,
      String set,
      @Nullable Set<String> allowed,
      int minGpus) {
    if (!RightOfFirstRefusalReport.isNewCapacity(data, right, c, t)) return null;
    String key = right.id() + "|" + c.accName() + "|" + t + "|" + set;
    List<Cell> holder =
        holders.computeIfAbsent(
            key,
            k ->
                RightOfFirstRefusalReport.holderCells(
                    data, right, c.accName(), t, allowed, minGpus));
    if (holder.isEmpty()) return null;
    if (!RightOfFirstRefusalReport.wouldMatch(
        RightOfFirstRefusalReport.holderRate(holder, t), right, c.rate()[t])) return null;
    RofrGroup g = groups.get(key);
    if (g == null) {
      // Created only where some new capacity would be matched, so no variable is left unused.
      String name =
          "rofr["
              + right.id()
              + ","
              + c.accName()
              + ","
              + data.months.get(t)
              + ","
              + groups.size()
              + "]";
      MPVariable b =
          mode == Mode.FIXED_LP ? solver.makeNumVar(0, 1, name) : solver.makeBoolVar(name);
      g = new RofrGroup(right, c.accName(), t, set, minGpus, b, holder, new LinearSum());
      groups.put(key, g);
    }
    return g;
  }

  // Short names for allowed-region sets keep row names short (CBC's MPS reader chokes on long
  // ones).
  private final Map<String, String> setLabels = new HashMap<>();

  private final Map<String, List<Cell>> holders = new HashMap<>();

  private String setLabel(Set<String> regions) {
    return setLabels.computeIfAbsent(
        String.join("+", new java.util.TreeSet<>(regions)), k -> "regions" + setLabels.size());
  }

  /** Which options the model holds (all true for a whole model). */
  boolean[] activeOptions() {
    if (active != null) return active.clone();
    boolean[] all = new boolean[x.length];
    java.util.Arrays.fill(all, true);
    return all;
  }

  boolean isActive(GangOption o) {
    return active == null || active[o.index()];
  }

  /**
   * The reduced cost of a gang option at the duals of the model's last LP solve, whether or not the
   * option is in the model: {@code c - Σ a y}, read off the probes (a model with {@code probes}
   * only). A unit of usage in a cell-month and a dollar of egress in a provider-year feed the same
   * rows as the option's own GPU-hours and egress, so the option's reduced cost is its egress, less
   * its run's dual, plus its GPU-hours times the usage probes' reduced costs and its egress times
   * the egress probe's. Infinite for an option that has a month without capacity.
   */
  /**
   * Each option's reduced cost at the last LP solve: the solver's for an option in the model, the
   * probes' for one left out (a model with probes).
   */
  java.util.function.ToDoubleFunction<GangOption> reducedCosts() {
    if (usageProbe == null) return o -> x[o.index()].reducedCost();
    double[] y = ModelRows.duals(solver);
    MPVariable[] vars = solver.variables();
    double[] d = new double[vars.length];
    for (int j = 0; j < vars.length; j++) d[j] = vars[j].reducedCost();
    return o -> x[o.index()] != null ? x[o.index()].reducedCost() : reducedCost(o, y, d);
  }

  /**
   * The same at given row duals {@code y} and the reduced costs {@code d} of this model's columns
   * at them (indexed as the solver's rows and variables): the bound of a restricted model is
   * computed from one {@code y}, every reduced cost included ({@link ModelRows#reducedCosts}).
   */
  double reducedCost(GangOption o, double[] y, double[] d) {
    if (usageProbe == null) throw new IllegalStateException("a model without probes");
    double egress = o.egress().doubleValue();
    double rc = egress - y[gangRows[o.run()].index()];
    int n = data.runs.get(o.run()).gpus();
    for (int i = 0; i < o.months(); i++) {
      MPVariable probe = usageProbe[o.cell().index()][o.start() + i];
      if (probe == null) return Double.POSITIVE_INFINITY;
      rc += n * o.wallHours()[i].doubleValue() * GH * d[probe.index()];
    }
    if (egress != 0) {
      MPVariable probe = egressProbes.get(egressKey(o));
      if (probe != null) rc += egress * d[probe.index()];
    }
    return rc;
  }

  private String egressKey(GangOption o) {
    return data.providerOf(data.runs.get(o.run()).datasetHome())
        + ","
        + data.months.get(o.start()).getYear();
  }

  /**
   * The reduced cost of fleet split {@code k} of demand row {@code d} at duals {@code y} and this
   * model's reduced costs {@code dr}: its cell-month's usage probe's, less its throughput times the
   * demand row's dual. Infinite where the cell has no capacity that month.
   */
  double reducedCostOfFleetCell(FleetDemand d, int k, double[] y, double[] dr) {
    if (usageProbe == null) throw new IllegalStateException("a model without probes");
    MPVariable probe = usageProbe[d.cells().get(k).index()][d.month()];
    if (probe == null) return Double.POSITIVE_INFINITY;
    return dr[probe.index()] - d.cells().get(k).throughput() * y[demandRows[d.index()].index()];
  }

  /** Whether fleet split {@code k} of demand row {@code d} is in the model. */
  boolean hasFleetCell(FleetDemand d, int k) {
    return y[d.index()][k] != null;
  }

  /** Brings a fleet split into the model, with the column of a unit of its cell-month's usage. */
  void addFleetCell(FleetDemand d, int k) {
    if (y[d.index()][k] != null || usageProbe == null) return;
    Cell c = d.cells().get(k);
    MPVariable probe = usageProbe[c.index()][d.month()];
    if (probe == null) return;
    String key = d.fleet() + "," + d.geography() + "," + data.months.get(d.month());
    MPVariable v =
        solver.makeNumVar(0, INFINITY, "y[" + key + "," + c.region() + "," + c.accName() + "]");
    y[d.index()][k] = v;
    if (activeY != null) activeY[d.index()][k] = true;
    demandRows[d.index()].setCoefficient(v, c.throughput());
    Map<MPConstraint, Double> column = new HashMap<>();
    double objective = addScaled(column, probe, 1);
    setColumn(v, column, objective);
  }

  /** Brings an option into a model of some options only, with the same column as the build's. */
  void addOption(GangOption o) {
    if (active == null || active[o.index()] || usageProbe == null) return;
    int n = data.runs.get(o.run()).gpus();
    for (int i = 0; i < o.months(); i++) {
      if (usageProbe[o.cell().index()][o.start() + i] == null) return;
    }
    active[o.index()] = true;
    MPVariable v = gangVariable(o, data.runs.get(o.run()).id());
    x[o.index()] = v;
    gangRows[o.run()].setCoefficient(v, 1);
    double objective = o.egress().doubleValue();
    // the option's column is its GPU-hours times each month's usage probe column, plus its egress
    // times the egress probe's
    Map<MPConstraint, Double> column = new HashMap<>();
    for (int i = 0; i < o.months(); i++) {
      MPVariable probe = usageProbe[o.cell().index()][o.start() + i];
      objective += addScaled(column, probe, n * o.wallHours()[i].doubleValue() * GH);
    }
    MPVariable egressProbe = o.egress().signum() == 0 ? null : egressProbes.get(egressKey(o));
    if (egressProbe != null) {
      objective += addScaled(column, egressProbe, o.egress().doubleValue());
    }
    setColumn(v, column, objective);
  }

  /**
   * Adds {@code factor} times a probe's column (its coefficients read back from the rows it is in)
   * to {@code column}; returns {@code factor} times its objective coefficient.
   */
  private double addScaled(Map<MPConstraint, Double> column, MPVariable probe, double factor) {
    if (probeRows == null) probeRows = rowsOfProbes();
    for (MPConstraint row : probeRows.get(probe)) {
      column.merge(row, factor * row.getCoefficient(probe), Double::sum);
    }
    return factor * solver.objective().getCoefficient(probe);
  }

  /** Gives a late column its coefficients, its objective and its place in the consumption sums. */
  private void setColumn(MPVariable v, Map<MPConstraint, Double> column, double objective) {
    column.forEach((row, a) -> row.setCoefficient(v, a));
    solver.objective().setCoefficient(v, objective);
    addToConsumption(v, column);
  }

  /**
   * A column added late is in the minimum rows through its probe; the contract years' consumption
   * sums (read by {@link #valuesOf} to fix the no-padding binaries) must hold it too (issue 9
   * review: a late fleet split missing from them set {@code owes} to 1 where the whole model's is
   * 0).
   */
  private void addToConsumption(MPVariable v, Map<MPConstraint, Double> column) {
    // by row index: the solver hands out a new Java object for the same row at each call
    Map<Integer, Double> byIndex = new HashMap<>();
    column.forEach((row, a) -> byIndex.merge(row.index(), a, Double::sum));
    for (ShortfallYear s : shortfalls.values()) {
      Double a = byIndex.get(s.row().index());
      if (a != null && a != 0) s.consumption().add(v, a);
    }
  }

  /**
   * The rows of {@code rows} (this model, exported) that no gang option can be in, whether in the
   * model or not: the rows without a probe, other than the runs' own. Column bounds implied by them
   * hold for the whole model too ({@link ModelRows#dualBound}).
   */
  boolean[] rowsWithoutOptions(ModelRows rows) {
    if (usageProbe == null) throw new IllegalStateException("a model without probes");
    boolean[] probe = new boolean[solver.numVariables()];
    for (MPVariable p : probes()) probe[p.index()] = true;
    var model = rows.model();
    boolean[] out = new boolean[model.getConstraintCount()];
    for (int r = 0; r < out.length; r++) {
      var row = model.getConstraint(r);
      boolean free = true;
      for (int k = 0; k < row.getVarIndexCount() && free; k++) free = !probe[row.getVarIndex(k)];
      out[r] = free;
    }
    for (MPConstraint g : gangRows) out[g.index()] = false;
    return out;
  }

  /** Every probe of the model: usage per cell-month with capacity, egress per provider-year. */
  private List<MPVariable> probes() {
    List<MPVariable> out = new ArrayList<>();
    for (MPVariable[] row : usageProbe) for (MPVariable p : row) if (p != null) out.add(p);
    out.addAll(egressProbes.values());
    return out;
  }

  /** The rows each probe is in, read once from the exported model. */
  private Map<MPVariable, List<MPConstraint>> rowsOfProbes() {
    Map<Integer, MPVariable> probes = new HashMap<>();
    for (MPVariable p : probes()) probes.put(p.index(), p);
    var model = solver.exportModelToProto();
    MPConstraint[] rows = solver.constraints();
    Map<MPVariable, List<MPConstraint>> out = new HashMap<>();
    for (int r = 0; r < model.getConstraintCount(); r++) {
      var row = model.getConstraint(r);
      for (int k = 0; k < row.getVarIndexCount(); k++) {
        MPVariable p = probes.get(row.getVarIndex(k));
        if (p != null && row.getCoefficient(k) != 0) {
          out.computeIfAbsent(p, q -> new ArrayList<>()).add(rows[r]);
        }
      }
    }
    for (MPVariable p : probes.values()) out.putIfAbsent(p, List.of());
    return out;
  }

  /** Values of every variable for a complete assignment (the ROFR and logic binaries to fix). */
  Map<MPVariable, Double> valuesOf(Assignment a) {
    Map<MPVariable, Double> v = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) if (x[i] != null) v.put(x[i], 0.0);
    for (int j = 0; j < a.optionOfRun().length; j++)
      if (a.optionOfRun()[j] >= 0) v.put(x[a.optionOfRun()[j]], 1.0);
    for (FleetDemand d : data.demands) {
      for (int k = 0; k < y[d.index()].length; k++)
        if (y[d.index()][k] != null) v.put(y[d.index()][k], a.fleetHours()[d.index()][k] * GH);
    }
    double[][] used = a.usage(data);
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++) {
        double rest = used[c.index()][t] * GH;
        MPVariable r = reserved[c.index()][t];
        if (r != null) {
          double take = Math.min(rest, r.ub());
          v.put(r, take);
          rest -= take;
        }
        MPVariable u = onDemand[c.index()][t];
        if (u != null) v.put(u, Math.max(0, rest));
      }
    }
    for (ShortfallYear s : shortfalls.values()) {
      double consumed = 0;
      for (var e : s.consumption().terms.entrySet())
        consumed += e.getValue() * v.getOrDefault(e.getKey(), 0.0);
      v.put(s.shortfall(), Math.max(0, s.minimum().doubleValue() * USD - consumed));
    }
    if (unplaced != null) {
      for (int j = 0; j < unplaced.length; j++)
        v.put(unplaced[j], a.optionOfRun()[j] < 0 ? 1.0 : 0.0);
      for (FleetDemand d : data.demands) {
        double served = 0;
        for (int k = 0; k < y[d.index()].length; k++)
          if (y[d.index()][k] != null)
            served += d.cells().get(k).throughput() * a.fleetHours()[d.index()][k];
        double q = d.referenceGpuHours().doubleValue();
        v.put(unmet[d.index()], Math.max(0, q - served) * GH);
      }
    }
    for (Logic l : logic) v.put(l.binary(), v.getOrDefault(l.positive(), 0.0) > 1e-9 ? 1.0 : 0.0);
    for (RofrGroup g : rofrGroups) {
      double bought = 0;
      for (var e : g.newCapacity().terms.entrySet())
        bought += e.getValue() * v.getOrDefault(e.getKey(), 0.0);
      v.put(g.b(), bought > 1e-9 ? 1.0 : 0.0);
    }
    return v;
  }

  /** The assignment the solver found. */
  Assignment solution() {
    return solution(ModelRows.point(solver));
  }

  /** The assignment at a point of this model (values indexed as the solver's variables). */
  Assignment solution(double[] point) {
    return positions().solution(data, point);
  }

  /**
   * Where each gang option's x and each fleet split's y are among the solver's variables: what
   * reads an assignment off a point of this model after the solver is gone (or of a model exported
   * from it and loaded elsewhere, whose variables keep their order).
   */
  Positions positions() {
    int[] xAt = new int[x.length];
    for (int i = 0; i < xAt.length; i++) xAt[i] = x[i] == null ? -1 : x[i].index();
    int[][] yAt = new int[y.length][];
    for (int d = 0; d < yAt.length; d++) {
      yAt[d] = new int[y[d].length];
      for (int k = 0; k < yAt[d].length; k++) yAt[d][k] = y[d][k] == null ? -1 : y[d][k].index();
    }
    int[] unplacedAt = new int[unplaced == null ? 0 : unplaced.length];
    for (int j = 0; j < unplacedAt.length; j++) unplacedAt[j] = unplaced[j].index();
    return new Positions(xAt, yAt, unplacedAt);
  }

  /**
   * Variable indices of the options' x ({@code x[option]}), the fleets' y and a recourse's unplaced
   * columns (empty without one).
   */
  record Positions(int[] x, int[][] y, int[] unplaced) {
    /**
     * Each run at its option with the largest x (the first of equals), unplaced when a recourse's
     * unplaced column is at least as large; fleets at their y.
     */
    Assignment solution(PlanData data, double[] point) {
      Assignment a = Assignment.empty(data);
      for (int j = 0; j < data.runs.size(); j++) {
        double best = unplaced.length == 0 ? -1 : point[unplaced[j]];
        for (GangOption o : data.optionsByRun.get(j)) {
          if (x[o.index()] < 0) continue; // not in the model
          double v = point[x[o.index()]];
          if (v > best) {
            best = v;
            a.optionOfRun()[j] = o.index();
          }
        }
      }
      for (FleetDemand d : data.demands) {
        for (int k = 0; k < y[d.index()].length; k++) {
          int at = y[d.index()][k];
          a.fleetHours()[d.index()][k] = at < 0 ? 0 : Math.max(0, point[at] / GH);
        }
      }
      return a;
    }
  }

  /** Fixes each ROFR binary of a FIXED_LP model at its value in the chosen plan. */
  void fixRofr(Map<MPVariable, Double> values) {
    for (RofrGroup g : rofrGroups) {
      double v = Math.round(values.getOrDefault(g.b(), 0.0));
      g.b().setBounds(v, v);
    }
    for (Logic l : logic) {
      double v = Math.round(values.getOrDefault(l.binary(), 0.0));
      l.binary().setBounds(v, v);
    }
  }
}
