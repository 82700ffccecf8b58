package io.nuage.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the signed contracts cost over the drawn futures (docs/risk.md section 3;
 * docs/risk-json.md). Money is in the scenario's currency, to the cent; probabilities have 6
 * decimals; every estimate carries its standard error (0 when the futures were enumerated).
 *
 * @param futures how many futures were served (drawn, or enumerated)
 * @param exact true when every future was enumerated with its probability
 * @param asWritten the scenario as written solved as {@code nuage plan} solves it: the plan's total
 *     (the recourse cost when it has no plan; docs/risk.md section 2.2)
 * @param asWrittenByRecourse the scenario as written served by the futures' recourse: the reference
 *     of every difference ({@link SourceCost#delta})
 * @param meanUnmetPenalty the expected cost of unmet demand at the stated penalty
 * @param meanBilled the expected cost less the unmet penalty: what the providers would bill
 * @param unmetPenaltyPerGpuHour what a reference GPU-hour of unmet demand is priced at in every
 *     cost figure: the scenario's assumption, not a bill
 * @param meanGap the mean relative gap {@code (T - B)/T} of the recourse plans: how much of the
 *     spread may be optimisation rather than the future
 */
public record RiskReport(
    String scenario,
    String currency,
    String policy,
    long seed,
    long futures,
    boolean exact,
    BigDecimal asWritten,
    BigDecimal asWrittenByRecourse,
    Estimate meanCost,
    Estimate meanUnmetPenalty,
    Estimate meanBilled,
    List<Quantile> quantiles,
    Estimate cvar95,
    Estimate breachProbability,
    List<YearCost> years,
    BigDecimal meanGap,
    List<YearRisk> contractYears,
    List<YearRisk> providerYears,
    List<SourceCost> sources,
    List<Convergence> convergence,
    BigDecimal unmetPenaltyPerGpuHour) {
  public RiskReport {
    quantiles = List.copyOf(quantiles);
    years = List.copyOf(years);
    contractYears = List.copyOf(contractYears);
    providerYears = List.copyOf(providerYears);
    sources = List.copyOf(sources);
    convergence = List.copyOf(convergence);
  }

  /**
   * The cost of one calendar year over the futures (docs/risk.md section 3, "Cost per year"): as
   * written, its mean, and its lower empirical quantiles (P5, P25, P50, P75, P95): a fan chart.
   */
  public record YearCost(
      int year, BigDecimal asWritten, Estimate mean, List<YearQuantile> quantiles) {
    public YearCost {
      quantiles = List.copyOf(quantiles);
    }
  }

  /** The {@code p} quantile of a year's cost. */
  public record YearQuantile(BigDecimal p, BigDecimal value) {}

  /** The {@code p} quantile of the total cost and its 95% order-statistic interval. */
  public record Quantile(BigDecimal p, BigDecimal value, BigDecimal low, BigDecimal high) {}

  /**
   * A contract year's shortfall ({@code key} = contract) or a provider-year's spend above its cap
   * ({@code key} = provider): the probability it is above 0, its mean (0 where none) and its P95.
   */
  public record YearRisk(
      String key, int year, Estimate probability, Estimate expected, BigDecimal p95) {}

  /**
   * The mean cost when only {@code source} is drawn, and its difference from the scenario as
   * written served by the same recourse.
   */
  public record SourceCost(String source, long futures, Estimate meanCost, BigDecimal delta) {}

  /** The standard error of the mean cost after the first {@code futures} futures. */
  public record Convergence(long futures, BigDecimal standardError) {}
}
