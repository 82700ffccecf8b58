package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void help_listsTheVerbsAndExitsZero() {
    var out = new StringWriter();
    int code =
        Main.run(
            new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: nuage");
  }

  @Test
  void unknownVerb_exitsTwoWithAHintAndNoStackTrace() {
    var err = new StringWriter();
    int code =
        Main.run(
            new String[] {"frobnicate"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("frobnicate").contains("--help").doesNotContain("\tat ");
  }
}
