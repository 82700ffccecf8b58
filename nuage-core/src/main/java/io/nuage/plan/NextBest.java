package io.nuage.plan;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A training run's best alternative in another region or on another accelerator: what the plan
 * would cost more if the run went there ({@code extraCost}, priced at the plan's shadow prices, a
 * first-order estimate; null when the shadow prices could not be computed), and what that placement
 * costs on its own at its effective rates. A run with no other region or accelerator it could use
 * has {@code placement} {@value #NONE} and both figures null.
 */
public record NextBest(
    String workload,
    String placement,
    @Nullable BigDecimal extraCost,
    @Nullable BigDecimal standAloneCost) {
  public static final String NONE = "no alternative";

  static NextBest none(String workload) {
    return new NextBest(workload, NONE, null, null);
  }
}
