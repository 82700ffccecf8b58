package io.nuage.plan;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A training run's dataset moved from its home region, charged by the home provider. */
public record EgressCharge(
    String workload,
    String from,
    String to,
    String provider,
    YearMonth month,
    BigDecimal terabytes,
    BigDecimal cost) {}
