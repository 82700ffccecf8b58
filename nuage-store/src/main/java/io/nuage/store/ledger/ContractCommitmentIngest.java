package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.ledger.ContractCommitmentColumns;
import io.nuage.ledger.FocusColumn;
import io.nuage.ledger.FocusType;
import io.nuage.ledger.FocusVersion;
import io.nuage.store.Store;
import io.nuage.store.StoreFull;
import io.nuage.store.Transactions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Ingests one FOCUS 1.3 Contract Commitment file (docs/ledger.md, "FOCUS 1.3") in one transaction:
 * all of it or, at the first problem, nothing (a commitment is too large a thing to skip, so {@code
 * --skip-bad-rows} does not apply). Its identity is {@code ContractCommitmentId}, unique within the
 * file and the ledger: the same commitment again (every column but the description equal) is a
 * duplicate; with other terms it is refused, located.
 */
final class ContractCommitmentIngest {
  static final String DATASET = "ContractCommitment";
  private static final List<FocusColumn> COLUMNS = ContractCommitmentColumns.all();

  private final Store store;
  private final Connection c;

  ContractCommitmentIngest(Store store) {
    this.store = store;
    this.c = store.connection();
  }

  /** Whether {@code header} is a Contract Commitment file's (it names the marker column). */
  static boolean isDataset(List<String> header) {
    return header.stream()
        .anyMatch(h -> h.strip().equalsIgnoreCase(ContractCommitmentColumns.MARKER));
  }

  IngestReport run(Path file, IngestOptions options) {
    FileState before = FileState.of(file);
    FocusSource source = source(file, options.displayName());
    try {
      List<Row> rows = read(source);
      return Transactions.inOne(
          c,
          () -> {
            IngestReport report = insert(source, rows);
            before.checkUnchanged(source.path(), source.name());
            return report;
          });
    } catch (SQLException e) {
      if (StoreFull.is(e)) throw StoreFull.of(source.name() + ": cannot ingest", store, e);
      throw new NuageException(
          source.name() + ": cannot ingest: " + Store.firstLine(e) + " (nothing was ingested)", e);
    }
  }

  /** The file's header checked: the 13 columns, each once; others are listed as ignored. */
  private FocusSource source(Path path, @Nullable String displayName) {
    String name = displayName != null ? displayName : path.toString();
    if (!Files.isRegularFile(path)) throw FocusSource.fileProblem(name, "no such file");
    FocusSource.Format format = FocusSource.detect(path, name);
    List<String> header =
        format == FocusSource.Format.PARQUET
            ? FocusSource.parquetColumns(c, path, name)
            : FocusSource.csvHeader(path, name, format);
    var columns = new LinkedHashMap<FocusColumn, String>();
    var ignored = new ArrayList<String>();
    var problems = new ArrayList<Problem>();
    for (String raw : header) {
      var col = ContractCommitmentColumns.find(raw);
      if (col.isEmpty()) ignored.add(raw);
      else if (columns.putIfAbsent(col.get(), raw) != null)
        problems.add(new Problem(name, 1, 0, col.get().id(), "column appears twice in the header"));
    }
    for (FocusColumn col : COLUMNS)
      if (!columns.containsKey(col))
        problems.add(
            new Problem(
                name,
                1,
                0,
                col.id(),
                "mandatory column of the FOCUS 1.3 Contract Commitment dataset missing from the"
                    + " header (expected a column named "
                    + col.id()
                    + ")"));
    if (!problems.isEmpty()) throw new ValidationException(problems);
    return new FocusSource(
        path,
        name,
        format,
        List.copyOf(header),
        columns,
        Map.of(),
        ignored,
        Map.of(),
        FocusVersion.V1_3,
        Map.of());
  }

  /** One commitment as read: its line and its typed values, by column ID. */
  record Row(long line, Map<String, @Nullable Object> values) {}

