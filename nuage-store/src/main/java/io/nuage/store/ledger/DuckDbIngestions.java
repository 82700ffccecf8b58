package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.store.Store;
import io.nuage.store.Transactions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class DuckDbIngestions implements Ingestions {
  /** Every table that holds rows of an ingestion, children before the ingestion's own row. */
  private static final List<String> PER_INGESTION =
      List.of(
          "billing_rows",
          "contract_applied",
          "contract_commitments",
          "billing_monthly",
          "billing_daily",
          "contract_applied_daily",
          "billing_daily_ingestions",
          "ingestion_magnitudes",
          "ingestions");

  private static final String COLUMNS =
      "SELECT ingestion_id, source, format, focus_version, ingested_at, rows_read, rows_accepted,"
          + " rows_duplicate, rows_rejected FROM ingestions";

  private final Store store;

  DuckDbIngestions(Store store) {
    this.store = store;
  }

  @Override
  public IngestReport ingest(Path file, IngestOptions options) {
    return commitments(file, options)
        ? new ContractCommitmentIngest(store).run(file, options)
        : new FocusIngest(store).run(file, options);
  }

  /** Whether the file is (said or seen to be) a Contract Commitment dataset. */
  private boolean commitments(Path file, IngestOptions options) {
    return switch (options.dataset()) {
      case CONTRACT_COMMITMENT -> true;
      case COST_AND_USAGE -> false;
      case AUTO -> {
        String name = options.displayName() != null ? options.displayName() : file.toString();
        if (!java.nio.file.Files.isRegularFile(file)) yield false; // the ingest names the problem
        FocusSource.Format format = FocusSource.detect(file, name);
        yield ContractCommitmentIngest.isDataset(
            format == FocusSource.Format.PARQUET
                ? FocusSource.parquetColumns(store.connection(), file, name)
                : FocusSource.csvHeader(file, name, format));
      }
    };
  }

  @Override
  public long count() {
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM ingestions")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new NuageException("cannot read the ingestions: " + Store.firstLine(e), e);
    }
  }

  @Override
  public List<IngestedFile> list() {
    var out = new ArrayList<IngestedFile>();
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery(COLUMNS + " ORDER BY ingestion_id")) {
      while (r.next()) out.add(row(r));
    } catch (SQLException e) {
      throw new NuageException("cannot read the ingestions: " + Store.firstLine(e), e);
    }
    return out;
  }

  @Override
  public IngestedFile remove(long id) {
    Connection c = store.connection();
    try {
      return Transactions.inOne(
          c,
          () -> {
            IngestedFile removed = find(c, id);
            for (String table : PER_INGESTION) {
              try (PreparedStatement ps =
                  c.prepareStatement("DELETE FROM " + table + " WHERE ingestion_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
              }
            }
            return removed;
          });
    } catch (SQLException e) {
      throw new NuageException(
          "cannot remove ingestion " + id + ": " + Store.firstLine(e) + " (nothing was removed)",
          e);
    }
  }

  private static IngestedFile find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE ingestion_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet r = ps.executeQuery()) {
        if (r.next()) return row(r);
      }
    }
    throw new ValidationException(
        new Problem(
            "--remove",
            0,
            0,
            "",
            "no ingestion "
                + id
                + " in the ledger (got "
                + id
                + ", expected an id that `nuage ingestions` lists)"));
  }

  private static IngestedFile row(ResultSet r) throws SQLException {
    return new IngestedFile(
        r.getLong(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getTimestamp(5).toLocalDateTime(),
        r.getLong(6),
        r.getLong(7),
        r.getLong(8),
        r.getLong(9));
  }
}
