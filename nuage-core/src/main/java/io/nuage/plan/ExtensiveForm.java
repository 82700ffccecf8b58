package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.scenario.Scenario;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deal's sample problem for one discount tier as one LP (docs/deals.md section 5, "Extensive
 * form"): the yearly minimums {@code m}, and each future's second stage weighed by its probability,
 * whose shortfall rows read {@code s + consumption − r m_y ≥ 0}. Solved here (checked point, bound
 * from the duals) and exportable as MPS for an outside solver.
 */
public final class ExtensiveForm implements AutoCloseable {
  /**
   * The extensive form's answer.
   *
   * @param objective its objective at the checked point plus the weighed fixed costs (dollars)
   * @param bound a lower bound on its optimum from the duals, plus the same fixed costs
   * @param minimums the point's yearly minimums (dollars)
   */
  public record Solution(double objective, double bound, double[] minimums) {}

  private final MPSolver lp;
  private final MPVariable[] m;
  private final double unit;
  private final double fixed;

  /**
   * @param futures each future's scenario, with the deal at its widest minimums
   * @param terms each future's recourse terms
   * @param weights each future's probability
   */
  public ExtensiveForm(
      List<Scenario> futures,
      List<RecourseTerms> terms,
      double[] weights,
      String contract,
      double[] lo,
      double[] hi,
      double sumLo,
      double sumHi,
      PlanOptions options) {
    this(futures, terms, weights, contract, null, lo, hi, sumLo, sumHi, options);
  }

  /**
   * The sample problem of sizing {@code reservation} (docs/deals.md section 5.1): one column {@code
   * G} (GPUs) at the fee per GPU, the rows {@code reserved − h G ≤ Res' h} and {@code ondemand + h
   * G ≤ Cap' h} in every copy.
   *
   * @param futures each future's scenario, with the reservation as written
   */
  public ExtensiveForm(
      List<Scenario> futures,
      List<RecourseTerms> terms,
      double[] weights,
      SecondStage.Reservation reservation,
      PlanOptions options) {
    this(
        futures,
        terms,
        weights,
        reservation.contract().id(),
        reservation,
        new double[] {reservation.lo()},
        new double[] {reservation.hi()},
        reservation.lo(),
        reservation.hi(),
        options);
  }

  private ExtensiveForm(
      List<Scenario> futures,
      List<RecourseTerms> terms,
      double[] weights,
      String contract,
      SecondStage.@Nullable Reservation reservation,
      double[] lo,
      double[] hi,
      double sumLo,
      double sumHi,
      PlanOptions options) {
    this.lp = Natives.solver(RelaxAndRound.LP);
    this.m = new MPVariable[lo.length];
    // minimums in $M, as the rows they enter; a reservation's GPUs as they are
    this.unit = reservation == null ? PlanModel.USD : 1;
    MPConstraint total =
        lp.makeConstraint(
            sumLo * unit, Double.isInfinite(sumHi) ? MPSolver.infinity() : sumHi * unit, "total");
    for (int y = 0; y < lo.length; y++) {
      m[y] = lp.makeNumVar(lo[y] * unit, hi[y] * unit, "m[" + y + "]");
      total.setCoefficient(m[y], 1);
    }
    double fixedSum = 0;
    double fee = 0;
    for (int j = 0; j < futures.size(); j++) {
      PlanData data = new PlanData(futures.get(j), options.maxGangOptions(), null, terms.get(j));
      PlanModel model =
          new PlanModel(data, lp, PlanModel.Mode.MIP, null).withObjectiveWeight(weights[j]);
      if (reservation == null) model.withoutShortfallLogic(contract);
      else model.sizeReservation(reservation.contract(), reservation.lo(), reservation.hi());
      model.build();
      if (reservation == null) {
        for (PlanModel.ShortfallYear y : model.shortfalls.values()) {
          if (!y.contract().id().equals(contract)) continue;
          y.row().setBounds(0, MPSolver.infinity());
          y.row().setCoefficient(m[y.year()], -y.proRating());
        }
        fixedSum += weights[j] * FixedCosts.of(data).total().doubleValue();
      } else {
        for (PlanModel.SizedRow r : model.sizedRows) {
          r.row().setBounds(-MPSolver.infinity(), r.base());
          r.row().setCoefficient(m[0], -r.ratio());
        }
        fixedSum += weights[j] * FixedCosts.of(data, contract).total().doubleValue();
        fee += weights[j] * SecondStage.feePerGpu(data, reservation.contract());
      }
    }
    if (reservation != null) lp.objective().setCoefficient(m[0], fee);
    this.fixed = fixedSum;
    lp.objective().setMinimization();
  }

  /** The weighed fixed costs: the constant the objective leaves out. */
  public double fixedCost() {
    return fixed;
  }

  /** The model as MPS text and the same model as a proto, for an outside solver. */
  public record Export(MPModelProto model, String mps) {}

  /**
   * The LP for an outside solver: each future's copy names its columns and rows as the planner
   * does, so every name is replaced by its position in OR-Tools' own form ({@code
   * auto_v_000000017}), and integrality is dropped (the second stage is the relaxation).
   */
  public Export export() {
    MPModelProto.Builder b = lp.exportModelToProto().toBuilder();
    for (int i = 0; i < b.getVariableCount(); i++)
      b.getVariableBuilder(i).setName(String.format("auto_v_%09d", i)).setIsInteger(false);
    for (int i = 0; i < b.getConstraintCount(); i++)
      b.getConstraintBuilder(i).setName(String.format("auto_c_%09d", i));
    MPModelProto model = b.build();
    return new Export(model, MpsWriter.write(model));
  }

  /**
   * @throws IllegalStateException when the LP has no optimum, or its point or bound does not hold
   */
  public Solution solve() {
    lp.setSolverSpecificParametersAsString("use_preprocessing: false, use_dual_simplex: true");
    MPSolver.ResultStatus status = Natives.solve(lp);
    double bound = ModelRows.checkedOptimum(lp, status, "the deal's extensive form").bound();
    double[] at = new double[m.length];
    for (int y = 0; y < m.length; y++) at[y] = m[y].solutionValue() / unit;
    return new Solution(lp.objective().value() + fixed, bound + fixed, at);
  }

  @Override
  public void close() {
    lp.delete();
  }
}
