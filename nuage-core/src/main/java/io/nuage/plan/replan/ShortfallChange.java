package io.nuage.plan.replan;

import java.math.BigDecimal;

/** A contract year's shortfall, previous plan against re-plan (0-based contract year). */
public record ShortfallChange(
    String contract, int year, boolean takeOrPay, BigDecimal previous, BigDecimal replan) {}