  /** Reads and checks every row; throws every problem found, located, when there is any. */
  private List<Row> read(FocusSource source) throws SQLException {
    var select = new StringJoiner(", ");
    for (FocusColumn col : COLUMNS) {
      String raw = StageSql.ident(source.columns().get(col));
      String text = "NULLIF(trim(CAST(" + raw + " AS VARCHAR)), '')";
      select.add(text);
      select.add(
          col.type() == FocusType.DATETIME ? StageSql.typedValue(col, text) : "NULL::TIMESTAMP");
    }
    String q =
        "SELECT row_number() OVER () - 1, "
            + select
            + " FROM "
            + new StageSql(source, ContractCommitments.Held.NONE).reader(false);
    var rows = new ArrayList<Row>();
    var problems = new ArrayList<Problem>();
    List<Long> thresholds = Rejects.thresholds(source, List.of());
    var check = new ContractCommitmentCheck(source, problems);
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(q)) {
      while (r.next()) {
        long line = Rejects.line(source, thresholds, r.getLong(1));
        Map<String, @Nullable Object> values = check.row(line, r);
        if (values != null) rows.add(new Row(line, values));
      }
    } catch (SQLException e) {
      throw FocusSource.fileProblem(
          source.name(), "not a readable FOCUS Contract Commitment file: " + Store.firstLine(e));
    }
    check.uniqueIds(rows);
    if (!problems.isEmpty()) throw new ValidationException(problems);
    return rows;
  }

  private IngestReport insert(FocusSource source, List<Row> rows) throws SQLException {
    long id;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT nextval('ingestion_ids')")) {
      r.next();
      id = r.getLong(1);
    }
    Map<String, Map<String, @Nullable Object>> held = held();
    var problems = new ArrayList<Problem>();
    long duplicates = 0;
    long accepted = 0;
    BigInteger cost = BigInteger.ZERO;
    BigInteger quantity = BigInteger.ZERO;
    var cols = new StringJoiner(", ");
    var marks = new StringJoiner(", ");
    for (FocusColumn col : COLUMNS) {
      cols.add(StageSql.ident(col.id()));
      marks.add("?");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO contract_commitments ("
                + cols
                + ", ingestion_id) VALUES ("
                + marks
                + ", ?)")) {
      for (Row row : rows) {
        String commitment = (String) row.values().get(ContractCommitmentColumns.MARKER);
        var before = held.get(commitment);
        if (before != null) {
          String differs = ContractCommitmentCheck.firstDifference(before, row.values());
          if (differs == null) {
            duplicates++;
            continue;
          }
          problems.add(
              new Problem(
                  source.name(),
                  (int) row.line(),
                  position(source, differs),
                  differs,
                  "commitment "
                      + commitment
                      + " is already in the ledger with other terms (got '"
                      + text(row.values().get(differs))
                      + "', the ledger has '"
                      + text(before.get(differs))
                      + "'; expected the same commitment, or take the earlier file out with"
                      + " `nuage ingest --remove ID`)"));
          continue;
        }
        int i = 1;
        for (FocusColumn col : COLUMNS) {
          Object v = row.values().get(col.id());
          if (v instanceof LocalDateTimeValue t) ps.setTimestamp(i++, Timestamp.valueOf(t.value()));
          else ps.setObject(i++, v);
        }
        ps.setLong(i, id);
        ps.addBatch();
        accepted++;
        cost = cost.add(bound((BigDecimal) row.values().get("ContractCommitmentCost")));
        quantity = quantity.add(bound((BigDecimal) row.values().get("ContractCommitmentQuantity")));
      }
      if (!problems.isEmpty()) throw new ValidationException(problems);
      ps.executeBatch();
    }
    MagnitudeBound.record(c, source.name(), id, "ContractCommitmentCost", cost.max(quantity));
    var report =
        new IngestReport(
            source.name(),
            source.format().label,
            FocusVersion.V1_3.label(),
            rows.size(),
            accepted,
            duplicates,
            0,
            Map.of(),
            Map.of(),
            source.ignored(),
            List.of(),
            null,
            DATASET);
    FocusIngest.recordIngestion(c, id, source, report);
    return report;
  }

  /** The ledger's commitments, by id: every column's typed value. */
  private Map<String, Map<String, @Nullable Object>> held() throws SQLException {
    var out = new HashMap<String, Map<String, @Nullable Object>>();
    var cols = new StringJoiner(", ");
    for (FocusColumn col : COLUMNS) cols.add(StageSql.ident(col.id()));
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT " + cols + " FROM contract_commitments")) {
      while (r.next()) {
        var values = new HashMap<String, @Nullable Object>();
        int i = 1;
        for (FocusColumn col : COLUMNS) {
          Object v =
              switch (col.type()) {
                case DECIMAL -> r.getBigDecimal(i);
                case DATETIME -> {
                  Timestamp t = r.getTimestamp(i);
                  yield t == null ? null : new LocalDateTimeValue(t.toLocalDateTime());
                }
                default -> r.getString(i);
              };
          values.put(col.id(), v);
          i++;
        }
        out.put(
            Objects.requireNonNull((String) values.get(ContractCommitmentColumns.MARKER)), values);
      }
    }
    return out;
  }

  /** A UTC date/time value as the ledger keeps it (a record, so that equality is the value's). */
  record LocalDateTimeValue(java.time.LocalDateTime value) {
    @Override
    public String toString() {
      return value.toString();
    }
  }

  private static String text(@Nullable Object v) {
    if (v == null) return "";
    if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
    return v.toString();
  }

  private static BigInteger bound(@Nullable BigDecimal d) {
    if (d == null) return BigInteger.ZERO;
    return d.abs().setScale(0, RoundingMode.DOWN).toBigInteger().add(BigInteger.ONE);
  }

  static int position(FocusSource source, String id) {
    for (var e : source.columns().entrySet())
      if (e.getKey().id().equals(id)) return source.header().indexOf(e.getValue()) + 1;
    return 0;
  }
}
