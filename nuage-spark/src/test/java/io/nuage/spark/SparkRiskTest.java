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

  /**
   * The acceptance command of issue 15, as written: 200 futures of the example on {@code local[2]}
   * give the same JSON, to the byte, as the embedded engine.
   */
  @Test
  void risk_200Samples_onLocalSpark_isByteIdenticalToEmbedded() {
    String[] common = {
      "risk", EXAMPLE.toString(), "--samples", "200", "--seed", "1", "--format", "json"
    };
    Run embedded = run(common);
    Run spark = run(concat(common, "--engine", "spark", "--master", "local[2]"));
    assertThat(embedded.code).as(embedded.err).isZero();
    assertThat(spark.code).as(spark.err).isZero();
    assertThat(spark.out).isEqualTo(embedded.out);
    assertThat(spark.out).contains("\"futures\" : 200");
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
