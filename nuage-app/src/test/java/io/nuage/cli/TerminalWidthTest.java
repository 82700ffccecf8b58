package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal tables and prose of the commands fit 100 columns (issue 14, item 9): each of these
 * printed wider lines before (a risk note of 141 columns, the concentration table of 196, the
 * example's validation summary of 208).
 */
class TerminalWidthTest {
  static final Path TINY =
      Repo.root().resolve("nuage-app/src/test/resources/io/nuage/cli/tiny-lab.yaml");

  private static void fits(Cli r) {
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isNotBlank();
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Lines.WIDTH));
  }

  @Test
  void risk_whatif_andValidate_fit100Columns() {
    fits(Cli.run("risk", TINY.toString(), "--samples", "4", "--quiet"));
    fits(Cli.run("whatif", TINY.toString(), "--concentration"));
    fits(Cli.run("validate", Repo.root().resolve("examples/frontier-lab-2027.yaml").toString()));
  }

  /**
   * The demo's contract years (108 and 129 columns before) and its re-plan's "True-up ahead" table
   * (158 and 185), which {@code nuage replan} prints too: both acts, then the re-plan as a user
   * runs it on the demo's ledger and plan.
   */
  @Test
  void demo_andReplanOfItsBills_fit100Columns(@TempDir Path dir) {
    String before = System.getProperty("nuage.home");
    System.setProperty("nuage.home", Repo.root().toString());
    Cli demo;
    try {
      demo = Cli.run("demo", "--out-dir", dir.toString(), "--time-limit", "30");
    } finally {
      if (before == null) System.clearProperty("nuage.home");
      else System.setProperty("nuage.home", before);
    }
    fits(demo);
    assertThat(demo.out()).contains("True-up ahead").contains("2031: 105,000,000,000.00");
    Cli replan =
        Cli.run(
            "replan",
            Repo.root().resolve("examples/frontier-lab-2027.yaml").toString(),
            "--db",
            dir.resolve("ledger.duckdb").toString(),
            "--plan",
            dir.resolve("plan.json").toString(),
            "--time-limit",
            "30");
    fits(replan);
    assertThat(replan.out()).contains("True-up ahead").contains("met: no, short by");
  }

  @Test
  void lines_breakProseButLeaveTableRows() {
    String prose = "word ".repeat(40).strip();
    String row = "  a" + " ".repeat(60) + "b" + " ".repeat(60) + "c";
    String fitted = Lines.fit("  " + prose + "\n" + row);
    assertThat(fitted.lines().filter(l -> l.startsWith("  word") || l.startsWith("    word")))
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100))
        .hasSizeGreaterThan(1);
    assertThat(fitted).contains(row);
    assertThat(fitted.replaceAll("\\s+", " ")).contains(prose);
  }
}
