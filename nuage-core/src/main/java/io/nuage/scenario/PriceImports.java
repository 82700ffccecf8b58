package io.nuage.scenario;

import io.nuage.catalog.Catalog;
import io.nuage.catalog.imports.CatalogImporter;
import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The one place the scenario parser reads price files (SkyPilot {@code vms.csv}, the AWS flat price
 * CSV, or a folder of them): through the catalog importer, all or nothing per import.
 */
final class PriceImports {
  private PriceImports() {}

  /**
   * The imported catalog; or empty, after adding the price file's own located problems and one at
   * the import's node saying which import failed.
   */
  static Optional<Catalog> read(
      Path file,
      String name,
      ImportScope scope,
      NodeReader r,
      Node at,
      String path,
      List<Problem> problems) {
    try {
      return Optional.of(CatalogImporter.importPaths(List.of(file)).catalog());
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(scope.scrub(p, name, file)));
      r.problem(
          at,
          path,
          "cannot import price file (got "
              + name
              + " with "
              + e.problems().size()
              + (e.problems().size() == 1 ? " problem" : " problems")
              + ", expected a readable price file; see docs/catalog.md)");
      return Optional.empty();
    } catch (NuageException e) {
      r.problem(
          at,
          path,
          "cannot import price file ("
              + scope.scrub(new Problem(name, 0, 0, "", e.getMessage()), name, file).message()
              + ")");
      return Optional.empty();
    }
  }
}
