package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The solvers' C-level printing never reaches standard output (it broke {@code nuage plan --format
 * json}): a child JVM prints through C's {@code printf} inside {@link NativeStdout#quietly}, then
 * its own line, and its standard output holds its own lines only.
 */
class NativeStdoutTest {
  /** C's printf, as CBC and CLP call it. */
  public interface Printf extends Library {
    int printf(String format);
  }

  /** C's noise inside the guard, twice (nested), as a solver inside a solver's callback. */
  static void noiseInsideTheGuard(Printf c) {
    NativeStdout.quietly(
        () -> {
          c.printf("1 slacks added\n");
          return NativeStdout.quietly(() -> c.printf("nested noise\n"));
        });
  }

  /** The child: noise from C inside the guard, twice (nested), then the program's own output. */
  public static final class Child {
    public static void main(String[] args) {
      Planner.keepSolverOutputOffStdout();
      Printf c = Native.load("c", Printf.class);
      System.out.println("before");
      noiseInsideTheGuard(c);
      System.out.println("after");
      System.out.flush();
    }
  }

  /**
   * The guard turned on while a solve runs (a CLI command run in-process by a test while a server
   * job solves), then two solves at once: standard output comes back after them.
   */
  public static final class ToggledChild {
    public static void main(String[] args) {
      Printf c = Native.load("c", Printf.class);
      System.out.println("before");
      NativeStdout.quietly(
          () -> {
            Planner.keepSolverOutputOffStdout();
            return 0;
          });
      if (NativeStdout.depth() != 0) throw new AssertionError("depth " + NativeStdout.depth());
      noiseInsideTheGuard(c);
      System.out.println("after");
      System.out.flush();
    }
  }

  @Test
  void solverPrintingInsideTheGuard_neverReachesStandardOutput() throws Exception {
    assertThat(child(Child.class)).isEqualTo("before\nafter\n");
  }

  /** Regression: the count went below zero and standard output stayed at /dev/null for good. */
  @Test
  void guardTurnedOnDuringASolve_standardOutputComesBack() throws Exception {
    assertThat(child(ToggledChild.class)).isEqualTo("before\nafter\n");
  }

  private static String child(Class<?> main) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    main.getName()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return out;
  }
}
