package io.nuage.store.ledger;

import io.nuage.ledger.FocusColumn;
import io.nuage.ledger.FocusColumns;
import io.nuage.ledger.FocusType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes the SQL that reads a FOCUS file into the stage table: every value normalised, typed and
 * checked, and the row hashed, in one pass by DuckDB. For bad rows only, a second query gives the
 * 128-bit mask of the checks each breaks: bit {@code 2i} means column i is missing a value it must
 * have, {@code 2i+1} that its value is invalid; the rules across columns follow from bit 120 (60
 * columns). The mask is full at 128 bits: a column or rule more needs a wider one.
 */
final class StageSql {
  static final String STAGE = "nuage_stage";
  static final String REJECTS = "nuage_csv_errors";
  static final String SCANS = "nuage_csv_scans";

  /** The rules that involve more than one column, in bit order after the column bits. */
  enum Rule {
    CHARGE_PERIOD_ORDER("ChargePeriodEnd", "ChargePeriodEnd must be after ChargePeriodStart"),
    BILLING_PERIOD_ORDER("BillingPeriodEnd", "BillingPeriodEnd must be after BillingPeriodStart"),
    STATUS_WITHOUT_COMMITMENT(
        "CommitmentDiscountStatus",
        "CommitmentDiscountStatus must be null when CommitmentDiscountId is null"),
    USAGE_WITHOUT_STATUS(
        "CommitmentDiscountStatus",
        "CommitmentDiscountStatus must be Used or Unused on a Usage row with a CommitmentDiscountId"),
    CURRENCY_CODE(
        "BillingCurrency", "BillingCurrency must be an ISO 4217 code (three capital letters)"),
    CONTRACT_APPLIED_SHAPE(
        "ContractApplied",
        "ContractApplied must be a JSON object {\"Elements\": [...]} whose every element is an"
            + " object naming its ContractCommitmentId (a string) and giving"
            + " ContractCommitmentAppliedCost or ContractCommitmentAppliedQuantity as a number"
            + " (FOCUS 1.3)"),
    UNKNOWN_COMMITMENT(
        "ContractApplied",
        "ContractApplied names, under a ContractId whose Contract Commitment dataset the ledger"
            + " holds, a ContractCommitmentId that dataset does not list (expected one of the"
            + " contract's commitments: ingest the provider's contract-commitment file with the"
            + " commitment first)");

    final String column;
    final String reason;

    Rule(String column, String reason) {
      this.column = column;
      this.reason = reason;
    }
  }

  static final int RULE_BASE = 2 * FocusColumns.all().size();

  static {
    if (RULE_BASE + Rule.values().length > 128)
      throw new IllegalStateException("the stage's error mask (UHUGEINT) holds 128 checks");
  }

  private static final String UTC_TIME =
      "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?)?(Z|[+-]00(:?00)?)?";
  private static final String PRECISION_LOST = "\\.[0-9]{18}[0-9]*[1-9]";
  private static final String EXPONENT = "^[+-]?([0-9]*)\\.?([0-9]*)[eE]([+-]?[0-9]+)$";

  private final FocusSource source;
  private final ContractCommitments.Held held;

  /**
   * @param held the ledger's contracts and commitments: a {@code ContractApplied} element under a
   *     {@code ContractId} of the ledger's {@code contract_commitments} must name one of that
   *     contract's commitments (docs/ledger.md, "FOCUS 1.3": only once a Contract Commitment
   *     dataset was ingested)
   */
  StageSql(FocusSource source, ContractCommitments.Held held) {
    this.source = source;
    this.held = held;
  }

  /** A SQL list literal of texts. */
  private static String list(java.util.Collection<String> values) {
    var out = new StringJoiner(", ", "[", "]::VARCHAR[]");
    for (String v : values) out.add(literal(v));
    return out.toString();
  }

  FocusSource source() {
    return source;
  }

  /**
   * The table function that reads the file, every column as text. The diagnosis path keeps rows
   * DuckDB cannot split in a rejects table ({@code storeRejects}); the one pass lets them fail the
   * statement.
   */
  String reader(boolean storeRejects) {
    String file = literal(source.path().toAbsolutePath().toString());
    if (source.format() == FocusSource.Format.PARQUET) return "read_parquet(" + file + ")";
    var cols = new StringJoiner(", ", "{", "}");
    for (String raw : rawHeader()) cols.add(literal(raw) + ": 'VARCHAR'");
    return "read_csv("
        + file
        + ", columns = "
        + cols
        + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
        // the quirks real exports use for null, turned into null by the parser itself (fast)
        + " nullstr = ['NULL', 'null', 'Null', ''], strict_mode = true,"
        + " max_line_size = 16777216,"
        + " compression = "
        + (source.format() == FocusSource.Format.CSV_GZIP ? "'gzip'" : "'none'")
        + (storeRejects
            ? ", store_rejects = true, rejects_table = '"
                + REJECTS
                + "', rejects_scan = '"
                + SCANS
                + "'"
            : "")
        + ")";
  }

