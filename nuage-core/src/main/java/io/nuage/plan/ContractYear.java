package io.nuage.plan;

import java.math.BigDecimal;

/** A committed-spend contract year (0-based): minimum, consumption and shortfall. */
public record ContractYear(
    String contract,
    String provider,
    int year,
    BigDecimal committed,
    BigDecimal consumed,
    BigDecimal shortfall,
    boolean takeOrPay) {}
