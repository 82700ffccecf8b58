package io.nuage.plan;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A naive plan priced with the planner's cost function; {@code totalCost} is null if infeasible.
 */
public record Baseline(
    String name, boolean feasible, @Nullable BigDecimal totalCost, String note) {}
