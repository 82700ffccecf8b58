package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes the ledger's billing rows as Parquet for a distributed engine (docs/scale-out.md): {@code
 * DIR/billing_rows/billing_period=YYYY-MM/provider=NAME/*.parquet}, money as DECIMAL(38,18) as
 * stored, with each row's ContractApplied ids ({@code applied_ids}, the text the store's aggregate
 * keeps) and a manifest, {@code DIR/_nuage_ledger}, that says the directory is a Nuage export and
 * what it holds. The export is written beside {@code DIR} and renamed into place: a failed export
 * leaves nothing.
 */
public final class ParquetExport {
  /** The manifest's name and its first line: what tells a Nuage export from other Parquet. */
  public static final String MANIFEST = "_nuage_ledger";

  public static final String FORMAT = "nuage-ledger-export 1";

  /**
   * The partition directories' columns are derived, the row's own columns stay in the files; {@code
   * ledger_row} numbers the rows as the store does (its rowid, shifted past the rows of an export
   * already there for an appended file): the reconciliation's last tie-break.
   */
  private static final String SELECT =
      """
      SELECT b.* EXCLUDE (row_hash, case_fixed, ingestion_id),
             CASE WHEN b.ContractApplied IS NOT NULL THEN %s END AS applied_ids,
             b.rowid + :first_row AS ledger_row,
             strftime(b.BillingPeriodStart, '%%Y-%%m') AS billing_period,
             coalesce(b.ProviderName, '') AS provider
      FROM billing_rows b
      """
          .formatted(DailyAggregate.APPLIED_FROM_JSON);

  /**
   * What an export holds: its rows, and the counts of what the Spark draw-down does not read yet
   * (ContractApplied elements, commitment datasets, true-ups), so that it refuses them by name.
   */
  public record Summary(
      long rows, long contractAppliedRows, long commitments, long trueUpCandidates, long nextRow) {}

  private ParquetExport() {}

  /** Exports the store's billing rows to {@code dir}, which must not exist or be empty. */
  public static Summary export(Store store, Path dir) {
    return export(store, dir, 0);
  }

  /**
   * Exports the store's billing rows to {@code dir}, which must not exist or be empty, numbering
   * them from {@code firstRow} on.
   */
  public static Summary export(Store store, Path dir, long firstRow) {
    Path target = dir.toAbsolutePath().normalize();
    checkTarget(target);
    Path parent = target.getParent();
    Path staging;
    try {
      Files.createDirectories(parent);
      staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".export-");
    } catch (IOException e) {
      throw new NuageException("--parquet " + dir + ": cannot write beside it (" + e + ")");
    }
    try {
      Summary summary = write(store, staging, firstRow);
      Files.writeString(
          staging.resolve(MANIFEST),
          FORMAT
              + "\nrows="
              + summary.rows()
              + "\ncontractAppliedRows="
              + summary.contractAppliedRows()
              + "\ncommitments="
              + summary.commitments()
              + "\ntrueUpCandidates="
              + summary.trueUpCandidates()
              + "\nnextRow="
              + summary.nextRow()
              + "\n");
      if (Files.isDirectory(target)) Files.delete(target); // empty, checked
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } catch (IOException e) {
      throw new NuageException("--parquet " + dir + ": cannot write the export (" + e + ")");
    } finally {
      deleteTree(staging);
    }
  }

  private static void checkTarget(Path target) {
    if (Files.exists(target)) {
      boolean empty;
      try (Stream<Path> in = Files.list(target)) {
        empty = in.findAny().isEmpty();
      } catch (IOException e) {
        empty = false;
      }
      if (!Files.isDirectory(target) || !empty)
        throw new NuageException(
            "--parquet "
                + target
                + ": exists and is not an empty directory (an export never overwrites)");
    }
  }

  private static Summary write(Store store, Path staging, long firstRow) {
    try (Statement s = store.connection().createStatement()) {
      String rows = staging.resolve("billing_rows").toString().replace("'", "''");
      s.execute(
          "COPY ("
              + SELECT.replace(":first_row", Long.toString(firstRow))
              + ") TO '"
              + rows
              + "' (FORMAT PARQUET, PARTITION_BY (billing_period, provider))");
      return new Summary(
          count(s, "SELECT count(*) FROM billing_rows"),
          count(s, "SELECT count(*) FROM billing_rows WHERE ContractApplied IS NOT NULL"),
          count(s, "SELECT count(*) FROM contract_commitments"),
          count(
              s,
              "SELECT count(*) FROM billing_rows WHERE ChargeCategory = 'Usage'"
                  + " AND Tags LIKE '%true-up%'"),
          firstRow + count(s, "SELECT coalesce(max(rowid) + 1, 0) FROM billing_rows"));
    } catch (SQLException e) {
      throw new NuageException("cannot export the ledger: " + Store.firstLine(e), e);
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a staging directory left behind is named as one (".NAME.export-*")
    }
  }
}
