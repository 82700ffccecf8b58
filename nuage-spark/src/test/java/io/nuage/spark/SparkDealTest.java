package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.spark.SparkRiskTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The deal evaluation on Spark gives the embedded engine's JSON, to the byte. */
class SparkDealTest {
  /** The closed-form deal of issue 13: its figures are worked out in the file's header. */
  static final Path TIERS =
      Path.of(System.getProperty("nuage.repo", ".."))
          .resolve("nuage-core/src/test/resources/deal/two-point-tiers.yaml");

  static String[] deal(String samples, String... more) {
    String[] common = {
      "deal",
      TIERS.toString(),
      "--contract",
      "deal",
      "--scale",
      "0.5,1,1.5,2",
      "--samples",
      samples,
      "--seed",
      "5",
      "--threads",
      "2",
      "--format",
      "json",
      "--quiet"
    };
    return SparkRiskTest.concat(common, more);
  }

  @Test
  void deal_onLocalSpark_sampledAndEnumerated_isByteIdenticalToEmbedded() {
    for (String[] args :
        new String[][] {deal("16"), deal("all", "--no-break-even", "--recourse", "mip")}) {
      Run embedded = SparkRiskTest.run(args);
      Run spark =
          SparkRiskTest.run(
              SparkRiskTest.concat(args, "--engine", "spark", "--master", "local[2]"));
      assertThat(embedded.code()).as(embedded.err()).isZero();
      assertThat(spark.code()).as(spark.err()).isZero();
      assertThat(spark.out()).isEqualTo(embedded.out());
    }
  }

  @Test
  void deal_ofTheExample_onLocalSpark_isByteIdenticalToEmbedded() {
    String[] args = {
      "deal",
      SparkRiskTest.EXAMPLE.toString(),
      "--contract",
      "oci-committed-300b",
      "--scale",
      "0.75,1",
      "--samples",
      "3",
      "--seed",
      "2",
      "--threads",
      "2",
      "--no-break-even",
      "--format",
      "json",
      "--quiet"
    };
    Run embedded = SparkRiskTest.run(args);
    Run spark =
        SparkRiskTest.run(SparkRiskTest.concat(args, "--engine", "spark", "--master", "local[2]"));
    assertThat(embedded.code()).as(embedded.err()).isZero();
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).isEqualTo(embedded.out()).contains("\"futures\" : 3");
  }

  @Test
  void optimise_onSpark_isRefusedByName_exit2() {
    Run r =
        SparkRiskTest.run(
            "deal",
            TIERS.toString(),
            "--contract",
            "deal",
            "--optimise",
            "--samples",
            "4",
            "--engine",
            "spark",
            "--master",
            "local[2]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--engine spark: not with --optimise");
  }
}
