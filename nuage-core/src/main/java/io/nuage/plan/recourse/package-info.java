/**
 * What serving a drawn future takes and gives (docs/risk.md, section 2.0): the terms the future
 * adds to its scenario (the unmet penalty, the share-cap steering penalty, drawn list-price
 * factors, providers lost, the training placements an adapting recourse keeps) and the recourse
 * plan with its declared unmet demand and cap excess. Values only, read by the planner, the
 * verifier and the risk analysis alike.
 */
@NullMarked
package io.nuage.plan.recourse;

import org.jspecify.annotations.NullMarked;
