package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nuage.store.Store;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOCUS 1.3 through the real CLI: the hand-made Contract Commitment and Cost and Usage examples of
 * ../shared/data/focus/focus-1.3 (PROVENANCE.md), their totals against sums computed here from the
 * files' text, and each kind of bad input (located, exit 2, the store's bytes unchanged).
 */
class IngestFocus13Test {
  static final Path COMMITMENTS =
      SharedData.file("focus/focus-1.3/examples-handmade/contract_commitment.csv");
  static final Path COST_AND_USAGE =
      SharedData.file("focus/focus-1.3/examples-handmade/cost_and_usage_with_contract_applied.csv");

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void store() {
    db = dir.resolve("l.duckdb");
  }

  /** {@code ledger reconcile} of this test's store (any scenario: 1.3 mismatches need none). */
  Cli reconcile(String... more) {
    return Cli.reconcile(SharedData.repo().resolve("examples/frontier-lab-2027.yaml"), db, more);
  }

  Cli ingest(String... args) {
    var all = new ArrayList<>(List.of("ingest", "--db", db.toString()));
    all.addAll(List.of(args));
    return Cli.run(all);
  }

  @Test
  void specExamples_ingestWithTotalsEqualToTheFiles() throws Exception {
    Cli run = ingest(COMMITMENTS.toString(), COST_AND_USAGE.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("FOCUS 1.3").containsPattern("accepted\\s+4\\b");
    assertThat(run.out()).containsPattern("accepted\\s+20\\b");
    // billed, effective and list cost per provider, as the file's text adds up
    LedgerProbe probe = LedgerProbe.of(db);
    assertThat(probe.byProvider().keySet())
        .isEqualTo(SourceTotals.byProvider(COST_AND_USAGE).keySet());
    var source = SourceTotals.byProvider(COST_AND_USAGE);
    probe
        .byProvider()
        .forEach((p, t) -> assertThat(t.sameAs(source.get(p))).as(p + ": " + t).isTrue());
    // the commitments, and what the bills applied to each, exactly
    assertThat(query("SELECT count(*), sum(ContractCommitmentCost) FROM contract_commitments"))
        .isEqualTo(List.of("4", "210000.000000000000000000"));
    assertThat(sumColumn(COMMITMENTS, "ContractCommitmentCost")).isEqualByComparingTo("210000.00");
    Map<String, BigDecimal[]> applied = appliedInFile(COST_AND_USAGE);
    assertThat(applied.get("CC-EXC-0001-Y1")[0]).isEqualByComparingTo("60000.00");
    assertThat(applied.get("CC-EXC-0001-GPU-Y1")[1]).isEqualByComparingTo("3000");
    for (var e : applied.entrySet()) {
      List<String> stored =
          query(
              "SELECT coalesce(sum(ContractCommitmentAppliedCost), 0),"
                  + " coalesce(sum(ContractCommitmentAppliedQuantity), 0) FROM contract_applied"
                  + " WHERE ContractCommitmentId = '"
                  + e.getKey()
                  + "'");
      assertThat(new BigDecimal(stored.get(0)))
          .as(e.getKey())
          .isEqualByComparingTo(e.getValue()[0]);
      assertThat(new BigDecimal(stored.get(1)))
          .as(e.getKey())
          .isEqualByComparingTo(e.getValue()[1]);
    }
    assertThat(query("SELECT dataset, focus_version FROM ingestions ORDER BY ingestion_id LIMIT 1"))
        .isEqualTo(List.of("ContractCommitment", "1.3"));
  }

  @Test
  void specExamples_twice_changeNothing() throws Exception {
    assertThat(ingest(COMMITMENTS.toString(), COST_AND_USAGE.toString()).code()).isZero();
    List<String> before = counts();

    Cli again = ingest(COMMITMENTS.toString(), COST_AND_USAGE.toString());

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out())
        .containsPattern("duplicates\\s+4\\b")
        .containsPattern("duplicates\\s+20\\b");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void datasetOption_namesTheDataset() throws IOException {
    Path renamed = copy("commitments.csv", COMMITMENTS, UnaryOperator.identity());
    assertThat(ingest("--dataset", "contract-commitment", renamed.toString()).code()).isZero();

    Cli wrong = ingest("--dataset", "contract-commitment", COST_AND_USAGE.toString());

    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err())
        .contains("cost_and_usage_with_contract_applied.csv:1: ContractCommitmentId: mandatory");
  }

