package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.scenario.Scenario;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The ledger as the server uses it: ingest a file with the CLI's atomicity, and the reports as the
 * CLI's JSON (money as decimal strings).
 */
public interface LedgerService {
  /**
   * Ingests one FOCUS file in one transaction; a file with any bad row changes nothing and throws
   * {@link io.nuage.core.ValidationException} naming the rejected rows.
   *
   * @param name how messages name the file (the uploader's file name)
   */
  Ingested ingest(Path file, String name);

  /** The JSON of {@code nuage ledger --format json}. */
  JsonNode drawdown(Scenario scenario, @Nullable LocalDate asOf);

  /** The draw-down's {@code asOf}, {@code spend} and {@code shares}. */
  JsonNode spend(Scenario scenario);

  /** The JSON of {@code nuage ledger reconcile --format json}. */
  JsonNode reconciliation(Scenario scenario);

  /**
   * What one ingest did.
   *
   * @param report the ingest report as the CLI's JSON gives it
   */
  record Ingested(long accepted, long duplicates, long rejected, Object report) {}
}
