package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.ledger.SyntheticBilling;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind, each through the real CLI on a store that already holds the FinOps
 * sample: exit code 2, a message naming file, line, column, value and what was expected, no stack
 * trace, and the store exactly as before (byte for byte, total for total).
 */
class IngestBadInputTest {
  @TempDir Path dir;
  Path db;
  Path sample;
  List<String> lines;

  @BeforeEach
  void storeHoldingTheSample() throws IOException {
    sample = SharedData.file(IngestSampleTest.SAMPLE);
    lines = Files.readAllLines(sample);
    db = dir.resolve("ledger.duckdb");
    assertThat(Cli.run("ingest", "--db", db.toString(), sample.toString()).code()).isZero();
  }

  /**
   * Review of issue 11, finding 7: {@code --db} naming a real CSV (here a copy of the FinOps
   * sample) reported accepted rows that went to an empty store in memory. Refused, the file left as
   * it was; and {@code plan --db} does not say it kept a plan there.
   */
  @Test
  void dbThatIsACsvFile_isRefusedAndTheFileLeftAsItWas() throws IOException {
    Path victim = Files.copy(sample, dir.resolve("victim.csv"));
    byte[] before = Files.readAllBytes(victim);
    Cli ingest = Cli.run("ingest", "--db", victim.toString(), sample.toString());
    assertThat(ingest.code()).as(ingest.out() + ingest.err()).isEqualTo(2);
    assertThat(ingest.err())
        .contains(victim + ": not a Nuage store")
        .doesNotContain("Exception", "\tat ");
    assertThat(ingest.out()).doesNotContain("accepted");
    Cli ledger = Cli.run("ledger", "--db", victim.toString());
    assertThat(ledger.code()).isEqualTo(2);
    assertThat(Files.readAllBytes(victim)).isEqualTo(before);
  }

  @Test
  void corruptedDateInDataRow700_exitsNonZeroNamesLine701AndChangesNothing() throws IOException {
    Path bad =
        variant(
            "corrupt-700.csv",
            701,
            row -> replaceField(row, "ChargePeriodStart", "2024-09-31 25:00:00"));

    Refusal r = refused(bad);

    assertThat(r.err()).contains("corrupt-700.csv:701:").contains("ChargePeriodStart");
    assertThat(r.err()).contains("got '2024-09-31 25:00:00'").contains("expected an ISO 8601");
    assertThat(r.err()).contains("1 of 1000 rows rejected").contains("nothing from this file");
  }

  @Test
  void missingMandatoryColumn_isNamedAndNothingChanges() throws IOException {
    Path bad = dir.resolve("no-billed-cost.csv");
    var out = new ArrayList<String>();
    for (String line : lines) out.add(dropField(line, 1)); // BilledCost is the second column
    Files.write(bad, out);

    Refusal r = refused(bad);

    assertThat(r.err())
        .contains("no-billed-cost.csv:1: BilledCost: mandatory FOCUS column missing");
  }

  @Test
  void wrongType_namesLineColumnValueAndExpectation() throws IOException {
    Path bad = variant("wrong-type.csv", 12, row -> replaceField(row, "BilledCost", "12,50 USD"));

    Refusal r = refused(bad);

    assertThat(r.err())
        .contains("wrong-type.csv:12:2: BilledCost: got '12,50 USD', expected a decimal number");
  }

  @Test
  void moneyWithMorePrecisionThanTheLedgerKeeps_isRefusedNotRounded() throws IOException {
    Path bad =
        variant(
            "too-precise.csv",
            3,
            row -> replaceField(row, "EffectiveCost", "0.0000000000000000001"));

    Refusal r = refused(bad);

    assertThat(r.err())
        .contains("too-precise.csv:3:")
        .contains("EffectiveCost")
        .contains("never rounds");
  }

  @Test
  void badEnumValue_listsTheAllowedValues() throws IOException {
    Path bad = variant("bad-enum.csv", 5, row -> replaceField(row, "ChargeCategory", "Usages"));

    Refusal r = refused(bad);

    assertThat(r.err())
        .contains(
            "bad-enum.csv:5:8: ChargeCategory: got 'Usages', expected one of Adjustment, Credit, Purchase, Tax, Usage");
  }

  @Test
  void chargePeriodEndBeforeStart_breaksTheSpecRule() throws IOException {
    Path bad =
        variant(
            "backwards.csv", 9, row -> replaceField(row, "ChargePeriodEnd", "2024-09-01 00:00:00"));

    Refusal r = refused(bad);

    assertThat(r.err())
        .contains("backwards.csv:9:")
        .contains("ChargePeriodEnd must be after ChargePeriodStart");
  }

  @Test
  void truncatedFile_namesTheBrokenLastLine() throws IOException {
    byte[] all = Files.readAllBytes(sample);
    Path bad = Files.write(dir.resolve("truncated.csv"), java.util.Arrays.copyOf(all, 400_000));

    Refusal r = refused(bad);

    assertThat(r.err())
        .contains("truncated.csv:537:")
        .contains("malformed CSV row")
        .contains("truncated file?");
  }

  @Test
  void fileThatIsNotCsv_isRefusedAsSuch() throws IOException {
    Path binary = dir.resolve("report.csv");
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Files.write(binary, junk);
    Path json = Files.writeString(dir.resolve("export.json"), "{\"BilledCost\": 1.5}\n");

    assertThat(refused(binary).err()).contains("report.csv: not a CSV text file");
    assertThat(refused(json).err())
        .contains("export.json: not a FOCUS file: its first line names no FOCUS column");
  }

