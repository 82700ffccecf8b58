package io.nuage.scenario;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Catalog;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/** Checks that the providers, regions and accelerators a scenario names exist in its catalog. */
final class References {
  private final Set<String> providers;
  private final Set<String> regions;
  private final Set<String> accelerators;
  private final Set<String> families;

  References(Catalog catalog) {
    providers = ids(catalog.providers().stream().map(Provider::id).toList());
    regions = ids(catalog.regions().stream().map(Region::id).toList());
    accelerators = ids(catalog.accelerators().stream().map(Accelerator::name).toList());
    families = ids(catalog.accelerators().stream().map(Accelerator::family).toList());
  }

  private static Set<String> ids(Collection<String> values) {
    return new TreeSet<>(values);
  }

  boolean provider(NodeReader r, Node at, String path, String id) {
    return check(r, at, path, id, providers, "provider");
  }

  boolean region(NodeReader r, Node at, String path, String id) {
    return check(r, at, path, id, regions, "region");
  }

  boolean accelerator(NodeReader r, Node at, String path, String name) {
    return check(r, at, path, name, accelerators, "accelerator");
  }

  /** Workloads may ask for an accelerator by name or for a whole family. */
  boolean acceleratorOrFamily(NodeReader r, Node at, String path, String name) {
    if (families.contains(name)) return true;
    return check(r, at, path, name, accelerators, "accelerator");
  }

  private static boolean check(
      NodeReader r, Node at, String path, String id, Set<String> known, String what) {
    if (known.contains(id)) return true;
    r.problem(
        at,
        path,
        "unknown " + what + " (got " + NodeReader.shorten(id) + ", expected " + oneOf(known) + ")");
    return false;
  }

  static String oneOf(Collection<String> known) {
    if (known.isEmpty()) return "one defined in the catalog (there is none)";
    if (known.size() <= 12) return "one of " + String.join(", ", known);
    return "one of "
        + known.stream().limit(10).collect(Collectors.joining(", "))
        + ", ... ("
        + known.size()
        + " in all)";
  }
}
