package io.nuage.deal;

import io.nuage.plan.CutMaster;
import io.nuage.plan.SecondStage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The multi-cut L-shaped method on one tier's sample (docs/deals.md section 5): the futures' second
 * stages evaluated at the master's minimums, one cut per future per iteration, until the best
 * evaluated point is within {@code gap} of the master's proven bound.
 */
final class LShaped {
  private LShaped() {}

  /**
   * @param minimums the best minimums evaluated (dollars per contract year)
   * @param upper the sample average of the futures' values at them
   * @param lower a proven lower bound on the sample problem's optimum (the master's dual bound)
   * @param values each future's value at {@code minimums}
   */
  record Result(
      double[] minimums,
      double upper,
      double lower,
      int iterations,
      boolean converged,
      double[] values) {
    double gap() {
      return upper == 0 ? 0 : Math.max(0, (upper - lower) / Math.abs(upper));
    }
  }

  /**
   * @param stages one per future, each holding the tier's discount
   * @param weights each future's probability
   * @param lo each year's smallest minimum
   * @param hi each year's largest
   * @param sumLo the tier's smallest total
   * @param sumHi the tier's largest total
   * @param cutoff another alternative's value: once the master's bound reaches it this tier cannot
   *     do better, and the method stops (its bound stays a bound)
   * @param limit a CVaR limit on the futures' values, or null
   * @param step told before each iteration; it may stop the method by throwing
   * @param pool evaluates the futures side by side; null: one after the other, on this thread
   */
  static Result solve(
      List<SecondStage> stages,
      double[] weights,
      double[] lo,
      double[] hi,
      double sumLo,
      double sumHi,
      double gap,
      int maxIterations,
      double cutoff,
      @Nullable CvarLimit limit,
      Runnable step,
      @Nullable ExecutorService pool) {
    return solve(
        stages, weights, lo, hi, sumLo, sumHi, gap, maxIterations, cutoff, limit, step, pool, null);
  }

  /**
   * @param reservation the GPUs' fee per GPU when the first stage is a reservation's size
   *     (docs/deals.md section 5.1): the master scales them as that money, and adds no floor (a
   *     bigger reservation can lower a future's value); null for minimums
   */
  static Result solve(
      List<SecondStage> stages,
      double[] weights,
      double[] lo,
      double[] hi,
      double sumLo,
      double sumHi,
      double gap,
      int maxIterations,
      double cutoff,
      @Nullable CvarLimit limit,
      Runnable step,
      @Nullable ExecutorService pool,
      @Nullable Double reservation) {
    double perUnit = reservation == null ? 1 : Math.max(reservation, 1);
    try (CutMaster master = new CutMaster(lo, hi, sumLo, sumHi, weights, perUnit)) {
      if (limit != null) master.limitCvar(limit.level().doubleValue(), limit.max().doubleValue());
      // Q is nondecreasing in the minimums: its value at the smallest bounds it everywhere
      List<SecondStage.Value> atLo = evaluate(stages, lo, pool);
      for (int j = 0; j < stages.size(); j++) {
        if (reservation == null) master.floor(j, atLo.get(j).bound());
        master.cut(j, atLo.get(j).bound(), atLo.get(j).slope(), lo);
      }
      double bestUpper = Double.POSITIVE_INFINITY;
      double[] best = null;
      double[] bestValues = null;
      double lower = Double.NEGATIVE_INFINITY;
      double total = 0;
      for (double v : lo) total += v;
      if (total >= sumLo && total <= sumHi && meets(limit, atLo, weights)) {
        bestUpper = average(atLo, weights);
        best = lo.clone();
        bestValues = objectives(atLo);
      }
      int iterations = 0;
      boolean converged = false;
      while (iterations < maxIterations) {
        iterations++;
        step.run();
        CutMaster.Solution s = master.solveWithinLimit();
        if (s == null && best != null) // the limit's edge: keep the point that met it
        return new Result(best, bestUpper, lower, iterations, true, bestValues);
        if (s == null) // proven: no minimums of the tier meet the CVaR limit on these futures
        return new Result(
              lo.clone(),
              Double.POSITIVE_INFINITY,
              Double.POSITIVE_INFINITY,
              iterations,
              true,
              objectives(atLo));
        lower = Math.max(lower, s.lowerBound());
        if (lower >= cutoff) break;
        List<SecondStage.Value> at = evaluate(stages, s.minimums(), pool);
        double upper = average(at, weights);
        if (upper < bestUpper && meets(limit, at, weights)) {
          bestUpper = upper;
          best = s.minimums();
          bestValues = objectives(at);
        }
        // no point meeting the limit yet: ∞ − lower ≤ gap · ∞ is no convergence
        if (best != null && bestUpper - lower <= gap * Math.abs(bestUpper)) {
          converged = true;
          break;
        }
        for (int j = 0; j < stages.size(); j++)
          master.cut(j, at.get(j).bound(), at.get(j).slope(), s.minimums());
      }
      if (best == null) // cut off before any point of the tier was evaluated
      return new Result(
            lo.clone(), Double.POSITIVE_INFINITY, lower, iterations, false, objectives(atLo));
      return new Result(best, bestUpper, lower, iterations, converged, bestValues);
    }
  }

  /**
   * Whether the values meet the CVaR limit to a billionth of X (CvarLimit.allows) (always, without
   * one).
   */
  private static boolean meets(
      @Nullable CvarLimit limit, List<SecondStage.Value> at, double[] weights) {
    return limit == null
        || limit.allows(CvarLimit.cvar(objectives(at), weights, limit.level().doubleValue()));
  }

  private static double average(List<SecondStage.Value> values, double[] weights) {
    double sum = 0;
    for (int j = 0; j < values.size(); j++) sum += weights[j] * values.get(j).objective();
    return sum;
  }

  private static double[] objectives(List<SecondStage.Value> values) {
    return values.stream().mapToDouble(SecondStage.Value::objective).toArray();
  }

  /** Every stage at {@code minimums}, on the pool; the answers in the stages' order. */
  static List<SecondStage.Value> evaluate(
      List<SecondStage> stages, double[] minimums, @Nullable ExecutorService pool) {
    if (pool == null) return stages.stream().map(s -> s.at(minimums)).toList();
    List<Callable<SecondStage.Value>> jobs = new ArrayList<>();
    for (SecondStage s : stages) jobs.add(() -> s.at(minimums));
    return all(pool, jobs);
  }

  static <T> List<T> all(ExecutorService pool, List<Callable<T>> jobs) {
    try {
      List<T> out = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(jobs)) out.add(f.get());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving the deal", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }
}
