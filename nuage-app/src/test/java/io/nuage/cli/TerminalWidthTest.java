package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
