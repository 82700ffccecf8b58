package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** Progress on standard error: lines without cursor codes unless it is a terminal. */
class ProgressTest {
  @Test
  void underTheTests_stderrIsNoTerminal() {
    // surefire hands the forked JVM a pipe or a file: what CI and a log see
    assertThat(Progress.stderrIsTerminal()).isFalse();
  }

  @Test
  void aBarOffATerminal_writesWholeLines_noCarriageReturnsOrEscapes() {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try (ProgressBar bar = Progress.bar("futures").setInitialMax(4).build()) {
      bar.stepBy(4);
    } finally {
      System.setErr(saved);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("futures").contains("4/4");
    assertThat(text).doesNotContain("\r").doesNotContain("\u001b");
  }

  @Test
  void planningLine_offATerminal_isWholeLines_andOnOneIsRedrawnThenCleared() throws Exception {
    StringWriter log = new StringWriter();
    try (PlanningLine line = new PlanningLine("tiny", 60, new PrintWriter(log), false)) {
      Thread.sleep((PlanningLine.QUIET_SECONDS + 1) * 1000L);
    }
    assertThat(log.toString()).startsWith("planning tiny: ").contains("(at most 60 s)");
    assertThat(log.toString()).doesNotContain("\r").doesNotContain("\u001b");

    StringWriter tty = new StringWriter();
    try (PlanningLine line = new PlanningLine("tiny", 60, new PrintWriter(tty), true)) {
      Thread.sleep((PlanningLine.QUIET_SECONDS + 1) * 1000L);
    }
    assertThat(tty.toString()).startsWith("\rplanning tiny: ").endsWith("\r\u001b[K");

    StringWriter quick = new StringWriter();
    try (PlanningLine line = new PlanningLine("tiny", 60, new PrintWriter(quick), true)) {
      // a plan that ends at once says nothing
    }
    assertThat(quick.toString()).isEmpty();
  }
}
