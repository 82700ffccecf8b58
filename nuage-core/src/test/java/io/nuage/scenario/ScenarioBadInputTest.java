package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad scenario input, each with its exact message. Each case changes one thing in a
 * valid scenario and expects exactly one problem: nothing else is reported, nothing is returned.
 */
class ScenarioBadInputTest {
  static final String BASE =
      """
      name: base
      horizon: {start: 2027-01, end: 2028-12}
      catalog:
        providers:
          - id: oci
            egress-per-tb: 8.50
            regions:
              - {name: us-phoenix-1, geography: US}
          - id: lambda
            regions:
              - {name: us-east-1, geography: US}
        accelerators:
          - {name: H100, family: H100, memory-gib: 80, throughput: 1.0}
        offerings:
          - {region: oci/us-phoenix-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 10.00}
          - {region: lambda/us-east-1, accelerator: H100, pricing: on-demand, price-per-gpu-hour: 3.99}
      capacity:
        - region: oci/us-phoenix-1
          accelerator: H100
          steps:
            - {from: 2027-01, gpus: 4000}
      contracts:
        - id: oci-commit
          kind: committed-spend
          provider: oci
          term: {start: 2027-01, end: 2028-12}
          yearly-minimums: [100, 150]
          discount: 0.25
        - id: lambda-reserved
          kind: reserved-capacity
          provider: lambda
          region: lambda/us-east-1
          accelerator: H100
          gpus: 100
          term: {start: 2027-01, end: 2027-12}
          price-per-gpu-hour: 2.40
      workloads:
        - id: run-1
          kind: training-run
          gpus: 512
          reference-hours: 100
          accelerators: [H100]
          earliest-start: 2027-03
          deadline: 2027-08
          dataset: {tb: 10, home: oci/us-phoenix-1}
        - id: chat
          kind: inference-fleet
          accelerators: [H100]
          geographies:
            - geography: US
              regions: [oci/us-phoenix-1, lambda/us-east-1]
              gpu-hours-per-month: {from: 2027-01, initial: 1000, monthly-growth: 0.01}
      policy:
        max-share: 0.9
      """;

  @TempDir Path dir;

  /** The problems of BASE with {@code from} (which must occur once) replaced by {@code to}. */
  private List<String> problems(String from, String to) throws IOException {
    assertThat(BASE.indexOf(from)).as("occurs").isNotNegative().isEqualTo(BASE.lastIndexOf(from));
    return problemsOf(BASE.replace(from, to));
  }

