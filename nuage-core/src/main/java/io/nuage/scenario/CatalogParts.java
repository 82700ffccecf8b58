package io.nuage.scenario;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Catalog;
import io.nuage.catalog.Offering;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import io.nuage.catalog.StoragePrice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The catalog as it is assembled from the scenario, its catalog files and its imported price files.
 * Definitions written in YAML are unique across all files; imported price files only add what no
 * YAML file defines.
 */
final class CatalogParts {
  /** An offering written in YAML, kept with its node until its references can be checked. */
  record Written(
      NodeReader reader,
      Node node,
      String path,
      Node regionNode,
      Node acceleratorNode,
      Offering offering) {}

  private final Map<String, Provider> providers = new LinkedHashMap<>();
  private final Map<String, Region> regions = new LinkedHashMap<>();
  private final Map<String, Accelerator> accelerators = new LinkedHashMap<>();
  private final Map<String, StoragePrice> storage = new LinkedHashMap<>();
  private final Map<String, String> firstDefinedAt = new HashMap<>();
  private final List<Written> written = new ArrayList<>();
  private final List<Catalog> imported = new ArrayList<>();

  /** False (and a problem reported) when {@code kind id} was already defined in YAML. */
  boolean define(NodeReader r, Node idNode, String path, String kind, String id) {
    String key = kind + " " + id;
    String first = firstDefinedAt.putIfAbsent(key, r.where(idNode));
    if (first == null) return true;
    r.problem(
        idNode,
        path,
        "duplicate "
            + kind
            + " id (got "
            + NodeReader.shorten(id)
            + ", expected an id not used before; first at "
            + first
            + ")");
    return false;
  }

  void add(Provider provider) {
    providers.put(provider.id(), provider);
  }

  void add(Region region) {
    regions.put(region.id(), region);
  }

  void add(Accelerator accelerator) {
    accelerators.put(accelerator.name(), accelerator);
  }

  void add(StoragePrice price) {
    storage.put(price.provider(), price);
  }

  void add(Written offering) {
    written.add(offering);
  }

  void addImported(Catalog catalog) {
    imported.add(catalog);
  }

  /** The assembled catalog: YAML definitions win over imported ones with the same id. */
  Catalog catalog() {
    var allProviders = new LinkedHashMap<>(providers);
    var allRegions = new LinkedHashMap<>(regions);
    var allAccelerators = new LinkedHashMap<>(accelerators);
    var allStorage = new LinkedHashMap<>(storage);
    List<Offering> offerings = new ArrayList<>();
    for (Catalog c : imported) {
      c.providers().forEach(p -> allProviders.putIfAbsent(p.id(), p));
      c.regions().forEach(x -> allRegions.putIfAbsent(x.id(), x));
      c.accelerators().forEach(a -> allAccelerators.putIfAbsent(a.name(), a));
      c.storagePrices().forEach(s -> allStorage.putIfAbsent(s.provider(), s));
      offerings.addAll(c.offerings());
    }
    written.forEach(w -> offerings.add(w.offering()));
    return new Catalog(
        List.copyOf(allProviders.values()),
        List.copyOf(allRegions.values()),
        List.copyOf(allAccelerators.values()),
        offerings,
        List.copyOf(allStorage.values()));
  }

  /** Checks the references and uniqueness of offerings written in YAML. */
  void checkOfferings(References refs) {
    var seen = new HashMap<List<Object>, String>();
    for (Written w : written) {
      Offering o = w.offering();
      boolean ok = refs.region(w.reader(), w.regionNode(), w.path() + ".region", o.region());
      ok &=
          refs.accelerator(
              w.reader(), w.acceleratorNode(), w.path() + ".accelerator", o.accelerator());
      var key = List.<Object>of(o.region(), o.accelerator(), o.pricing(), o.instanceType());
      String first = seen.putIfAbsent(key, w.reader().where(w.node()));
      if (ok && first != null) {
        w.reader()
            .problem(
                w.node(),
                w.path(),
                "duplicate offering (got "
                    + o.region()
                    + " "
                    + o.accelerator()
                    + " "
                    + o.pricing().label()
                    + " again, expected one offering per region, accelerator, pricing and instance type; first at "
                    + first
                    + ")");
      }
    }
  }
}
