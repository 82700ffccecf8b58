package io.nuage.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What can be bought: providers, their regions, accelerators, priced offerings and storage prices.
 * Immutable; ids are unique within each list (checked here, reported with locations by the parser).
 */
public record Catalog(
    List<Provider> providers,
    List<Region> regions,
    List<Accelerator> accelerators,
    List<Offering> offerings,
    List<StoragePrice> storagePrices) {

  public Catalog {
    providers = List.copyOf(providers);
    regions = List.copyOf(regions);
    accelerators = List.copyOf(accelerators);
    offerings = List.copyOf(offerings);
    storagePrices = List.copyOf(storagePrices);
    unique(providers, Provider::id, "provider");
    unique(regions, Region::id, "region");
    unique(accelerators, Accelerator::name, "accelerator");
  }

  public static Catalog empty() {
    return new Catalog(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public Optional<Provider> provider(String id) {
    return providers.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Region> region(String id) {
    return regions.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Accelerator> accelerator(String name) {
    return accelerators.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Map<String, Accelerator> acceleratorsByName() {
    return accelerators.stream().collect(Collectors.toMap(Accelerator::name, Function.identity()));
  }

  private static <T> void unique(List<T> items, Function<T, String> key, String what) {
    var seen = new java.util.HashSet<String>();
    for (T item : items) {
      String k = key.apply(item);
      if (!seen.add(k)) throw new IllegalArgumentException("duplicate " + what + " id: " + k);
    }
  }
}