  private List<String> problemsOf(String yaml) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    var e = catchThrowableOfType(ValidationException.class, () -> ScenarioParser.parse(file));
    assertThat(e).as("rejected").isNotNull();
    return e.problems().stream()
        .map(Problem::render)
        .map(s -> s.replace(file.toString(), "FILE"))
        .toList();
  }

  @Test
  void base_isValid() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, BASE);
    Scenario s = ScenarioParser.parse(file);
    assertThat(s.name()).isEqualTo("base");
    assertThat(s.contracts()).hasSize(2);
    assertThat(s.workloads()).hasSize(2);
    assertThat(s.catalog().offerings())
        .extracting(o -> o.pricePerGpuHour().toPlainString())
        .containsExactly("10.00", "3.99");
  }

  @Test
  void unknownKey_namesTheKeyAndTheAllowedOnes() throws IOException {
    assertThat(problems("    discount: 0.25", "    discont: 0.25"))
        .containsExactly(
            "FILE:23:5: contracts[0].discount: missing field (got nothing, expected a fraction between 0 and 1 with at most 9 decimal places)",
            "FILE:28:5: contracts[0].discont: unknown field (got discont, expected one of id, kind, provider, term, yearly-minimums, discount, take-or-pay, discount-tiers, follows-list, billing)");
  }

  @Test
  void wrongType_aListWhereANumberBelongs() throws IOException {
    assertThat(problems("    gpus: 512", "    gpus: [512]"))
        .containsExactly(
            "FILE:40:11: workloads[0].gpus: wrong type (got a list, expected a whole number above 0)");
  }

  @Test
  void wrongType_textWhereAnAmountBelongs() throws IOException {
    assertThat(problems("price-per-gpu-hour: 3.99", "price-per-gpu-hour: cheap"))
        .containsExactly(
            "FILE:16:93: catalog.offerings[1].price-per-gpu-hour: wrong type (got cheap, expected an amount of 0 or more such as 12.50)");
  }

  @Test
  void impossibleMonth_isRejectedWithTheValidRange() throws IOException {
    assertThat(problems("earliest-start: 2027-03", "earliest-start: 2027-13"))
        .containsExactly(
            "FILE:43:21: workloads[0].earliest-start: impossible month (got 2027-13, expected YYYY-MM with a month 01 to 12)");
  }

  @Test
  void negativeAmount_isRejected() throws IOException {
    assertThat(problems("yearly-minimums: [100, 150]", "yearly-minimums: [100, -150]"))
        .containsExactly(
            "FILE:27:28: contracts[0].yearly-minimums[1]: negative amount (got -150, expected an amount of 0 or more)");
  }

  @Test
  void negativeGpuCount_isRejected() throws IOException {
    assertThat(problems("    gpus: 100", "    gpus: -100"))
        .containsExactly(
            "FILE:34:11: contracts[1].gpus: negative count (got -100, expected a whole number above 0)");
  }

  @Test
  void negativeCapacity_isRejected() throws IOException {
    assertThat(problems("gpus: 4000}", "gpus: -4000}"))
        .containsExactly(
            "FILE:21:31: capacity[0].steps[0].gpus: negative count (got -4000, expected a whole number of 0 or more)");
  }

  @Test
  void termEndingBeforeItStarts_isRejected() throws IOException {
    assertThat(
            problems(
                "term: {start: 2027-01, end: 2027-12}", "term: {start: 2027-01, end: 2026-12}"))
        .containsExactly(
            "FILE:35:33: contracts[1].term.end: ends before it starts (got 2026-12, expected 2027-01 or later)");
  }

  @Test
  void deadlineBeforeEarliestStart_isRejected() throws IOException {
    assertThat(problems("deadline: 2027-08", "deadline: 2027-02"))
        .containsExactly(
            "FILE:44:15: workloads[0].deadline: deadline before earliest start (got 2027-02, expected 2027-03 or later)");
  }

  @Test
  void unknownProvider_listsTheKnownOnes() throws IOException {
    assertThat(problems("provider: oci", "provider: orcale"))
        .containsExactly(
            "FILE:25:15: contracts[0].provider: unknown provider (got orcale, expected one of lambda, oci)");
  }

  @Test
  void unknownRegion_listsTheKnownOnes() throws IOException {
    assertThat(problems("home: oci/us-phoenix-1}", "home: oci/us-ashburn-1}"))
        .containsExactly(
            "FILE:45:29: workloads[0].dataset.home: unknown region (got oci/us-ashburn-1, expected one of lambda/us-east-1, oci/us-phoenix-1)");
  }

  @Test
  void unknownAccelerator_listsTheKnownOnes() throws IOException {
    assertThat(problems("  accelerator: H100\n    steps:", "  accelerator: H300\n    steps:"))
        .containsExactly(
            "FILE:19:18: capacity[0].accelerator: unknown accelerator (got H300, expected one of H100)");
  }

  @Test
  void duplicateContractId_pointsAtTheFirst() throws IOException {
    assertThat(problems("id: lambda-reserved", "id: oci-commit"))
        .containsExactly(
            "FILE:29:9: contracts[1].id: duplicate contract id (got oci-commit, expected an id not used before; first at FILE:23)");
  }

  @Test
  void duplicateWorkloadId_pointsAtTheFirst() throws IOException {
    assertThat(problems("id: chat", "id: run-1"))
        .containsExactly(
            "FILE:46:9: workloads[1].id: duplicate workload id (got run-1, expected an id not used before; first at FILE:38)");
  }

  @Test
  void duplicateProviderId_pointsAtTheFirst() throws IOException {
    assertThat(
            problems(
                "- id: lambda\n      regions:\n        - {name: us-east-1",
                "- id: oci\n      regions:\n        - {name: us-east-1"))
        .first()
        .isEqualTo(
            "FILE:9:11: catalog.providers[1].id: duplicate provider id (got oci, expected an id not used before; first at FILE:5)");
  }

  @Test
  void duplicateField_inOneMapping() throws IOException {
    assertThat(problems("    gpus: 512\n", "    gpus: 512\n    gpus: 1024\n"))
        .containsExactly(
            "FILE:41:5: workloads[0].gpus: duplicate field (got gpus again, expected each field once; first at line 40)");
  }

  @Test
  void nonTextKey_isAWrongType() throws IOException {
    assertThat(problems("policy:\n  max-share: 0.9", "policy:\n  max-share: 0.9\n  [a]: 1"))
        .containsExactly("FILE:55:3: policy: wrong type (got a list, expected a field name)");
  }

  @Test
  void missingField_pointsAtTheMapping() throws IOException {
    assertThat(problems("    reference-hours: 100\n", ""))
        .containsExactly(
            "FILE:38:5: workloads[0].reference-hours: missing field (got nothing, expected an amount above 0)");
  }

  static final String TIERS_AT = "    discount: 0.25\n";

  private List<String> tiers(String tiers) throws IOException {
    return problems(TIERS_AT, TIERS_AT + "    discount-tiers:\n" + tiers);
  }

  @Test
  void discountTiers_thatDoNotStartAtIncreasingCommitments_areRejected() throws IOException {
    assertThat(tiers("      - {from: 100, discount: 0.1}\n      - {from: 100, discount: 0.25}\n"))
        .containsExactly(
            "FILE:31:16: contracts[0].discount-tiers[1].from: discount tiers must start at increasing commitments (got 100 after 100, expected above 100)");
  }

  @Test
  void discountTiers_whoseDiscountFalls_areRejected() throws IOException {
    assertThat(tiers("      - {from: 0, discount: 0.3}\n      - {from: 200, discount: 0.25}\n"))
        .containsExactly(
            "FILE:31:31: contracts[0].discount-tiers[1].discount: a bigger commitment cannot earn a smaller discount (got 0.25 after 0.3, expected 0.3 or more)");
  }

  @Test
  void discountTiers_empty_orAboveTheWrittenSize_orNotTheWrittenDiscount_areRejected()
      throws IOException {
    assertThat(problems(TIERS_AT, TIERS_AT + "    discount-tiers: []\n"))
        .containsExactly(
            "FILE:29:21: contracts[0].discount-tiers: no discount tiers (got an empty list, expected at least one {from: AMOUNT, discount: FRACTION}; leave the key out when the discount does not depend on the size)");
    assertThat(tiers("      - {from: 300, discount: 0.25}\n"))
        .containsExactly(
            "FILE:30:7: contracts[0].discount-tiers: the written minimums total 250, below the first tier (got from 300, expected at most 250)");
    assertThat(tiers("      - {from: 0, discount: 0.1}\n      - {from: 200, discount: 0.3}\n"))
        .containsExactly(
            "FILE:28:15: contracts[0].discount: the discount is not that of the tier its minimums reach (got 0.25, expected 0.3: the minimums total 250)");
    assertThat(tiers("      - {from: 0, discount: 1.5}\n"))
        .singleElement()
        .asString()
        .contains("contracts[0].discount-tiers[0].discount");
  }

  @Test
  void discountTiers_asWritten_areRead() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        BASE.replace(
            TIERS_AT,
            TIERS_AT
                + "    discount-tiers:\n      - {from: 0, discount: 0.1}\n"
                + "      - {from: 200, discount: 0.25}\n"));
    var deal =
        ScenarioParser.parse(file).contracts(io.nuage.contract.CommittedSpend.class).getFirst();
    assertThat(deal.discountTiers())
        .extracting(t -> t.from().toPlainString() + ":" + t.discount().toPlainString())
        .containsExactly("0:0.1", "200:0.25");
    assertThat(deal.scaled(new java.math.BigDecimal("0.5")).discount()).isEqualByComparingTo("0.1");
    assertThat(deal.scaled(new java.math.BigDecimal("0.5")).yearlyMinimums())
        .extracting(java.math.BigDecimal::toPlainString)
        .containsExactly("50.00", "75.00");
  }

  @Test
  void wrongNumberOfYearlyMinimums_saysHowMany() throws IOException {
    assertThat(problems("yearly-minimums: [100, 150]", "yearly-minimums: [100]"))
        .containsExactly(
            "FILE:27:22: contracts[0].yearly-minimums: wrong number of yearly minimums (got 1, expected 2: one per contract year of 2027-01..2028-12)");
  }

  /** The reconciliation prices billed rows with a contract's rate exactly in DECIMAL(18,9). */
  @Test
  void aRateWithMoreThanNineDecimalsOrOfABillionAnHour_isOutOfRange() throws IOException {
    assertThat(problems("discount: 0.25", "discount: 0.2500000001"))
        .containsExactly(
            "FILE:28:15: contracts[0].discount: rate out of range (got 0.2500000001, expected a fraction between 0 and 1 with at most 9 decimal places)");
    assertThat(problems("price-per-gpu-hour: 2.40", "price-per-gpu-hour: 1_000_000_000"))
        .containsExactly(
            "FILE:36:25: contracts[1].price-per-gpu-hour: rate out of range (got 1_000_000_000, expected an amount of 0 or more with at most 9 decimal places, below 1_000_000_000)");
    Path trailingZeros = dir.resolve("zeros.yaml");
    Files.writeString(
        trailingZeros,
        BASE.replace("price-per-gpu-hour: 2.40", "price-per-gpu-hour: 2.4000000000000"));
    assertThat(ScenarioParser.parse(trailingZeros).contracts()).hasSize(2);
  }

  @Test
  void fractionAboveOne_isOutOfRange() throws IOException {
    assertThat(problems("discount: 0.25", "discount: 25"))
        .containsExactly(
            "FILE:28:15: contracts[0].discount: out of range (got 25, expected a fraction between 0 and 1)");
  }

  @Test
  void unknownContractKind_listsTheKinds() throws IOException {
    assertThat(problems("kind: reserved-capacity", "kind: reserved"))
        .containsExactly(
            "FILE:30:11: contracts[1].kind: unknown contract kind (got reserved, expected one of committed-spend, reserved-capacity, storage-commitment, right-of-first-refusal, rate-card)");
  }

  @Test
  void reservedRegionOfAnotherProvider_isRejected() throws IOException {
    assertThat(problems("region: lambda/us-east-1\n", "region: oci/us-phoenix-1\n"))
        .containsExactly(
            "FILE:32:13: contracts[1].region: region of another provider (got oci/us-phoenix-1, expected a region of lambda)");
  }

  @Test
  void brokenYaml_isLocated() throws IOException {
    assertThat(problems("policy:\n  max-share: 0.9", "policy:\n  max-share: [0.9"))
        .singleElement()
        .asString()
        .startsWith("FILE:55:1: not valid YAML: ");
  }

  @Test
  void missingFile_isAProblemNotACrash() {
    Path file = dir.resolve("nope.yaml");
    var e = catchThrowableOfType(ValidationException.class, () -> ScenarioParser.parse(file));
    assertThat(e.problems())
        .extracting(Problem::render)
        .containsExactly(file + ": cannot read the file (it does not exist)");
  }

  @Test
  void everyProblem_isReportedNotJustTheFirst() throws IOException {
    String yaml =
        BASE.replace("earliest-start: 2027-03", "earliest-start: 2027-13")
            .replace("provider: oci", "provider: orcale")
            .replace("yearly-minimums: [100, 150]", "yearly-minimums: [100, -150]");
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE:25:15: contracts[0].provider: unknown provider (got orcale, expected one of lambda, oci)",
            "FILE:27:28: contracts[0].yearly-minimums[1]: negative amount (got -150, expected an amount of 0 or more)",
            "FILE:43:21: workloads[0].earliest-start: impossible month (got 2027-13, expected YYYY-MM with a month 01 to 12)");
  }

  @Test
  void catalogFileProblems_nameTheCatalogFile() throws IOException {
    Files.writeString(
        dir.resolve("prices.yaml"),
        """
        accelerators:
          - {name: B200, throughput: -2}
        """);
    String yaml = BASE.replace("catalog:\n", "catalog:\n  imports: [prices.yaml]\n");
    List<String> problems = problemsOf(yaml);
    assertThat(problems)
        .containsExactly(
            dir.resolve("prices.yaml")
                + ":2:30: accelerators[0].throughput: negative amount (got -2, expected an amount above 0)");
  }

  @Test
  void missingImport_isReportedAtTheImport() throws IOException {
    String yaml = BASE.replace("catalog:\n", "catalog:\n  imports: [prices/vms.csv]\n");
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE:4:13: catalog.imports[0]: cannot read the import (got prices/vms.csv, expected an"
                + " existing file relative to the scenario's folder; "
                + dir.resolve("prices/vms.csv")
                + " does not exist)");
  }

  @Test
  void brokenPriceFile_reportsItsOwnProblemAndTheImport() throws IOException {
    Files.writeString(
        dir.resolve("lambda_vms.csv"),
        "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,Region\n"
            + "gpu_8x_h100,H100,8,208,1800,-31.92,us-east-1\n");
    String yaml = BASE.replace("catalog:\n", "catalog:\n  imports: [lambda_vms.csv]\n");
    assertThat(problemsOf(yaml))
        .containsExactly(
            "FILE:4:13: catalog.imports[0]: cannot import price file (got "
                + dir.resolve("lambda_vms.csv")
                + " with 1 problem, expected a readable price file; see docs/catalog.md)",
            dir.resolve("lambda_vms.csv")
                + ":2: Price: price cannot be negative (got -31.92, expected a price >= 0)");
  }
}
