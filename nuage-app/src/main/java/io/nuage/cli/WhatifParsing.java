package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.uncertainty.StepRef;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code nuage whatif}'s option values, naming the option, the value and what was expected.
 */
final class WhatifParsing {
  private static final Pattern STEP = Pattern.compile("(.+)/([^/@]+)@(\\d{4}-\\d{2})");
  private static final Pattern PRICE = Pattern.compile("(.+?)([+-])(\\d+(?:\\.\\d+)?)%");
  private static final Pattern DEMAND = Pattern.compile("[xX](\\d+(?:\\.\\d+)?)");

  private WhatifParsing() {}

  record Price(String name, BigDecimal factor) {}

  static YearMonth month(String option, String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new NuageException(
          option + ": expected a month YYYY-MM such as 2029-01 (got " + text + ")");
    }
  }

  /** {@code REGION/ACCELERATOR@YYYY-MM}, the region itself {@code provider/name}. */
  static StepRef step(String text) {
    Matcher m = STEP.matcher(text);
    if (!m.matches())
      throw new NuageException(
          "--delay-capacity: expected REGION/ACCELERATOR@YYYY-MM such as"
              + " oci/us-phoenix-1/B200@2029-01 (got "
              + text
              + ")");
    return new StepRef(m.group(1), m.group(2), month("--delay-capacity", m.group(3)));
  }

  /** {@code ACC-30%} or {@code ACC+10%}: the factor 0.7 or 1.1, exact. */
  static Price price(String text) {
    Matcher m = PRICE.matcher(text);
    if (!m.matches())
      throw new NuageException(
          "--price: expected ACCELERATOR or FAMILY, a sign and a percentage, such as H100-30% or"
              + " B200+10% (got "
              + text
              + ")");
    BigDecimal pct = new BigDecimal(m.group(3)).movePointLeft(2);
    BigDecimal factor =
        m.group(2).equals("-") ? BigDecimal.ONE.subtract(pct) : BigDecimal.ONE.add(pct);
    if (factor.signum() <= 0)
      throw new NuageException(
          "--price: a list price cannot fall by 100% or more (got "
              + text
              + ", expected a fall of less than 100%, e.g. H100-30%)");
    return new Price(m.group(1), factor);
  }

  /** {@code x1.5}: the factor 1.5, above 0. */
  static BigDecimal demand(String text) {
    Matcher m = DEMAND.matcher(text);
    BigDecimal f = m.matches() ? new BigDecimal(m.group(1)) : null;
    if (f == null || f.signum() <= 0)
      throw new NuageException(
          "--demand: expected x and a factor above 0, such as x1.5 or x0.8 (got " + text + ")");
    return f;
  }
}
