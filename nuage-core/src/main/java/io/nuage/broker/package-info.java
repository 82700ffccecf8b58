/**
 * The broker: turns a plan into what launchers run. It reads a plan's placements and shadow prices
 * ({@link io.nuage.broker.BrokerPlan}), ranks each training run's candidate places by the plan's
 * marginal cost ({@link io.nuage.broker.MarginalCost}, docs/broker.md) and sets Kueue quotas per
 * cluster, accelerator and capacity kind for a month ({@link io.nuage.broker.KueueQuotas}). Pure
 * values; writing YAML, validating against the launchers' schemas and zipping live in nuage-app.
 */
@NullMarked
package io.nuage.broker;

import org.jspecify.annotations.NullMarked;
