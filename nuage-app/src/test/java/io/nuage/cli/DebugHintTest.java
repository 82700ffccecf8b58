package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10, item 14: the hint an internal error prints names a switch that works. */
class DebugHintTest {
  /** The real command line with one more verb that fails as a bug would. */
  public static final class WithCrash {
    public static void main(String[] args) {
      var cli = NuageCommand.commandLine();
      cli.addSubcommand("crash", new Crash());
      System.exit(cli.execute(args));
    }
  }

  @picocli.CommandLine.Command(name = "crash")
  static final class Crash implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("a bug");
    }
  }

  private static Map<String, String> env(String debug) {
    var env = new HashMap<String, String>();
    env.put("NUAGE_DEBUG", debug);
    return env;
  }

  @Test
  void nuageDebugOne_printsTheStackTrace() {
    CliProcess r = CliProcess.runMain(WithCrash.class, env("1"), "crash");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("nuage: internal error: java.lang.IllegalStateException: a bug")
        .contains("\tat io.nuage.cli.DebugHintTest$Crash.call")
        .doesNotContain("run with");
  }

  @Test
  void withoutNuageDebug_theHintNamesBothSwitches() {
    CliProcess r = CliProcess.runMain(WithCrash.class, env(null), "crash");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("(run with NUAGE_DEBUG=1, or -Dnuage.debug=true, for the stack trace)")
        .doesNotContain("\tat ");
  }

  @Test
  void nuageDebugZero_keepsTheStackTraceOut() {
    CliProcess r = CliProcess.runMain(WithCrash.class, env("0"), "crash");
    assertThat(r.err()).doesNotContain("\tat ");
  }
}