  @Test
  void emptyFile_isRefused() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    Path headerOnly = Files.writeString(dir.resolve("header-only.csv"), "");

    assertThat(refused(empty).err()).contains("empty.csv: empty file");
    assertThat(refused(headerOnly).err()).contains("header-only.csv: empty file");
  }

  @Test
  void largeFileWithOneBadRowNearTheEnd_ingestsNothing() throws IOException {
    long rows = 300_000;
    Path big = dir.resolve("big.csv");
    try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      new SyntheticBilling(rows, 11, rows - 3).write(w);
    }
    assertThat(Files.size(big)).isGreaterThan(200_000_000L);

    Refusal r = refused(big);

    assertThat(r.err())
        .contains("1 of 300000 rows rejected")
        .contains("big.csv:" + (rows - 3) + ":13: ChargePeriodStart: got '")
        .contains(" 30:00:00'");
  }

  @Test
  void skipBadRows_ingestsTheGoodRowsAndWritesTheRejectsWithLinesAndReasons() throws IOException {
    Path bad =
        variant(
            "two-bad.csv",
            701,
            row -> replaceField(row, "ChargePeriodStart", "2024-09-31 25:00:00"));
    List<String> rows = new ArrayList<>(Files.readAllLines(bad));
    rows.set(9, replaceField(rows.get(9), "ChargeCategory", "Usages"));
    Files.write(bad, rows);
    Path fresh = dir.resolve("fresh.duckdb");

    Cli run = Cli.run("ingest", "--db", fresh.toString(), "--skip-bad-rows", bad.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("accepted\\s+998").containsPattern("rejected\\s+2");
    List<String> rejects = Files.readAllLines(dir.resolve("two-bad.csv.rejects.csv"));
    assertThat(rejects).hasSize(3);
    assertThat(rejects.get(1)).startsWith("10,\"ChargeCategory\",\"Usages\",");
    assertThat(rejects.get(2)).startsWith("701,\"ChargePeriodStart\",\"2024-09-31 25:00:00\",");
  }

  @Test
  void specCommitmentExamples_withHour30_areRefusedWithAClearMessage() throws IOException {
    // PROVENANCE.md: purchase scenarios 2 and 3 end a charge period at "2023-02-01T30:00:00Z"
    for (String scenario : List.of("2", "3")) {
      Path file =
          SharedData.file(
              "focus/spec_commitment_examples/commitment_discount_scenarios/"
                  + "commitment_discount_purchase_scenario_"
                  + scenario
                  + ".csv");
      List<String> args = new ArrayList<>(List.of("ingest", "--db", db.toString()));
      args.addAll(SpecExamples.fillsFor(file));
      args.add(file.toString());

      Cli run = Cli.run(args);

      assertThat(run.code()).isEqualTo(2);
      int line = scenario.equals("2") ? 4 : 5;
      assertThat(run.err())
          .contains(
              "purchase_scenario_"
                  + scenario
                  + ".csv:"
                  + line
                  + ":4: ChargePeriodEnd: got '2023-02-01T30:00:00Z'")
          .contains("expected an ISO 8601 date/time in UTC");
    }
  }

  /** Runs the ingest of {@code bad}, expects refusal, and checks the store did not change. */
  private Refusal refused(Path bad) throws IOException {
    byte[] before = Files.readAllBytes(db);
    LedgerProbe probe = LedgerProbe.of(db);
    byte[] reopened = Files.readAllBytes(db);

    Cli run = Cli.run("ingest", "--db", db.toString(), bad.toString());

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.out()).as("standard output").isEmpty();
    // nor in JSON (it printed {"files":[]}, found by the review of issue 15)
    Cli json = Cli.run("ingest", "--db", db.toString(), "--format", "json", bad.toString());
    assertThat(json.code()).isEqualTo(2);
    assertThat(json.out()).as("standard output, --format json").isEmpty();
    assertThat(Files.readAllBytes(db)).as("store bytes").isEqualTo(reopened);
    assertThat(reopened).as("opening the store to read it writes nothing").isEqualTo(before);
    assertThat(LedgerProbe.of(db).sameAs(probe)).as("store totals").isTrue();
    return new Refusal(run.err());
  }

  record Refusal(String err) {}

  private Path variant(String name, int line, UnaryOperator<String> change) throws IOException {
    var out = new ArrayList<>(lines);
    out.set(line - 1, change.apply(out.get(line - 1)));
    return Files.write(dir.resolve(name), out);
  }

  private String replaceField(String row, String column, String value) {
    int index = SourceTotals.split(lines.get(0)).indexOf(column);
    List<String> raw = rawFields(row);
    raw.set(index, "\"" + value + "\"");
    return String.join(",", raw);
  }

  private static String dropField(String row, int index) {
    List<String> raw = rawFields(row);
    raw.remove(index);
    return String.join(",", raw);
  }

  /** The fields of a record as written (quotes kept), so a row can be edited and rejoined. */
  private static List<String> rawFields(String row) {
    var out = new ArrayList<String>();
    var cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char ch = row.charAt(i);
      if (ch == '"') quoted = !quoted;
      if (ch == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(ch);
    }
    out.add(cur.toString());
    return out;
  }
}
