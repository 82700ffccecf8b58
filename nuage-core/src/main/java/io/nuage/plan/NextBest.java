package io.nuage.plan;

import java.math.BigDecimal;

/**
 * A training run's best alternative in another region or on another accelerator: what the plan
 * would cost more if the run went there ({@code extraCost}, priced at the plan's shadow prices, a
 * first-order estimate), and what that placement costs on its own at its effective rates.
 */
public record NextBest(
    String workload, String placement, BigDecimal extraCost, BigDecimal standAloneCost) {}
