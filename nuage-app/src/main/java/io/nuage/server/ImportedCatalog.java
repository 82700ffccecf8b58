package io.nuage.server;

import io.nuage.catalog.Offering;
import io.nuage.catalog.imports.CatalogImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The offerings of the price files given to {@code --catalog}, imported on first use (a few seconds
 * for the SkyPilot catalog) so that the server starts at once.
 */
final class ImportedCatalog implements Supplier<List<Offering>> {
  private final Path path;
  private volatile @Nullable List<Offering> offerings;

  ImportedCatalog(Path path) {
    this.path = path;
  }

  @Override
  public List<Offering> get() {
    List<Offering> loaded = offerings;
    if (loaded == null) {
      synchronized (this) {
        loaded = offerings;
        if (loaded == null) {
          loaded = CatalogImporter.importPaths(List.of(path)).offerings();
          offerings = loaded;
        }
      }
    }
    return loaded;
  }
}
