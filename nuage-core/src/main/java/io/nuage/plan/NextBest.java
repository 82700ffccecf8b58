package io.nuage.plan;

import java.math.BigDecimal;

/** A training run's cheapest alternative to its chosen placement, priced on its own. */
public record NextBest(String workload, String placement, BigDecimal cost, BigDecimal chosenCost) {}
