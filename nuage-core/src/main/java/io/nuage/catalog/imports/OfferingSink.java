package io.nuage.catalog.imports;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects offerings, keeping the first of each (provider, region, accelerator, pricing, instance
 * type): GCP lists the same price once per zone, and a file may be named twice.
 */
final class OfferingSink {
  enum Outcome {
    ADDED,
    DUPLICATE,
    CONFLICT
  }

  private record Key(
      String provider,
      String region,
      String accelerator,
      PricingKind pricing,
      String instanceType) {}

  private final Map<Key, Offering> byKey = new LinkedHashMap<>();

  Outcome add(Offering offering) {
    Key key =
        new Key(
            offering.provider(),
            offering.region(),
            offering.accelerator(),
            offering.pricing(),
            offering.instanceType());
    Offering first = byKey.putIfAbsent(key, offering);
    if (first == null) {
      return Outcome.ADDED;
    }
    return first.pricePerGpuHour().compareTo(offering.pricePerGpuHour()) == 0
        ? Outcome.DUPLICATE
        : Outcome.CONFLICT;
  }

  List<Offering> offerings() {
    return new ArrayList<>(byKey.values());
  }

  /**
   * Decides a row from the outcomes of its offerings: used if one was new, else skipped as a
   * conflict or a duplicate.
   */
  static void decide(FileTally tally, int line, List<Outcome> outcomes, boolean zones) {
    if (outcomes.contains(Outcome.ADDED)) {
      tally.used(line);
    } else if (outcomes.contains(Outcome.CONFLICT)) {
      tally.skip(line, zones ? SkipReason.CONFLICT_ZONE : SkipReason.CONFLICT);
    } else if (!outcomes.isEmpty()) {
      tally.skip(line, zones ? SkipReason.DUPLICATE_ZONE : SkipReason.DUPLICATE);
    }
  }
}
