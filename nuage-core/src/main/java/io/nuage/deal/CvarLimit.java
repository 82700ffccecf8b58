package io.nuage.deal;

import io.nuage.core.NuageException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * {@code --risk cvarNN --max X}: the deal's minimums are chosen among those whose CVaR at {@code
 * level} of the total cost over the sample stays at or below {@code max} (docs/deals.md section 5,
 * "CVaR limit").
 *
 * @param level the CVaR level, strictly between 0 and 1 (0.95 for CVaR95)
 * @param max the most the CVaR may be, in the scenario's currency
 */
public record CvarLimit(BigDecimal level, BigDecimal max) {
  public CvarLimit {
    if (level.signum() <= 0 || level.compareTo(BigDecimal.ONE) >= 0)
      throw new NuageException(
          "--risk: a CVaR level must be strictly between 0 and 1 (got "
              + level.toPlainString()
              + ", such as cvar95 for 0.95)");
    if (max.signum() <= 0)
      throw new NuageException(
          "--max: expected the most CVaR"
              + level.movePointRight(2).stripTrailingZeros().toPlainString()
              + " may be, an amount above 0 (got "
              + max.toPlainString()
              + ")");
  }

  private static final java.util.regex.Pattern MEASURE =
      java.util.regex.Pattern.compile("(?i)cvar(\\d{1,3}(?:\\.\\d{1,6})?)");

  /**
   * {@code --risk cvarNN --max X}: the CVaR at level NN% (such as {@code cvar95}, {@code cvar97.5})
   * at most {@code max}.
   */
  public static CvarLimit of(String measure, BigDecimal max) {
    java.util.regex.Matcher m = MEASURE.matcher(measure.strip());
    if (!m.matches())
      throw new NuageException(
          "--risk: expected cvarNN, the CVaR at level NN% such as cvar95 (got " + measure + ")");
    return new CvarLimit(new BigDecimal(m.group(1)).movePointLeft(2), max);
  }

  /** The name of the measure, such as {@code CVaR95}. */
  public String name() {
    return "CVaR" + level.movePointRight(2).stripTrailingZeros().toPlainString();
  }

  /**
   * Whether values whose CVaR is {@code cvar} meet the limit: at or below it, to the solver's
   * arithmetic (a billionth of it), the same rule as the master's row and the proof of
   * infeasibility (docs/deals.md section 5).
   */
  boolean allows(double cvar) {
    double m = max.doubleValue();
    return cvar <= m + 1e-9 * Math.max(1, Math.abs(m));
  }

  /**
   * The CVaR at {@code level} of values with probabilities {@code weights} (summing to 1): the mean
   * of the worst {@code 1 − level} of the mass, a value straddling the boundary counting for its
   * part inside (Rockafellar-Uryasev's {@code min_η η + E(v − η)^+/(1 − level)}).
   */
  static double cvar(double[] values, double[] weights, double level) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
    double tail = 1 - level;
    double left = tail;
    double sum = 0;
    for (int k = 0; k < order.length && left > 0; k++) {
      double w = Math.min(weights[order[k]], left);
      sum += w * values[order[k]];
      left -= w;
    }
    return sum / (tail - Math.max(0, left));
  }
}
