package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import io.nuage.contract.ReservedCapacity;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The second stage of a deal (docs/deals.md section 5): one future's recourse model as an LP (the
 * gangs and every binary relaxed), built once, in which the deal's yearly minimums are only the
 * right-hand sides of its shortfall rows, so that each evaluation changes {@code Y} bounds and
 * re-solves from the last basis. Each answer is checked: the point against every row and bound, and
 * the value's lower bound taken from the duals alone ({@link ModelRows#dualBound}), so a cut made
 * from it is valid whatever the solver's tolerances.
 */
public final class SecondStage implements AutoCloseable {
  /**
   * The second stage at some minimums.
   *
   * @param objective the LP's objective at its checked point plus the fixed cost (dollars): what
   *     serving the future costs at these minimums, with the recourse's penalties
   * @param bound a lower bound on that value from the duals (dollars)
   * @param slope {@code bound}'s derivative in each yearly minimum (dollars per dollar): {@code
   *     bound + slope · (m' − m)} bounds the value at every other {@code m'} from below
   * @param steering the part of {@code objective} that steers and is not money (docs/risk.md
   *     section 2.0: the share-cap excess and the unmet and unplaced steering), at the checked
   *     point; at least 0
   */
  public record Value(double objective, double bound, double[] slope, double steering) {
    /** What the future costs in money at these minimums: the objective less its steering. */
    public double money() {
      return objective - steering;
    }
  }

  /**
   * A reservation to size (docs/deals.md section 5.1): its GPUs {@code G ∈ [lo, hi]} are the first
   * stage, its fee is left out of the fixed cost and paid as {@code feePerGpu · G}.
   *
   * @param contract the reservation, as the future's scenario holds it
   */
  public record Reservation(ReservedCapacity contract, double lo, double hi) {}

  /**
   * A row whose bound on one side is {@code base + x_index · ratio · unit} ({@code lower}: its
   * lower bound, the other side infinite; else its upper bound): the first stage's variable {@code
   * index} as a right-hand side.
   */
  private record Link(
      MPConstraint row, int index, double base, double unit, double ratio, boolean lower) {}

  private final PlanData data;
  private final @Nullable String contract;
  private final @Nullable Reservation reservation;
  private final double fixed;
  private final double feePerGpu;
  private final double timeLimitSeconds;
  private MPSolver lp;
  private List<Link> links = new ArrayList<>();
  private int dimension;
  private List<PlanModel.Steer> steering = new ArrayList<>();
  private boolean clp;

  /**
   * @param future the future's scenario, with the deal (if any) at its widest minimums: a
   *     shortfall's bound in the model is twice its minimum, so no later minimum may exceed them
   * @param contract the deal's id; null for a future without one (only {@link #at} with no years)
   */
  public SecondStage(
      Scenario future, RecourseTerms terms, @Nullable String contract, PlanOptions options) {
    this(future, terms, contract, null, options);
  }

  /**
   * The second stage of sizing {@code reservation} (docs/deals.md section 5.1): {@link #at} takes
   * its GPUs and adds its fee.
   */
  public SecondStage(
      Scenario future, RecourseTerms terms, Reservation reservation, PlanOptions options) {
    this(future, terms, null, reservation, options);
  }

  private SecondStage(
      Scenario future,
      RecourseTerms terms,
      @Nullable String contract,
      @Nullable Reservation reservation,
      PlanOptions options) {
    this.data = new PlanData(future, options.maxGangOptions(), null, terms);
    this.contract = contract;
    this.reservation = reservation;
    this.timeLimitSeconds = options.timeLimitSeconds();
    String sized = reservation == null ? null : reservation.contract().id();
    this.fixed = FixedCosts.of(data, sized).total().doubleValue();
    this.feePerGpu = reservation == null ? 0 : feePerGpu(data, reservation.contract());
    this.lp = Natives.solver(RelaxAndRound.LP);
    build();
  }

  /**
   * The fee of one GPU of {@code k} over the horizon: its price times the hours of every month of
   * its term inside the horizon (paid even where the provider is lost, as the planner's fixed
   * cost).
   */
  static double feePerGpu(PlanData data, ReservedCapacity k) {
    java.math.BigDecimal hours = java.math.BigDecimal.ZERO;
    for (int t = 0; t < data.monthCount(); t++)
      if (k.term().contains(data.months.get(t))) hours = hours.add(data.hours[t]);
    return k.pricePerGpuHour().multiply(hours).doubleValue();
  }

