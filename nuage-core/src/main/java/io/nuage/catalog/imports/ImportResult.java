package io.nuage.catalog.imports;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import java.util.List;
import java.util.Objects;

/**
 * What an import produced.
 *
 * @param offerings the offerings, one per provider x region x accelerator x pricing x instance type
 * @param accelerators the accelerators the offerings refer to, from the mapping table
 * @param report rows read, used and skipped by reason, per file
 */
public record ImportResult(
    List<Offering> offerings, List<Accelerator> accelerators, ImportReport report) {
  public ImportResult {
    offerings = List.copyOf(offerings);
    accelerators = List.copyOf(accelerators);
    Objects.requireNonNull(report, "report");
  }
}