  /** The header as the CSV has it (FOCUS columns and ignored ones), for read_csv's column list. */
  List<String> rawHeader() {
    return source.header();
  }

  /**
   * Creates the stage: typed FOCUS columns, whether the row breaks any check, quirk counts and the
   * row hash. Which checks a bad row breaks is worked out later, on the failure path only ({@link
   * #createMasks}), so that the stage pays for one boolean, not a 128-bit mask.
   */
  String createStage() {
    return "CREATE TEMP TABLE " + STAGE + " AS\n" + select(reader(true), Mode.STAGE);
  }

  /**
   * The one pass: a SELECT of {@link #ledgerColumns()} straight from the file, that calls {@code
   * error()} on the first row breaking a check, so that the statement (and its transaction) fails.
   */
  String direct() {
    return select(reader(false), Mode.DIRECT);
  }

  /**
   * The stage's SELECT without the reject store, for a look at the first rows (whether the ledger
   * already has them) before the one pass.
   */
  String probe() {
    return select(reader(false), Mode.STAGE);
  }

  /** The typed FOCUS columns then row_hash and case_fixed, as both SELECTs give them. */
  static String ledgerColumns() {
    var cols = new StringJoiner(", ");
    for (FocusColumn col : FocusColumns.all()) cols.add(ident(col.id()));
    return cols + ", row_hash, case_fixed";
  }

  /**
   * Creates {@code table} with, for each bad row of the file: its record index from 0 ({@code
   * rid}), the mask of the checks it breaks, and its raw values {@code r0..r56}. The file is read
   * again, numbered by {@code row_number() OVER ()}, the one numbering DuckDB promises to be the
   * record order: a table's rowid is not (a 10 million-row stage put the bad row of line 9,999,990
   * at rowid 4,911,405). Serial, so only the failure path pays for it.
   */
  String createMasks(String table) {
    return "CREATE TEMP TABLE "
        + table
        + " AS\nSELECT * FROM ("
        + select(
            "(SELECT row_number() OVER () - 1 AS rid, * FROM " + reader(true) + ")", Mode.MASKS)
        + ") WHERE errmask <> '0'";
  }

  /** What a SELECT over the file gives: the stage, the one pass, or the masks of bad rows. */
  private enum Mode {
    STAGE,
    DIRECT,
    MASKS
  }

  static final String BAD_ROW = "nuage: a row breaks a FOCUS check";

