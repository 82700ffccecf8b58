package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nuage deal} through the real CLI (docs/deals.md, docs/deal-json.md): the closed-form
 * instance exactly, the same bytes whatever the threads, the answer in words within 100 columns,
 * and bad input as one clear message with exit 2.
 */
class DealCommandTest {
  @TempDir Path dir;

  /** Its figures are worked out in the file's header. */
  static final Path TIERS =
      SharedData.repo().resolve("nuage-core/src/test/resources/deal/two-point-tiers.yaml");

  /** The newsvendor as a reservation: G* = 150 GPUs, worked out in the file's header. */
  static final Path RESERVED =
      SharedData.repo().resolve("nuage-core/src/test/resources/deal/newsvendor-reserved.yaml");

  static final Path EXAMPLE = SharedData.repo().resolve("examples/frontier-lab-2027.yaml");

  private static List<String> args(String... more) {
    List<String> a = new ArrayList<>(List.of("deal", TIERS.toString(), "--contract", "deal"));
    a.addAll(List.of("--scale", "0.5,1,1.5,2", "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  /**
   * One future estimates no standard error (issue 12 review 2, finding 2): the deal's JSON says
   * null and its table n/a, where the table would fail on the missing figure.
   */
  @Test
  void oneFuture_itsStandardErrorsAreUnknown_notZero() throws Exception {
    Cli table = Cli.run(args("--samples", "1", "--no-break-even"));
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("± n/a");
    Cli json = Cli.run(args("--samples", "1", "--no-break-even", "--format", "json"));
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(new ObjectMapper().readTree(json.out()).findValues("standardError"))
        .isNotEmpty()
        .allMatch(JsonNode::isNull);
  }

  @Test
  void samplesAll_isTheClosedFormToTheCent_andTheBreakEvenIsFound() throws Exception {
    Cli r = Cli.run(args("--samples", "all", "--format", "json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("exact").asBoolean()).isTrue();
    // the version of the scenario file the figures are of, as the risk JSON's
    assertThat(j.get("scenarioHash").asText())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(TIERS))));
    List<String> means = new ArrayList<>();
    j.get("sizes")
        .forEach(s -> means.add(s.get("label").asText() + "=" + s.at("/meanCost/value").asText()));
    assertThat(means)
        .containsExactly("x0.5=2100000.00", "x1=1600000.00", "x1.5=1500000.00", "x2=2000000.00");
    assertThat(j.at("/notSigned/meanCost/value").asText()).isEqualTo("3000000.00");
    assertThat(j.at("/notSigned/saving").isNull()).isTrue();
    assertThat(j.at("/sizes/1/saving/value").asText()).isEqualTo("1400000.00");
    assertThat(j.at("/sizes/3/costsMoreProbability/value").asText()).isEqualTo("0.250000");
    assertThat(j.get("best").asText()).isEqualTo("x1.5");
    assertThat(j.get("writtenAboveBest").asText()).isEqualTo("-33.33");
    // g(λ) = max(1M, 1.2M λ) - 2.4M λ = 0 at λ = 1/2.4 = 0.41667
    assertThat(j.at("/breakEven/outcome").asText()).isEqualTo("found");
    assertThat(j.at("/breakEven/low").decimalValue())
        .isLessThanOrEqualTo(new java.math.BigDecimal("0.41667"));
    assertThat(new java.math.BigDecimal(j.at("/breakEven/high").asText()))
        .isGreaterThanOrEqualTo(new java.math.BigDecimal("0.41666"));
    assertThat(new java.math.BigDecimal(j.at("/breakEven/demand").asText()))
        .isBetween(new java.math.BigDecimal("0.414"), new java.math.BigDecimal("0.420"));
  }

  @Test
  void sameSeed_sameBytes_whateverTheThreads() {
    Cli one =
        Cli.run(
            args(
                "--samples",
                "16",
                "--seed",
                "5",
                "--threads",
                "1",
                "--format",
                "json",
                "--no-break-even"));
    Cli two =
        Cli.run(
            args(
                "--samples",
                "16",
                "--seed",
                "5",
                "--threads",
                "2",
                "--format",
                "json",
                "--no-break-even"));
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
    assertThat(one.out()).contains("\"breakEven\" : null");
  }

  @Test
  void table_saysTheAnswerInWords_within100Columns() {
    Cli r = Cli.run(args("--samples", "all"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    String words = r.out().replace('\n', ' ');
    assertThat(words)
        .contains("Signing deal as written ($1.0M in minimums) costs $1.6M")
        .contains("an expected saving of $1.4M")
        .contains("x1.5 ($1.5M) has the least expected cost; the written size is 33.33% below it")
        .contains("Break-even demand: 0.4");
  }

  @Test
  void badInput_isOneClearMessage_exit2() throws Exception {
    expect(
        Cli.run("deal", TIERS.toString(), "--contract", "nope", "--quiet"),
        "--contract nope: no such contract in scenario two-point-tiers (expected one of: deal)");
    expect(
        Cli.run("deal", TIERS.toString(), "--contract", "deal", "--scale", "0.5,-1", "--quiet"),
        "--scale: a size must be above 0 (got -1");
    expect(
        Cli.run("deal", TIERS.toString(), "--contract", "deal", "--scale", "half", "--quiet"),
        "--scale: expected sizes above 0 separated by commas, such as 0.5,1,1.5 (got half)");
    expect(
        Cli.run("deal", TIERS.toString(), "--contract", "deal", "--scale", "1e-9", "--quiet"),
        "--scale: expected sizes above 0 separated by commas, such as 0.5,1,1.5 (got 1e-9)");
    expect(
        Cli.run("deal", TIERS.toString(), "--contract", "deal", "--scale", "1,1", "--quiet"),
        "--scale: 1 is given twice");
    expect(
        Cli.run("deal", EXAMPLE.toString(), "--contract", "nebius-reserved-h200", "--quiet"),
        "not a committed-spend contract (expected one of: oci-committed-300b)");
    expect(
        Cli.run(
            "deal",
            TIERS.toString(),
            "--contract",
            "deal",
            "--break-even-tolerance",
            "0",
            "--quiet"),
        "--break-even-tolerance must be above 0 (got 0)");
    Path tiers = dir.resolve("below.yaml");
    Files.writeString(
        tiers,
        Files.readString(TIERS)
            .replace("- {from: 0, discount: 0.3}", "- {from: 600_000, discount: 0.3}"));
    expect(
        Cli.run("deal", tiers.toString(), "--contract", "deal", "--scale", "0.5", "--quiet"),
        "x0.5 commits 500000.00 in total, below its smallest discount tier (600000)");
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken,
        Files.readString(TIERS)
            .replace("- {from: 1_500_000, discount: 0.6}", "- {from: 1_500_000, discount: 0.4}"));
    Cli r = Cli.run("deal", broken.toString(), "--contract", "deal", "--quiet");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(broken + ":")
        .contains(
            "contracts[0].discount-tiers[2].discount: a bigger commitment cannot earn a smaller discount (got 0.4 after 0.5, expected 0.5 or more)")
        .doesNotContain("Exception");
  }

  static final Path NEWSVENDOR =
      SharedData.repo().resolve("nuage-core/src/test/resources/deal/newsvendor-tiers.yaml");

  @Test
  void optimise_samplesAll_findsTheNewsvendorOptimum() throws Exception {
    Cli r =
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "all",
            "--bounds",
            "0..3",
            "--format",
            "json",
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    // the header of newsvendor-tiers.yaml: S* = $900,000 at 0.30, E[cost] = 1,008,000, saving
    // 252,000, VSS 0, EVPI 90,000
    assertThat(j.at("/recommendation/sign").asBoolean()).isTrue();
    assertThat(j.at("/recommendation/minimums/0").asText()).isEqualTo("900000.00");
    assertThat(j.at("/recommendation/discount").asText()).isEqualTo("0.30");
    assertThat(j.at("/expectedCost/value").asText()).isEqualTo("1008000.00");
    assertThat(j.at("/saving/value").asText()).isEqualTo("252000.00");
    assertThat(j.at("/vss/value").asText()).isEqualTo("0.00");
    assertThat(j.at("/evpi/value").asText()).isEqualTo("90000.00");
    assertThat(j.at("/optimalityGap/gapLimit").asText()).isEqualTo("0.00");
    // the written $600,000 at 20%: g(λ) = max(0.6M, 0.96M λ) - 1.2M λ = 0 at λ = 0.5
    assertThat(j.at("/breakEven/outcome").asText()).isEqualTo("found");
    assertThat(new java.math.BigDecimal(j.at("/breakEven/demand").asText()))
        .isBetween(new java.math.BigDecimal("0.495"), new java.math.BigDecimal("0.505"));
    Cli table =
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "all",
            "--bounds",
            "0..3",
            "--quiet");
    assertThat(table.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    assertThat(table.out().replace('\n', ' '))
        .contains("Sign minimums of $900,000.00 per year")
        .contains("expected saving against not signing $252,000.00");
  }

  @Test
  void optimise_badInput_isOneClearMessage_exit2() throws Exception {
    expect(
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--bounds",
            "2..1",
            "--quiet"),
        "--bounds: expected LOW..HIGH, multiples of the written minimums with 0 ≤ LOW ≤ HIGH, such as 0.5..1.5 (got 2..1)");
    expect(
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--replications",
            "1",
            "--quiet"),
        "--replications: the lower bound's interval needs at least 2 (got 1)");
    expect(
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--gap",
            "0",
            "--quiet"),
        "--gap: expected a fraction between 0 and 1 (got 0.0)");
    // a contract that is not take-or-pay is evaluated, not refused (review of issue 13, item 4):
    // optimise_aContractNotTakeOrPay_isEvaluated_andSaysOnlyTheDiscountChanges
  }

