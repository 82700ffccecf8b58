package io.nuage.plan;

import java.math.BigDecimal;

/** A provider's spend in a calendar year and its share of that year's total. */
public record ProviderYear(String provider, int year, BigDecimal spend, BigDecimal share) {}
