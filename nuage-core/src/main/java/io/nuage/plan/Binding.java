package io.nuage.plan;

import java.math.BigDecimal;

/**
 * A binding constraint and what relaxing it by one unit would save, with the unit in words: {@code
 * shadowPrice} is dollars per GPU-month (capacity), per dollar (minimum) or per share point.
 */
public record Binding(String constraint, BigDecimal shadowPrice, String explanation) {}
