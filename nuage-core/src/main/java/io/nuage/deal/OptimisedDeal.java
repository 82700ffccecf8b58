package io.nuage.deal;

import io.nuage.risk.Estimate;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The deal's minimums chosen by the sample-average approximation, with its statistical bounds
 * (docs/deals.md sections 5-6; docs/deal-json.md, "--optimise"). Money is in the scenario's
 * currency, to the cent, from the second stage's LP values (double precision inside the solver).
 *
 * @param futures the sample of the main solve (per replication)
 * @param replications the independent samples the lower bound averages (1 when exact)
 * @param freshFutures the fresh sample the upper bound, VSS and EVPI are measured on
 * @param signs false when not signing is the sample problem's best answer
 * @param discount the discount of the chosen tier; null when not signing
 * @param minimums the recommended yearly minimums (empty when not signing)
 * @param sampleValue the sample problem's value at the answer
 * @param sampleBound a proven lower bound on the sample problem's optimum
 * @param decompositionGap {@code (sampleValue − sampleBound)/sampleValue}, 6 decimals
 * @param expectedCost the answer's expected cost in money on the fresh sample (the objective less
 *     the recourse's steering, docs/risk.md section 2.0)
 * @param steering the mean steering on the fresh sample at the answer: {@code upperBound −
 *     expectedCost}, zero when no future exceeds a share cap or leaves work unserved
 * @param notSigned the expected cost in money without the deal, on the fresh sample
 * @param saving the expected saving of the answer against not signing, paired, fresh sample
 * @param costsMoreProbability P(the answer costs more than not signing in the same fresh future)
 * @param lowerBound the mean of the replications' bounds: {@code E v_N ≤ v*}
 * @param lowerLimit its one-sided 97.5% limit {@code L − t s_L/√M}
 * @param upperBound the answer's expected cost on the fresh sample
 * @param upperLimit its one-sided 97.5% limit {@code U + t s_U/√N'}
 * @param gapLimit {@code upperLimit − lowerLimit}: the optimality gap's upper limit, holding with
 *     at least 95% confidence (both one-sided limits at once, Bonferroni)
 * @param vss the value of the stochastic solution, paired on the fresh sample
 * @param evpi the expected value of perfect information, paired on the fresh sample
 * @param writtenAboveBest how far the written total is above the recommended one, in percent; null
 *     when not signing is best
 * @param cvarLimit the CVaR limit the answer was chosen within and its check; null without one
 * @param reservation the GPUs of a reserved-capacity contract sized (docs/deals.md section 5.1);
 *     null for a committed-spend one
 */
public record OptimisedDeal(
    String scenario,
    String currency,
    String contract,
    String provider,
    long seed,
    long futures,
    boolean exact,
    int replications,
    long freshFutures,
    String secondStage,
    boolean signs,
    @Nullable BigDecimal discount,
    List<BigDecimal> minimums,
    BigDecimal commitment,
    BigDecimal sampleValue,
    BigDecimal sampleBound,
    BigDecimal decompositionGap,
    int iterations,
    boolean converged,
    Estimate expectedCost,
    Estimate steering,
    Estimate notSigned,
    Estimate saving,
    Estimate costsMoreProbability,
    Estimate lowerBound,
    BigDecimal lowerLimit,
    Estimate upperBound,
    BigDecimal upperLimit,
    BigDecimal gap,
    BigDecimal gapLimit,
    Estimate vss,
    Estimate evpi,
    @Nullable BigDecimal writtenAboveBest,
    @Nullable CvarCheck cvarLimit,
    @Nullable BreakEven breakEven,
    List<String> notes,
    @Nullable Reservation reservation) {
  public OptimisedDeal {
    minimums = List.copyOf(minimums);
    notes = List.copyOf(notes);
  }

  /**
   * A CVaR limit ({@code --risk cvarNN --max X}) and the answer's CVaR.
   *
   * @param measure its name, such as {@code CVaR95}
   * @param level its level, such as 0.95
   * @param max the most it may be
   * @param sample the answer's CVaR on the main sample, which the optimisation held within {@code
   *     max} (to a billionth of it, {@code CvarLimit.allows})
   * @param fresh the answer's CVaR on the fresh sample, with its standard error
   * @param met whether {@code fresh} is at or below {@code max}
   * @param expectedValueDecision the expected-value decision's CVaR (of the sample problem's
   *     objective) on the fresh sample: the decision VSS compares with, chosen with {@code Q(m, ξ̄)
   *     ≤ max} (docs/deals.md section 6)
   * @param expectedValueMet whether {@code expectedValueDecision} is at or below {@code max}
   * @param expectedValueWithin whether some decision met {@code Q(m, ξ̄) ≤ max} on the expected
   *     future (if none did, the expected-value decision is the one chosen without the limit)
   */
  public record CvarCheck(
      String measure,
      BigDecimal level,
      BigDecimal max,
      BigDecimal sample,
      Estimate fresh,
      boolean met,
      BigDecimal expectedValueDecision,
      boolean expectedValueMet,
      boolean expectedValueWithin) {}

  /**
   * A reserved-capacity contract's size (docs/deals.md section 5.1).
   *
   * @param gpus the recommended whole GPUs (0 when not signing): the better of the two whole counts
   *     around {@code continuousGpus} on the main sample
   * @param continuousGpus the sample problem's continuous optimum, 3 decimals
   * @param replicationsMean the mean of the replications' whole-GPU answers (the main one first)
   * @param replicationsLow {@code mean − t_{M−1,0.975} s/√M} (the mean itself when exact)
   * @param replicationsHigh {@code mean + t_{M−1,0.975} s/√M}
   * @param fee the recommended GPUs' fee over the horizon: {@code gpus · feePerGpu}
   * @param feePerGpu one GPU's fee over the term's months inside the horizon
   */
  public record Reservation(
      int gpus,
      BigDecimal continuousGpus,
      BigDecimal replicationsMean,
      BigDecimal replicationsLow,
      BigDecimal replicationsHigh,
      BigDecimal fee,
      BigDecimal feePerGpu) {}

  /** The same answer with the written deal's break-even. */
  public OptimisedDeal withBreakEven(BreakEven b) {
    return new OptimisedDeal(
        scenario,
        currency,
        contract,
        provider,
        seed,
        futures,
        exact,
        replications,
        freshFutures,
        secondStage,
        signs,
        discount,
        minimums,
        commitment,
        sampleValue,
        sampleBound,
        decompositionGap,
        iterations,
        converged,
        expectedCost,
        steering,
        notSigned,
        saving,
        costsMoreProbability,
        lowerBound,
        lowerLimit,
        upperBound,
        upperLimit,
        gap,
        gapLimit,
        vss,
        evpi,
        writtenAboveBest,
        cvarLimit,
        b,
        notes,
        reservation);
  }
}