  @Test
  void a13FileWithoutProviderName_takesItFromServiceProviderName() throws Exception {
    Path file =
        copy(
            "no-provider.csv",
            COST_AND_USAGE,
            line -> dropColumns(line, List.of(25, 26))); // ProviderName, PublisherName

    Cli run = ingest(file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "ProviderName taken from ServiceProviderName (FOCUS 1.3 deprecates ProviderName)");
    assertThat(LedgerProbe.of(db).byProvider().keySet())
        .containsExactly("Example Analytics Inc", "Example Cloud");
  }

  @Test
  void a13FileWithProviderName_readsItFromServiceProviderName() throws Exception {
    Cli run = ingest(COST_AND_USAGE.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("ProviderName read from ServiceProviderName");
    // independently: Σ BilledCost per ServiceProviderName of the file's text
    Map<String, BigDecimal> bySeller = new TreeMap<>();
    List<String> lines = Files.readAllLines(COST_AND_USAGE);
    List<String> h = SourceTotals.split(lines.getFirst());
    for (String l : lines.subList(1, lines.size())) {
      List<String> f = SourceTotals.split(l);
      bySeller.merge(
          f.get(h.indexOf("ServiceProviderName")),
          new BigDecimal(f.get(h.indexOf("BilledCost"))),
          BigDecimal::add);
    }
    // the marketplace line's deprecated ProviderName is Example Cloud: not the ledger's provider
    assertThat(bySeller).containsKey("Example Analytics Inc");
    assertThat(
            query(
                    "SELECT sum(BilledCost) FROM billing_rows WHERE ProviderName = 'Example Analytics Inc'")
                .getFirst())
        .satisfies(
            v ->
                assertThat(new BigDecimal(v))
                    .isEqualByComparingTo(bySeller.get("Example Analytics Inc")));
    assertThat(
            query("SELECT sum(BilledCost) FROM billing_rows WHERE ProviderName = 'Example Cloud'")
                .getFirst())
        .satisfies(
            v -> assertThat(new BigDecimal(v)).isEqualByComparingTo(bySeller.get("Example Cloud")));
  }

  @Test
  void commitmentPeriodEndingBeforeItStarts_isRefusedOnItsLine() throws IOException {
    Path bad =
        copy(
            "cc.csv",
            COMMITMENTS,
            line ->
                line.contains("CC-EXC-0001-Y2,")
                    ? line.replace(
                        "2028-01-01T00:00:00Z,2027-01-01T00:00:00Z",
                        "2026-06-01T00:00:00Z,2027-01-01T00:00:00Z")
                    : line);

    String err = refused(bad);

    assertThat(err)
        .contains("cc.csv:3:6: ContractCommitmentPeriodEnd: got '2026-06-01T00:00'")
        .contains("ends before it starts");
  }

  /**
   * A ContractApplied whose cost amounts disagree with the line's effective cost by more than a
   * cent is reported by {@code nuage ledger reconcile}, with both sums and the difference exactly;
   * one that disagrees by half a cent is not.
   */
  @Test
  void contractAppliedDisagreeingWithTheLinesCost_isReportedByReconcile() throws Exception {
    UnaryOperator<String> twoCents =
        onLine(4, x -> x.replace("AppliedCost\"\":3740.00", "AppliedCost\"\":3739.98"));
    UnaryOperator<String> halfACent =
        onLine(6, x -> x.replace("AppliedCost\"\":3740.00", "AppliedCost\"\":3740.005"));
    Path file = copy("cu.csv", COST_AND_USAGE, l -> twoCents.apply(halfACent.apply(l)));
    assertThat(ingest(COMMITMENTS.toString(), file.toString()).code()).isZero();

    Cli run = reconcile("--format", "json");

    assertThat(run.code()).as(run.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    var applied = json.path("contractApplied");
    assertThat(applied.size()).as(run.out()).isEqualTo(1);
    assertThat(applied.get(0).path("effectiveCost").asText()).isEqualTo("3740.00");
    assertThat(applied.get(0).path("applied").asText()).isEqualTo("3739.98");
    assertThat(applied.get(0).path("difference").asText()).isEqualTo("-0.02");
    assertThat(applied.get(0).path("currency").asText()).isEqualTo("USD");
    assertThat(applied.get(0).path("commitments").asText()).isNotEmpty();
    assertThat(applied.get(0).path("source").asText()).endsWith("cu.csv");

    Cli table = reconcile();
    assertThat(table.out()).contains("ContractApplied cost differing").contains("-0.02");
  }

  /**
   * Lines that tie on the difference (a monthly file's often do) keep the file's order under {@code
   * --limit}: the same lines every run (found by review: the order was DuckDB's own).
   */
  @Test
  void tiedDisagreements_underLimit_keepTheFilesOrder() throws Exception {
    List<String> lines = Files.readAllLines(COST_AND_USAGE, StandardCharsets.UTF_8);
    String line = lines.get(3).replace("AppliedCost\"\":3740.00", "AppliedCost\"\":3739.98");
    var out = new ArrayList<String>();
    out.add(lines.get(0));
    for (int i = 1; i <= 300; i++) {
      out.add(line.replace(",vmss-web-prod,", String.format(",vm-%04d,", i)));
    }
    Path file = Files.write(dir.resolve("tied.csv"), out, StandardCharsets.UTF_8);
    assertThat(ingest(COMMITMENTS.toString(), file.toString()).code()).isZero();

    Cli run = reconcile("--limit", "5", "--format", "json");

    assertThat(run.code()).as(run.err()).isZero();
    var ids = new ArrayList<String>();
    for (var m :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(run.out())
            .path("contractApplied")) {
      ids.add(m.path("resourceId").asText());
    }
    assertThat(ids).containsExactly("vm-0001", "vm-0002", "vm-0003", "vm-0004", "vm-0005");
  }

  /** The spec examples' ContractApplied all add up to their lines' effective cost. */
  @Test
  void specExamples_reconcileWithNoContractAppliedDisagreement() throws Exception {
    assertThat(ingest(COMMITMENTS.toString(), COST_AND_USAGE.toString()).code()).isZero();
    Cli run = reconcile("--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out())
                .path("contractApplied")
                .size())
        .isZero();
  }

  @Test
  void contractAppliedNotJson_isRefusedOnItsLine() throws IOException {
    Path bad =
        copy(
            "cu.csv",
            COST_AND_USAGE,
            onLine(4, l -> l.replace("{\"\"Elements\"\":", "{\"\"Elements\"\"")));

    String err = refused(bad);

    assertThat(err).contains("cu.csv:4:15: ContractApplied: got '{\"Elements\"[");
  }

  @Test
  void contractAppliedThatOnlyTheExactReaderRefuses_isRefusedOnItsLine() throws IOException {
    // DuckDB's JSON reader takes a trailing comma; Jackson, the exact reader, does not
    Path bad = copy("cu.csv", COST_AND_USAGE, onLine(5, l -> l.replace("}]}\"", "},]}\"")));

    String err = refused(bad);

    assertThat(err).contains("cu.csv:5:15: ContractApplied: not valid JSON");
  }

  @Test
  void contractAppliedWithoutAnAmount_isRefusedOnItsLine() throws IOException {
    Path bad =
        copy(
            "cu.csv",
            COST_AND_USAGE,
            onLine(2, l -> l.replace("AppliedCost\"\":3400.00", "AppliedCost\"\":null")));

    String err = refused(bad);

    assertThat(err).contains("cu.csv:2:15: ContractApplied: ContractApplied must be a JSON object");
  }

  @Test
  void unknownCommitment_onceCommitmentsAreIngested_isRefusedOnItsLine() throws IOException {
    assertThat(ingest(COMMITMENTS.toString()).code()).isZero();
    Path bad =
        copy("cu.csv", COST_AND_USAGE, onLine(3, l -> l.replace("CC-EXC-0001-Y1", "CC-NOPE")));

    String err = refused(bad);

    assertThat(err)
        .contains(
            "cu.csv:3:15: ContractApplied: ContractApplied names, under a ContractId whose Contract"
                + " Commitment dataset the ledger holds, a ContractCommitmentId that dataset does"
                + " not list")
        .contains("CC-NOPE");
  }

  @Test
  void commitmentOfAContractWhoseDatasetIsNotHeld_isAccepted() throws Exception {
    // another provider's contract: the ledger holds CTR-EXC-0001's commitments only
    assertThat(ingest(COMMITMENTS.toString()).code()).isZero();
    Path other =
        copy(
            "other.csv",
            COST_AND_USAGE,
            onLine(
                3,
                l -> l.replace("CTR-EXC-0001", "CTR-GCP-9").replace("CC-EXC-0001-Y1", "CC-GCP-9")));

    Cli run = ingest(other.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(
            query(
                "SELECT count(*) FROM contract_applied WHERE ContractId = 'CTR-GCP-9'"
                    + " AND ContractCommitmentId = 'CC-GCP-9'"))
        .containsExactly("1");
  }

  @Test
  void contractIdThatIsNotTheCommitmentsParent_isRefusedOnItsLine() throws IOException {
    Path bad =
        copy("cu.csv", COST_AND_USAGE, onLine(3, l -> l.replace("CTR-EXC-0001", "CTR-NOPE")));

    String err = refused(bad);

    assertThat(err)
        .contains(
            "cu.csv:3:15: ContractApplied: Elements[1].ContractId: got 'CTR-NOPE', expected"
                + " 'CTR-EXC-0001' (the parent of commitment CC-EXC-0001-Y1 in the Contract"
                + " Commitment dataset ingested as "
                + COMMITMENTS)
        .contains("nothing from this file was ingested");
  }

  @Test
  void contractIdThatIsNotTheCommitmentsParent_isRefusedEvenWithSkipBadRows() throws IOException {
    Path bad =
        copy("cu.csv", COST_AND_USAGE, onLine(5, l -> l.replace("CTR-EXC-0001", "CTR-NOPE")));
    assertThat(ingest(COMMITMENTS.toString()).code()).isZero();
    byte[] before = Files.readAllBytes(db);

    Cli run = ingest("--skip-bad-rows", bad.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("cu.csv:5:15: ContractApplied: Elements[1].ContractId");
    assertThat(Files.readAllBytes(db)).as("store bytes").isEqualTo(before);
  }

  @Test
  void unknownCommitment_beforeAnyCommitmentIsIngested_isAccepted() throws Exception {
    Path file =
        copy("cu.csv", COST_AND_USAGE, onLine(3, l -> l.replace("CC-EXC-0001-Y1", "CC-LATER")));

    Cli run = ingest(file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(
            query("SELECT count(*) FROM contract_applied WHERE ContractCommitmentId = 'CC-LATER'"))
        .containsExactly("1");
  }

  @Test
  void commitmentRestatedWithOtherTerms_isRefusedOnItsLine() throws IOException {
    assertThat(ingest(COMMITMENTS.toString()).code()).isZero();
    Path bad = copy("cc.csv", COMMITMENTS, line -> line.replace("70000.00", "75000.00"));

    String err = refused(bad);

    assertThat(err)
        .contains(
            "cc.csv:3:3: ContractCommitmentCost: commitment CC-EXC-0001-Y2 is already in the ledger")
        .contains("got '75000', the ledger has '70000'");
  }

  @Test
  void sameCommitmentTwiceInAFile_isRefusedOnItsLine() throws IOException {
    List<String> lines = Files.readAllLines(COMMITMENTS);
    Path bad = dir.resolve("cc.csv");
    var twice = new ArrayList<>(lines);
    twice.add(lines.get(1));
    Files.write(bad, twice);

    String err = refused(bad);

    assertThat(err)
        .contains(
            "cc.csv:6:5: ContractCommitmentId: got 'CC-EXC-0001-Y1', expected one row per commitment (line 2");
  }

  // ---- helpers

  /** Ingests {@code bad} into a store holding the examples' commitments, expects refusal. */
  private String refused(Path bad) throws IOException {
    if (!Files.exists(db)) assertThat(ingest(COMMITMENTS.toString()).code()).isZero();
    byte[] before = Files.readAllBytes(db);
    Cli run = ingest(bad.toString());
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(Files.readAllBytes(db)).as("store bytes").isEqualTo(before);
    return run.err();
  }

  private List<String> counts() throws SQLException {
    return query(
        "SELECT (SELECT count(*) FROM billing_rows), (SELECT count(*) FROM contract_commitments),"
            + " (SELECT count(*) FROM contract_applied),"
            + " (SELECT sum(ContractCommitmentAppliedCost) FROM contract_applied)");
  }

  private List<String> query(String q) throws SQLException {
    var out = new ArrayList<String>();
    try (Store store = Store.open(db);
        Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery(q)) {
      r.next();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) out.add(r.getString(i));
    }
    return out;
  }

  private Path copy(String name, Path from, UnaryOperator<String> edit) throws IOException {
    List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
    var out = new ArrayList<String>();
    for (int i = 0; i < lines.size(); i++) out.add(edit.apply(lines.get(i)));
    return Files.write(dir.resolve(name), out, StandardCharsets.UTF_8);
  }

  /** {@code edit} on file line {@code n} only (1 = the header). */
  private static UnaryOperator<String> onLine(int n, UnaryOperator<String> edit) {
    int[] line = {0};
    return l -> ++line[0] == n ? edit.apply(l) : l;
  }

  private static String dropColumns(String line, List<Integer> drop) {
    List<String> cells = SourceTotals.split(line);
    var kept = new ArrayList<String>();
    for (int i = 0; i < cells.size(); i++)
      if (!drop.contains(i)) kept.add("\"" + cells.get(i).replace("\"", "\"\"") + "\"");
    return String.join(",", kept);
  }

  /** Σ of one column of a CSV, by a plain split and BigDecimal. */
  private static BigDecimal sumColumn(Path csv, String column) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int k = SourceTotals.split(lines.getFirst()).indexOf(column);
    BigDecimal sum = BigDecimal.ZERO;
    for (String l : lines.subList(1, lines.size())) {
      String v = SourceTotals.split(l).get(k);
      if (!v.isEmpty()) sum = sum.add(new BigDecimal(v));
    }
    return sum;
  }

  /**
   * Per commitment, Σ applied cost and Σ applied quantity, from the file's text by a plain split
   * and Jackson's streaming parser (the ingest reads a tree): token by token, numbers as text.
   */
  private static Map<String, BigDecimal[]> appliedInFile(Path csv) throws IOException {
    var out = new TreeMap<String, BigDecimal[]>();
    List<String> lines = Files.readAllLines(csv);
    int k = SourceTotals.split(lines.getFirst()).indexOf("ContractApplied");
    var json = new JsonFactory();
    for (String l : lines.subList(1, lines.size())) {
      String v = SourceTotals.split(l).get(k);
      if (v.isEmpty()) continue;
      try (JsonParser p = json.createParser(v)) {
        String id = null;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        String field = null;
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.FIELD_NAME) field = p.currentName();
          else if (t == JsonToken.VALUE_STRING && "ContractCommitmentId".equals(field))
            id = p.getText();
          else if (t.isNumeric() && "ContractCommitmentAppliedCost".equals(field))
            cost = new BigDecimal(p.getText());
          else if (t.isNumeric() && "ContractCommitmentAppliedQuantity".equals(field))
            quantity = new BigDecimal(p.getText());
          else if (t == JsonToken.END_OBJECT && id != null) {
            BigDecimal[] sums =
                out.computeIfAbsent(id, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(cost);
            sums[1] = sums[1].add(quantity);
            id = null;
            cost = BigDecimal.ZERO;
            quantity = BigDecimal.ZERO;
          }
        }
      }
    }
    return out;
  }
}
