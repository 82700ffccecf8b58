package io.nuage.plan.replan;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A contract year's shortfall, previous plan against re-plan: {@code year} 0-based as in the plan
 * JSON, {@code from..to} its months in the horizon.
 */
public record ShortfallChange(
    String contract,
    int year,
    YearMonth from,
    YearMonth to,
    boolean takeOrPay,
    BigDecimal previous,
    BigDecimal replan) {}