  private String select(String from, Mode mode) {
    boolean masks = mode == Mode.MASKS;
    List<FocusColumn> all = FocusColumns.all();
    var raw = new StringJoiner(",\n  ");
    var norm = new StringJoiner(",\n  ");
    var typed = new StringJoiner(",\n  ");
    var out = new StringJoiner(",\n  ");
    var rawOut = new StringJoiner(", ");
    var checks = new ArrayList<String[]>();
    var hash = new StringJoiner(", ");
    var fixed = new StringJoiner(" | ", "(", ")");
    fixed.setEmptyValue("0::UBIGINT");
    if (masks) {
      raw.add("rid");
      norm.add("rid");
      typed.add("rid");
      out.add("rid");
    }
    for (int i = 0; i < all.size(); i++) {
      FocusColumn col = all.get(i);
      String r = "r" + i;
      String n = "n" + i;
      String t = ident(col.id());
      String rawName = source.columns().get(col);
      if (rawName != null) {
        String src =
            source.format() == FocusSource.Format.PARQUET
                ? "CAST(" + ident(rawName) + " AS VARCHAR)"
                : ident(rawName);
        raw.add(src + " AS " + r);
        norm.add(r);
        typed.add(r);
        boolean parquet = source.format() == FocusSource.Format.PARQUET;
        String origin = source.derived().get(col.id());
        String value =
            origin == null
                ? normalise(col, r, parquet)
                // a 1.3 file's deprecated ProviderName gives way to its ServiceProviderName
                : "coalesce("
                    + normalise(
                        col, "r" + all.indexOf(FocusColumns.find(origin).orElseThrow()), parquet)
                    + ", "
                    + normalise(col, r, parquet)
                    + ")";
        norm.add(value + " AS " + n);
        rawOut.add(r);
        if (!col.allowedValues().isEmpty() && !masks)
          fixed.add("((" + n + " IS NOT NULL AND " + r + " <> " + n + ")::UBIGINT << " + i + ")");
      } else if (source.derived().containsKey(col.id())) {
        // a 1.3 file without the deprecated column: its value is the 1.3 column's
        String origin = source.derived().get(col.id());
        int j = all.indexOf(FocusColumns.find(origin).orElseThrow());
        norm.add(
            normalise(col, "r" + j, source.format() == FocusSource.Format.PARQUET) + " AS " + n);
        rawOut.add("NULL::VARCHAR AS " + r);
      } else {
        String fill = source.fills().get(col.id());
        String value =
            fill == null || fill.equalsIgnoreCase("null") ? "NULL::VARCHAR" : literal(fill);
        norm.add(value + " AS " + n);
        rawOut.add("NULL::VARCHAR AS " + r);
      }
      typed.add(n);
      typed.add(typedValue(col, n) + " AS " + t);
      if (!masks) out.add(t);
      if (FocusColumns.refusesNull(col)
          && (rawName != null || FocusColumns.requiredIn(col, source.version())))
        checks.add(new String[] {n + " IS NULL", bit(2 * i)});
      String invalid = invalid(col, n, t);
      if (invalid != null) checks.add(new String[] {invalid, bit(2 * i + 1)});
      if (!FocusColumns.NOT_IN_IDENTITY.contains(col.id())) hash.add(t);
    }
    for (Rule rule : Rule.values()) {
      String cond = rule(rule);
      if (cond != null)
        checks.add(new String[] {"coalesce(" + cond + ", false)", bit(RULE_BASE + rule.ordinal())});
    }
    if (masks) {
      var sum = new StringJoiner("\n    + ", "(0::UHUGEINT\n    + ", ")");
      for (String[] c : checks) sum.add("CASE WHEN " + c[0] + " THEN " + c[1] + " ELSE 0 END");
      out.add(sum + "::VARCHAR AS errmask");
      out.add(rawOut.toString());
    } else {
      var any = new StringJoiner("\n    OR ", "(", ")");
      for (String[] c : checks) any.add("coalesce(" + c[0] + ", false)");
      out.add("hash(" + hash + ") AS row_hash");
      if (mode == Mode.STAGE) {
        out.add(fixed + " AS case_fixed");
        out.add(any + " AS bad");
      } else {
        out.add(
            "CASE WHEN "
                + any
                + " THEN error('"
                + BAD_ROW
                + "') ELSE "
                + fixed
                + " END AS case_fixed");
      }
    }
    return "SELECT\n  "
        + out
        + "\nFROM (SELECT\n  "
        + typed
        + "\nFROM (SELECT\n  "
        + norm
        + "\nFROM (SELECT\n  "
        + raw
        + "\nFROM "
        + from
        + ")))";
  }

  /**
   * The columns of the file whose values may be case-fixed, with their bit in {@code case_fixed}
   * (the column's index in {@link FocusColumns#all()}).
   */
  Map<Integer, String> caseFixColumns() {
    var out = new LinkedHashMap<Integer, String>();
    List<FocusColumn> all = FocusColumns.all();
    for (int i = 0; i < all.size(); i++) {
      FocusColumn col = all.get(i);
      if (!col.allowedValues().isEmpty() && source.columns().containsKey(col)) out.put(i, col.id());
    }
    return out;
  }

  /** Text to value: null quirks to null, allowed values to the spec's spelling. */
  private static String normalise(FocusColumn col, String r, boolean parquet) {
    // CSV nulls are turned into null by the reader; Parquet text may still hold them
    String base =
        !parquet
            ? r
            : "CASE WHEN "
                + r
                + " = '' OR "
                + r
                + " IN ('NULL', 'null', 'Null') THEN NULL ELSE "
                + r
                + " END";
    if (col.allowedValues().isEmpty()) return base;
    // the spec's own spelling passes untouched; only other spellings pay for upper()
    var exact = new StringJoiner(", ", "(", ")");
    for (String v : col.allowedValues()) exact.add(literal(v));
    var cases = new StringBuilder("CASE WHEN " + r + " IN " + exact + " THEN " + r);
    cases.append(" ELSE CASE upper(").append(r).append(")");
    for (String v : col.allowedValues())
      cases
          .append(" WHEN ")
          .append(literal(v.toUpperCase(Locale.ROOT)))
          .append(" THEN ")
          .append(literal(v));
    return cases.append(" ELSE ").append(base).append(" END END").toString();
  }

