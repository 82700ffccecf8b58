package io.nuage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The risk sweep on Spark gives the embedded engine's JSON, to the byte. */
class SparkRiskTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("nuage.repo", "..")).resolve("examples/frontier-lab-2027.yaml");

  @Test
  void risk_onLocalSpark_isByteIdenticalToEmbedded() {
    String[] common = {
      "risk",
      EXAMPLE.toString(),
      "--samples",
      "6",
      "--source-samples",
      "1",
      "--seed",
      "1",
      "--threads",
      "2",
      "--format",
      "json",
      "--quiet"
    };
    Run embedded = run(common);
    Run spark = run(concat(common, "--engine", "spark", "--master", "local[2]"));
    assertThat(embedded.code).as(embedded.err).isZero();
    assertThat(spark.code).as(spark.err).isZero();
    assertThat(spark.out).isEqualTo(embedded.out);
    assertThat(spark.out).contains("\"futures\" : 6");
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
