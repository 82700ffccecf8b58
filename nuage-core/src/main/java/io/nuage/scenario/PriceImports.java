package io.nuage.scenario;

import io.nuage.catalog.Catalog;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The one place the scenario parser reads price files (SkyPilot {@code vms.csv}, the AWS flat price
 * CSV, or a folder of them) through the catalog importer.
 */
final class PriceImports {
  private PriceImports() {}

  /** The imported catalog, or empty after reporting a problem at the import's node. */
  static Optional<Catalog> read(Path file, NodeReader r, Node at, String path) {
    // The catalog importer (io.nuage.catalog.imports) is written in parallel; until it is merged
    // a price-file import is reported as unsupported rather than silently ignored.
    r.problem(
        at,
        path,
        "cannot import price file (got "
            + NodeReader.shorten(file.toString())
            + ", expected a .yaml catalog file: price-file import is not available in this build)");
    return Optional.empty();
  }
}
