package io.nuage.catalog.imports;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Catalog;
import io.nuage.catalog.Offering;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import java.util.List;
import java.util.Objects;

/**
 * What an import produced.
 *
 * @param providers the providers with at least one offering, as {@link Provider#of(String)}
 * @param regions the regions of the offerings; their geography is guessed from the name (US, CA,
 *     EU, APAC, LATAM, MEA or OTHER, see docs/catalog.md)
 * @param accelerators the accelerators the offerings refer to, from the mapping table
 * @param offerings the offerings, one per provider x region x accelerator x pricing x instance type
 * @param report rows read, used and skipped by reason, per file
 */
public record ImportResult(
    List<Provider> providers,
    List<Region> regions,
    List<Accelerator> accelerators,
    List<Offering> offerings,
    ImportReport report) {
  public ImportResult {
    providers = List.copyOf(providers);
    regions = List.copyOf(regions);
    accelerators = List.copyOf(accelerators);
    offerings = List.copyOf(offerings);
    Objects.requireNonNull(report, "report");
  }

  /** The import as a catalog (no storage prices: price files carry none). */
  public Catalog catalog() {
    return new Catalog(providers, regions, accelerators, offerings, List.of());
  }
}
