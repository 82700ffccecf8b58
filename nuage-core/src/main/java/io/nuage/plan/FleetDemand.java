package io.nuage.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * One inference fleet's demand in one geography and month (reference GPU-hours) and the cells that
 * may serve it.
 */
record FleetDemand(
    int index,
    String fleet,
    String geography,
    int month,
    BigDecimal referenceGpuHours,
    List<Cell> cells,
    java.util.Set<String> allowedRegions) {}
