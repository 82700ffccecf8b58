package io.nuage.scenario.generate;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.imports.ImportResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Picks the offerings a generated scenario uses from an import (docs/generate.md, Catalog). */
final class CatalogChoice {
  static final List<String> PROVIDERS = List.of("aws", "azure", "gcp", "lambda", "nebius", "oci");
  static final List<String> ACCELERATORS =
      List.of("B200", "H100", "H100-MEGA-80GB", "H100-SXM", "H200");
  private static final List<String> EUROPE =
      List.of(
          "sweden", "germany", "poland", "spain", "france", "italy", "norway", "switzerland", "uk");

  private CatalogChoice() {}

  static List<Slot> choose(ImportResult imported, int regionsPerKey, Path dataRoot) {
    Map<String, Accelerator> accelerators =
        imported.accelerators().stream()
            .collect(Collectors.toMap(Accelerator::name, Function.identity()));
    // cheapest on-demand offering per (region, accelerator)
    var cheapest = new TreeMap<String, Offering>();
    for (Offering o : imported.offerings()) {
      if (o.pricing() != PricingKind.ON_DEMAND) continue;
      if (!PROVIDERS.contains(o.provider()) || !ACCELERATORS.contains(o.accelerator())) continue;
      if (geography(o.region()).isEmpty()) continue;
      cheapest.merge(
          o.region() + " " + o.accelerator(),
          o,
          (a, b) -> b.pricePerGpuHour().compareTo(a.pricePerGpuHour()) < 0 ? b : a);
    }
    var byKey = new TreeMap<String, List<Offering>>();
    for (Offering o : cheapest.values()) {
      String key = o.provider() + " " + o.accelerator() + " " + geography(o.region()).orElseThrow();
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }
    var slots = new ArrayList<Slot>();
    for (List<Offering> offerings : byKey.values()) {
      offerings.stream()
          .sorted(Comparator.comparing(Offering::pricePerGpuHour).thenComparing(Offering::region))
          .limit(regionsPerKey)
          .forEach(o -> slots.add(slot(o, accelerators.get(o.accelerator()), dataRoot)));
    }
    slots.sort(Comparator.comparing(Slot::region).thenComparing(Slot::accelerator));
    return List.copyOf(slots);
  }

  private static Slot slot(Offering o, Accelerator a, Path dataRoot) {
    String source = o.source();
    String root = dataRoot.toString() + "/";
    if (source.startsWith(root)) source = source.substring(root.length());
    return new Slot(
        o.provider(),
        o.region(),
        geography(o.region()).orElseThrow(),
        a.name(),
        a.family(),
        a.memoryGib(),
        a.throughput(),
        o.pricePerGpuHour(),
        o.instanceType(),
        source);
  }

  /** US or EU from a region id's name part; empty for every other place. */
  static Optional<String> geography(String regionId) {
    String name = regionId.substring(regionId.indexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.startsWith("us-gov")) return Optional.empty();
    if (name.equals("us") || name.startsWith("us-") || name.matches("[a-z]*us[0-9]?")) {
      return Optional.of("US");
    }
    if (name.startsWith("eu-")
        || name.startsWith("europe-")
        || name.endsWith("europe")
        || EUROPE.stream().anyMatch(name::startsWith)) {
      return Optional.of("EU");
    }
    return Optional.empty();
  }
}
