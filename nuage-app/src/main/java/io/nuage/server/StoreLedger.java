package io.nuage.server;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.ledger.IngestOptions;
import io.nuage.store.ledger.IngestReport;
import io.nuage.store.ledger.Ingestions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ledger in the store, as the server uses it. */
public final class StoreLedger implements LedgerService {
  private final Store store;

  public StoreLedger(Store store) {
    this.store = store;
  }

  @Override
  public Ingested ingest(Path file, String name) {
    IngestReport report;
    try {
      report = Ingestions.in(store).ingest(file, IngestOptions.DEFAULT);
    } catch (ValidationException e) {
      // the upload went to a temporary file: name it as the uploader did
      List<Problem> renamed =
          e.problems().stream()
              .map(p -> new Problem(name, p.line(), p.column(), p.path(), p.message()))
              .toList();
      throw new ValidationException(renamed);
    }
    IngestReport named =
        new IngestReport(
            name,
            report.format(),
            report.focusVersion(),
            report.rowsRead(),
            report.accepted(),
            report.duplicates(),
            report.rejected(),
            report.rejectedByReason(),
            report.normalisations(),
            report.ignoredColumns(),
            report.firstRejects(),
            null);
    return new Ingested(report.accepted(), report.duplicates(), report.rejected(), named);
  }

  @Override
  public Object drawdown(Scenario scenario, @Nullable LocalDate asOf) {
    throw new HttpProblem.NotFound("the draw-down report is not available in this build yet");
  }

  @Override
  public Object spend(Scenario scenario) {
    throw new HttpProblem.NotFound("the spend report is not available in this build yet");
  }

  @Override
  public Object reconciliation(Scenario scenario) {
    throw new HttpProblem.NotFound("the reconciliation report is not available in this build yet");
  }
}