  static String typedValue(FocusColumn col, String n) {
    return switch (col.type()) {
      case DECIMAL -> "TRY_CAST(" + n + " AS DECIMAL(38,18))";
      case DATETIME ->
          // fast path: exactly YYYY-MM-DD?HH:MM:SS has no room for an offset; else the full check.
          // A CASE, not an OR: DuckDB evaluates a CASE branch only for the rows that reach it
          "CASE WHEN length("
              + n
              + ") = 19 AND substr("
              + n
              + ", 14, 1) = ':' AND substr("
              + n
              + ", 17, 1) = ':' THEN TRY_CAST("
              + n
              + " AS TIMESTAMP) WHEN regexp_full_match("
              + n
              + ", '"
              + UTC_TIME
              + "') THEN TRY_CAST("
              + n
              + " AS TIMESTAMP) END";
      case STRING, JSON -> n;
    };
  }

  private static String invalid(FocusColumn col, String n, String t) {
    String notNull = n + " IS NOT NULL AND ";
    if (col.type() == FocusType.DECIMAL)
      // only a text over 19 bytes can hold 19 decimals: the regex runs for those alone; a text
      // with an exponent (a Parquet DOUBLE as text: 3.3333333333333335e-05) is short and is
      // rounded by the cast, so its decimal places are counted from mantissa and exponent
      return notNull
          + "("
          + t
          + " IS NULL OR CASE WHEN contains("
          + n
          + ", 'e') OR contains("
          + n
          + ", 'E') THEN "
          + exponentPrecisionLost(n)
          + " WHEN strlen("
          + n
          + ") > 19 THEN regexp_matches("
          + n
          + ", '"
          + PRECISION_LOST
          + "') ELSE false END)";
    if (col.type() == FocusType.DATETIME) return notNull + t + " IS NULL";
    if (col.type() == FocusType.JSON) return notNull + "NOT json_valid(" + n + ")";
    if (!col.allowedValues().isEmpty()) {
      var in = new StringJoiner(", ", "(", ")");
      for (String v : col.allowedValues()) in.add(literal(v));
      return notNull + n + " NOT IN " + in;
    }
    return null;
  }

  /**
   * Whether a decimal written with an exponent has a non-zero digit past the 18th place: the
   * mantissa's digits after the point, minus the exponent, minus its trailing zeros. Unsure (a text
   * this does not parse) counts as lost: refused, never rounded.
   */
  private static String exponentPrecisionLost(String n) {
    String part = "regexp_extract(trim(" + n + "), '" + EXPONENT + "', ";
    String digits = "(" + part + "1) || " + part + "2))";
    String significant = "rtrim(" + digits + ", '0')";
    return "coalesce("
        + significant
        + " <> '' AND length("
        + part
        + "2)) - TRY_CAST("
        + part
        + "3) AS BIGINT) - (length("
        + digits
        + ") - length("
        + significant
        + ")) > 18, true)";
  }

  private String rule(Rule rule) {
    return switch (rule) {
      case CHARGE_PERIOD_ORDER -> q("ChargePeriodEnd") + " <= " + q("ChargePeriodStart");
      case BILLING_PERIOD_ORDER -> q("BillingPeriodEnd") + " <= " + q("BillingPeriodStart");
      case STATUS_WITHOUT_COMMITMENT ->
          has("CommitmentDiscountStatus")
              ? q("CommitmentDiscountStatus")
                  + " IS NOT NULL AND "
                  + q("CommitmentDiscountId")
                  + " IS NULL"
              : null;
      case USAGE_WITHOUT_STATUS ->
          has("CommitmentDiscountStatus") && has("CommitmentDiscountId")
              ? q("ChargeCategory")
                  + " = 'Usage' AND "
                  + q("CommitmentDiscountId")
                  + " IS NOT NULL AND "
                  + q("CommitmentDiscountStatus")
                  + " IS NULL"
              : null;
      case CURRENCY_CODE -> "NOT regexp_full_match(" + q("BillingCurrency") + ", '[A-Z]{3}')";
      case CONTRACT_APPLIED_SHAPE ->
          has("ContractApplied")
              // a CASE, not an AND: DuckDB's JSON functions fail on text that is not JSON
              ? "CASE WHEN json_valid("
                  + q("ContractApplied")
                  + ") THEN NOT "
                  + contractAppliedShape()
                  + " ELSE false END"
              : null;
      case UNKNOWN_COMMITMENT ->
          has("ContractApplied") && !held.contracts().isEmpty()
              ? "CASE WHEN json_valid("
                  + q("ContractApplied")
                  + ") AND "
                  + contractAppliedShape()
                  // scoped to the contracts whose dataset the ledger holds (docs/ledger.md); the
                  // ids are literals: DuckDB allows no subquery in a lambda
                  + " THEN coalesce(list_bool_or(list_transform("
                  + elements()
                  + ", lambda e: list_contains("
                  + list(held.contracts())
                  + ", "
                  + eitherSpelling("json_extract_string", "e", "ContractId")
                  + ") AND NOT list_contains("
                  + list(held.commitments())
                  + ", "
                  + eitherSpelling("json_extract_string", "e", "ContractCommitmentId")
                  + "))), false) ELSE false END"
              : null;
    };
  }