  /** Builds the model on {@link #lp}; the rows the first stage moves. */
  private void build() {
    PlanModel m = new PlanModel(data, lp, PlanModel.Mode.MIP, null);
    if (contract != null) m.withoutShortfallLogic(contract);
    Reservation r = reservation;
    if (r != null) m.sizeReservation(r.contract(), r.lo(), r.hi());
    m.build();
    steering = List.copyOf(m.steering);
    links = new ArrayList<>();
    for (PlanModel.ShortfallYear y : m.shortfalls.values()) {
      if (!y.contract().id().equals(contract)) continue;
      // a contract year cut by the horizon keeps its pro-rated part of any minimum
      links.add(new Link(y.row(), links.size(), 0, PlanModel.USD, y.proRating(), true));
    }
    dimension = links.size();
    if (r != null) {
      for (PlanModel.SizedRow row : m.sizedRows)
        links.add(new Link(row.row(), 0, row.base(), 1, row.ratio(), false));
      dimension = 1;
    }
  }

  /**
   * The first stage's variables {@link #at} takes: the deal's contract years inside the horizon, or
   * the one GPU count of a reservation.
   */
  public int years() {
    return dimension;
  }

  /**
   * The second stage with yearly minimums {@code minimums} (dollars, one per contract year, the
   * full year's: a year cut by the horizon is pro-rated here as the planner does).
   *
   * @throws IllegalStateException when the LP has no optimum in time, or its point or bound does
   *     not hold
   */
  public Value at(double[] minimums) {
    if (minimums.length != dimension)
      throw new IllegalArgumentException(
          "expected " + dimension + " minimums, got " + minimums.length);
    MPSolver.ResultStatus status = solve(minimums);
    if (status == MPSolver.ResultStatus.ABNORMAL && !clp) {
      // GLOP answered ABNORMAL with every parameter set (seen on the example's futures after a
      // change of right-hand sides): the same model on CLP, built afresh, from then on
      lp.delete();
      lp = Natives.solver("CLP");
      clp = true;
      build();
      status = solve(minimums);
    }
    ModelRows.CheckedOptimum checked = ModelRows.checkedOptimum(lp, status, "the second-stage LP");
    double[] slope = new double[dimension];
    for (Link l : links) {
      // the bound's derivative in the row's bound: its dual, on the side it presses on
      double dual = checked.duals()[l.row().index()];
      slope[l.index()] +=
          (l.lower() ? Math.max(0, dual) : Math.min(0, dual)) * l.unit() * l.ratio();
    }
    double steer = 0;
    for (PlanModel.Steer s : steering) steer += s.coefficient() * s.variable().solutionValue();
    if (reservation != null) {
      // the first stage's fee, linear in G: in the value, its bound and its slope
      double fee = feePerGpu * minimums[0];
      slope[0] += feePerGpu;
      return new Value(
          lp.objective().value() + fixed + fee,
          checked.bound() + fixed + fee,
          slope,
          Math.max(0, steer));
    }
    return new Value(
        lp.objective().value() + fixed, checked.bound() + fixed, slope, Math.max(0, steer));
  }

  private MPSolver.ResultStatus solve(double[] minimums) {
    for (Link l : links) {
      double side = minimums[l.index()] * l.ratio() * l.unit();
      if (l.lower()) l.row().setBounds(l.base() == 0 ? side : l.base() + side, PlanModel.INFINITY);
      else l.row().setBounds(-PlanModel.INFINITY, l.base() + side);
    }
    MPSolver.ResultStatus status = MPSolver.ResultStatus.ABNORMAL;
    if (clp) {
      lp.setTimeLimit((long) (timeLimitSeconds * 1000));
      return Natives.solve(lp);
    }
    boolean first = true;
    for (String params : RelaxAndRound.RECOURSE_LP) {
      lp.setSolverSpecificParametersAsString(params);
      if (!first) lp.reset();
      first = false;
      lp.setTimeLimit((long) (timeLimitSeconds * 1000));
      status = Natives.solve(lp);
      if (status != MPSolver.ResultStatus.ABNORMAL) break;
    }
    return status;
  }

  @Override
  public void close() {
    lp.delete();
  }
}