  private static Cli limited(String... more) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "deal",
                NEWSVENDOR.toString(),
                "--contract",
                "deal",
                "--optimise",
                "--samples",
                "all",
                "--bounds",
                "0..3",
                "--no-break-even",
                "--quiet"));
    a.addAll(List.of(more));
    return Cli.run(a.toArray(String[]::new));
  }

  @Test
  void optimise_withACvarLimit_choosesWithinIt_andSaysSo() throws Exception {
    // newsvendor-tiers.yaml: CVaR70 is the cost at demand 1.5x; at most 1.22M leaves only
    // S = 1.2M (DealOptimisationTest works it out)
    Cli r = limited("--risk", "cvar70", "--max", "1220000", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.at("/recommendation/minimums/0").asText()).isEqualTo("1200000.00");
    assertThat(j.at("/cvarLimit/measure").asText()).isEqualTo("CVaR70");
    assertThat(j.at("/cvarLimit/max").asText()).isEqualTo("1220000.00");
    assertThat(j.at("/cvarLimit/sample").asText()).isEqualTo("1200000.00");
    assertThat(j.at("/cvarLimit/met").asBoolean()).isTrue();
    // review of issue 13, item 3: the expected-value decision (0.9M) breaks the limit (its
    // CVaR70 is 1.26M), and VSS is negative: the words say so, never "would cost -$X more"
    assertThat(j.at("/cvarLimit/expectedValueDecision").asText()).isEqualTo("1260000.00");
    assertThat(j.at("/cvarLimit/expectedValueMet").asBoolean()).isFalse();
    Cli table = limited("--risk", "cvar70", "--max", "1220000");
    assertThat(table.out()).contains("CVaR70 limit").contains("on the enumerated futures");
    assertThat(table.out().replaceAll("\\s+", " "))
        .contains("deciding on the expected future instead would save $192,000")
        .contains("but break the CVaR70 limit")
        .doesNotContain("cost -");
    assertThat(table.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    JsonNode without =
        new ObjectMapper().readTree(limited("--format", "json").out()).at("/cvarLimit");
    assertThat(without.isNull()).isTrue();
  }

  @Test
  void optimise_badCvarLimits_areOneClearMessage_exit2() {
    expect(
        limited("--risk", "cvar100", "--max", "1"),
        "--risk: a CVaR level must be strictly between 0 and 1 (got 1.00");
    expect(
        limited("--risk", "cvar0", "--max", "1"),
        "--risk: a CVaR level must be strictly between 0 and 1 (got 0");
    expect(limited("--risk", "var95", "--max", "1"), "--risk: expected cvarNN");
    expect(limited("--max", "1"), "--max: needs --risk");
    expect(limited("--risk", "cvar95"), "--risk: needs --max");
    expect(limited("--risk", "cvar95", "--max", "-5"), "--max: expected the most CVaR95 may be");
    expect(
        limited("--risk", "cvar70", "--max", "1100000"),
        "--max: on the 3 futures of the main sample neither signing deal");
    expect(
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--risk",
            "cvar95",
            "--max",
            "1",
            "--quiet"),
        "--risk: used only with --optimise");
  }

  @Test
  void optionsTheModeWouldIgnore_orAContractPastTheHorizon_areRefused() throws Exception {
    expect(
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--scale",
            "1",
            "--quiet"),
        "--scale: not used with --optimise, which chooses the minimums itself (leave it out)");
    expect(
        Cli.run("deal", NEWSVENDOR.toString(), "--contract", "deal", "--bounds", "0..1", "--quiet"),
        "--bounds: used only with --optimise (add --optimise, or leave it out)");
    expect(
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "all",
            "--replications",
            "3",
            "--quiet"),
        "--replications: not used with --samples all");
    Path past = dir.resolve("past.yaml");
    Files.writeString(
        past,
        Files.readString(TIERS)
            .replace("term: {start: 2027-01, end: 2027-12}", "term: {start: 2027-01, end: 2028-12}")
            .replace("yearly-minimums: [1_000_000]", "yearly-minimums: [500_000, 500_000]"));
    expect(
        Cli.run("deal", past.toString(), "--contract", "deal", "--quiet"),
        "--contract: contract year 2 of deal (2028-01..2028-12) is outside the horizon 2027-01..2027-12");
  }

  @Test
  void optimise_sampled_tableFitsIn100Columns_andSaysItsLimits() {
    Cli r =
        Cli.run(
            "deal",
            NEWSVENDOR.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "6",
            "--replications",
            "2",
            "--fresh-samples",
            "6",
            "--bounds",
            "0..3",
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    assertThat(r.out())
        .contains("its lower limit (97.5%)")
        .contains("upper limit (97.5%)")
        .contains("P(costs more than not signing)");
  }

  @Test
  void optimise_aReservation_isSizedAtTheCriticalFractile() throws Exception {
    Cli r =
        Cli.run(
            "deal",
            RESERVED.toString(),
            "--contract",
            "reserved",
            "--optimise",
            "--samples",
            "all",
            "--format",
            "json",
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    // the header of newsvendor-reserved.yaml: G* = 150 GPUs, E[cost] $50,220, saving $40,920
    assertThat(j.at("/recommendation/sign").asBoolean()).isTrue();
    assertThat(j.at("/recommendation/discount").isNull()).isTrue();
    assertThat(j.at("/recommendation/minimums").isEmpty()).isTrue();
    assertThat(j.at("/recommendation/reservation/gpus").asInt()).isEqualTo(150);
    assertThat(j.at("/recommendation/reservation/continuousGpus").asText()).isEqualTo("150.000");
    assertThat(j.at("/recommendation/reservation/feePerGpu").asText()).isEqualTo("297.60");
    assertThat(j.at("/recommendation/commitment").asText()).isEqualTo("44640.00");
    assertThat(j.at("/expectedCost/value").asText()).isEqualTo("50220.00");
    assertThat(j.at("/saving/value").asText()).isEqualTo("40920.00");
    assertThat(j.at("/breakEven").isNull()).isTrue();
    Cli table =
        Cli.run(
            "deal",
            RESERVED.toString(),
            "--contract",
            "reserved",
            "--optimise",
            "--samples",
            "all",
            "--quiet");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    assertThat(table.out().replace('\n', ' '))
        .contains("Reserve 150 GPUs ($44,640.00 in fees)")
        .contains("expected saving against not signing $40,920.00");
  }

  @Test
  void aReservation_badInput_isOneClearMessage_exit2() throws Exception {
    expect(
        Cli.run("deal", RESERVED.toString(), "--contract", "reserved", "--quiet"),
        "--contract reserved: not a committed-spend contract (expected one of: none in this"
            + " scenario), but a reserved-capacity one, which deal sizes only with --optimise");
    expect(
        Cli.run(
            "deal",
            RESERVED.toString(),
            "--contract",
            "reserved",
            "--optimise",
            "--samples",
            "all",
            "--risk",
            "cvar95",
            "--max",
            "60000",
            "--quiet"),
        "--risk: a CVaR limit is not offered when sizing the reserved-capacity contract reserved");
    expect(
        Cli.run(
            "deal",
            RESERVED.toString(),
            "--contract",
            "reserved",
            "--optimise",
            "--samples",
            "all",
            "--bounds",
            "0..20",
            "--quiet"),
        "--bounds: the capacity schedule of cloud/us-1 H100 offers 1000 GPUs beyond the other"
            + " reservations in 2027-01, inside the 0 to 2000 GPUs the bounds allow reserved: its"
            + " on-demand GPUs, max(0, 1000 − G), would not be linear in G (docs/deals.md section"
            + " 5.1); keep the bounds on one side of 10 times the written 100 GPUs (such as"
            + " --bounds 0..10)");
    Path capped = dir.resolve("capped.yaml");
    Files.writeString(capped, Files.readString(RESERVED) + "policy: {max-share: 0.6}\n");
    expect(
        Cli.run("deal", capped.toString(), "--contract", "reserved", "--optimise", "--quiet"),
        "--optimise: the scenario caps the spend share of cloud (0.6)");
    Path tiered = dir.resolve("tiered.yaml");
    Files.writeString(
        tiered,
        Files.readString(RESERVED)
            .replace(
                "    price-per-gpu-hour: 0.40\n",
                "    price-per-gpu-hour: 0.40\n    discount-tiers: [{from: 0, discount: 0}]\n"));
    expect(
        Cli.run("deal", tiered.toString(), "--contract", "reserved", "--optimise", "--quiet"),
        "discount-tiers");
  }

  /**
   * Review of issue 13, item 2: bounds no tier can be reached within and bounds across a
   * reservation's kink are refused before the sample problem is solved (the progress line said
   * "solving the sample problem" first).
   */
  @Test
  void optimise_boundsNoTierReaches_orAcrossAKink_areRefusedBeforeSolving() throws Exception {
    Path far = dir.resolve("far.yaml");
    Files.writeString(
        far,
        Files.readString(TIERS)
            .replace("- {from: 0, discount: 0.3}", "- {from: 500_000, discount: 0.3}"));
    Cli r =
        Cli.run(
            "deal",
            far.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "4",
            "--bounds",
            "0..0.2");
    expect(r, "--bounds: no discount tier of deal can be reached between the bounds");
    assertThat(r.err()).doesNotContain("solving the sample problem");
    r =
        Cli.run(
            "deal",
            RESERVED.toString(),
            "--contract",
            "reserved",
            "--optimise",
            "--samples",
            "all",
            "--bounds",
            "0..20");
    expect(r, "--bounds: the capacity schedule of cloud/us-1 H100 offers 1000 GPUs");
    assertThat(r.err()).doesNotContain("solving the sample problem");
  }

  /**
   * Review of issue 13, item 6: with --samples all nothing fresh is drawn, the enumeration is the
   * check: the words and the table say "the enumerated futures", never "fresh".
   */
  @Test
  void optimise_samplesAll_speaksOfTheEnumeratedFutures_notFreshOnes() {
    Cli table = limited("--risk", "cvar70", "--max", "1220000");
    assertThat(table.code()).as(table.err()).isZero();
    String out = table.out().replaceAll("\\s+", " ");
    assertThat(out)
        .doesNotContain("fresh")
        .contains("on the enumerated futures")
        .contains("of the enumerated futures it costs more than not signing");
  }

  /** Review of issue 13, item 7: the break-even bracket's ends print with the same decimals. */
  @Test
  void breakEvenBracket_printsBothEndsWithTheSameDecimals() {
    assertThat(DealJson.bracket(new java.math.BigDecimal("0.5"), new java.math.BigDecimal("0.75")))
        .containsExactly("0.50", "0.75");
    assertThat(
            DealJson.bracket(
                new java.math.BigDecimal("0.698046875"), new java.math.BigDecimal("0.7019531250")))
        .containsExactly("0.698046875", "0.701953125");
    assertThat(DealJson.bracket(new java.math.BigDecimal("1.000"), new java.math.BigDecimal("2")))
        .containsExactly("1", "2");
  }

  /**
   * Review of issue 13, item 4: --optimise evaluates a contract that is not take-or-pay (it was
   * refused, exit 2) and says, in the notes and the words, that sizing it changes only the discount
   * (figures in not-take-or-pay.yaml's header).
   */
  @Test
  void optimise_aContractNotTakeOrPay_isEvaluated_andSaysOnlyTheDiscountChanges() throws Exception {
    Path notTop =
        SharedData.repo().resolve("nuage-core/src/test/resources/deal/not-take-or-pay.yaml");
    Cli r =
        Cli.run(
            "deal",
            notTop.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "all",
            "--no-break-even",
            "--quiet",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.at("/recommendation/minimums/0").asText()).isEqualTo("1500000.00");
    assertThat(j.at("/expectedCost/value").asText()).isEqualTo("1200000.00");
    assertThat(j.at("/notes").toString()).contains("deal is not take-or-pay");
    Cli table =
        Cli.run(
            "deal",
            notTop.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "all",
            "--no-break-even",
            "--quiet");
    assertThat(table.code()).as(table.err()).isZero();
    String words =
        table.out().substring(table.out().indexOf("Sign minimums")).replaceAll("\\s+", " ");
    assertThat(words).contains("not take-or-pay, so sizing it changes only the discount");
  }

  private static void expect(Cli r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }
}