  /**
   * Whether a valid JSON {@code ContractApplied} has the FOCUS 1.3 shape (COLUMNS-1.3.md 2.1): an
   * object with an {@code Elements} array of objects, each naming its commitment and giving a cost
   * or a quantity as a number. Keys left out count as null, and the {@code …ID} spelling of the
   * printed 1.3 examples is read too. The amounts' exactness is Jackson's check ({@link
   * ContractAppliedRows}), not this one: DuckDB reads JSON numbers as doubles.
   */
  private static String contractAppliedShape() {
    String ca = q("ContractApplied");
    String number = " IN ('NULL', 'BIGINT', 'UBIGINT', 'DOUBLE')";
    String cost = "coalesce(json_type(e, '$.ContractCommitmentAppliedCost'), 'NULL')";
    String quantity = "coalesce(json_type(e, '$.ContractCommitmentAppliedQuantity'), 'NULL')";
    String element =
        "json_type(e) = 'OBJECT' AND "
            + eitherSpelling("json_type", "e", "ContractCommitmentId")
            + " = 'VARCHAR' AND "
            + cost
            + number
            + " AND "
            + quantity
            + number
            + " AND ("
            + cost
            + " <> 'NULL' OR "
            + quantity
            + " <> 'NULL')";
    return "coalesce(json_type("
        + ca
        + ") = 'OBJECT' AND json_type("
        + ca
        + ", '$.Elements') = 'ARRAY' AND coalesce(list_bool_and(list_transform("
        + elements()
        + ", lambda e: "
        + element
        + ")), true), false)";
  }

  private static String elements() {
    return "json_extract(" + q("ContractApplied") + ", '$.Elements[*]')";
  }

  /** {@code f(e, '$.<key>')}, else with the key's {@code …ID} spelling. */
  private static String eitherSpelling(String f, String e, String key) {
    String upper = key.substring(0, key.length() - 2) + "ID";
    return "coalesce("
        + f
        + "("
        + e
        + ", '$."
        + key
        + "'), "
        + f
        + "("
        + e
        + ", '$."
        + upper
        + "'))";
  }

  boolean has(String id) {
    return source.columns().keySet().stream().anyMatch(c -> c.id().equals(id));
  }

  /** The typed value of a FOCUS column inside the stage query. */
  private static String q(String id) {
    return ident(id);
  }

  /** The columns of a row's identity (docs/ledger.md), in catalog order. */
  static List<FocusColumn> identity() {
    return FocusColumns.all().stream()
        .filter(c -> !FocusColumns.NOT_IN_IDENTITY.contains(c.id()))
        .toList();
  }

  /** DuckDB's hash of the identity columns of {@code alias}: a locator, never the proof. */
  static String identityHash(String alias) {
    var cols = new StringJoiner(", ", "hash(", ")");
    for (FocusColumn c : identity()) cols.add(alias + "." + ident(c.id()));
    return cols.toString();
  }

  /** The proof: every identity column of {@code a} equals {@code b}'s (nulls equal nulls). */
  static String sameIdentity(String a, String b) {
    var cond = new StringJoiner(" AND ");
    for (FocusColumn c : identity())
      cond.add(a + "." + ident(c.id()) + " IS NOT DISTINCT FROM " + b + "." + ident(c.id()));
    return cond.toString();
  }

  static String bit(int index) {
    return "'" + BigInteger.ONE.shiftLeft(index) + "'::UHUGEINT";
  }

  static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
