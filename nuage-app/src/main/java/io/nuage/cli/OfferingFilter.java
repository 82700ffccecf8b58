package io.nuage.cli;

import io.nuage.catalog.Offering;
import io.nuage.catalog.imports.AcceleratorMapping;
import java.util.function.Predicate;

/** The offerings {@code nuage catalog} keeps, from its options. */
record OfferingFilter(Predicate<Offering> test) implements Predicate<Offering> {
  @Override
  public boolean test(Offering offering) {
    return test.test(offering);
  }

  /** {@code H100} matches the whole H100 family; {@code H100-SXM} only that variant. */
  static boolean acceleratorMatches(Offering offering, String wanted) {
    return AcceleratorMapping.matches(offering.accelerator(), wanted);
  }
}
