package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void generate_writesAFileThatValidates(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("g.yaml");
    String data = SharedData.root().toString();
    var generated =
        run(
            "generate",
            "--training-runs",
            "40",
            "--fleets",
            "4",
            "--months",
            "24",
            "--seed",
            "5",
            "--data",
            data,
            "--out",
            file.toString());
    assertThat(generated.code()).isZero();
    var validated = run("validate", file.toString());
    assertThat(validated.code()).as(validated.err()).isZero();
    assertThat(validated.out()).contains("40 training runs").contains("4 inference fleets");
    // the same arguments on stdout give the same bytes
    var again =
        run(
            "generate",
            "--training-runs",
            "40",
            "--fleets",
            "4",
            "--months",
            "24",
            "--seed",
            "5",
            "--data",
            data);
    assertThat(again.out()).isEqualTo(Files.readString(file));
  }

  @Test
  void generate_negativeCount_exitsTwoNamingTheOption() {
    var r = run("generate", "--training-runs", "-1", "--fleets", "1", "--months", "12");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--training-runs cannot be negative (got -1)")
        .doesNotContain("\tat ");
  }

  @Test
  void generate_missingDataFolder_exitsTwoSayingWhatItExpected(@TempDir Path dir) {
    var r =
        run(
            "generate",
            "--training-runs",
            "1",
            "--fleets",
            "1",
            "--months",
            "12",
            "--data",
            dir.resolve("nowhere").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--data")
        .contains("expected a folder holding gpu_prices/ and gpu_traces/")
        .doesNotContain("\tat ");
  }
}
