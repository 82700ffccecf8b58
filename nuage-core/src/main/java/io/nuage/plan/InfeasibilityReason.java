package io.nuage.plan;

import org.jspecify.annotations.Nullable;

/**
 * Why a scenario has no plan, in a planner's words. {@code kind} is one of no-allowed-region,
 * window-too-short, gang-too-large, fleet-demand-exceeds-capacity, joint-capacity, joint-demand,
 * joint-share, joint-gangs.
 */
public record InfeasibilityReason(String kind, @Nullable String workload, String message) {}
