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

  /** The child: noise from C inside the guard, twice (nested), then the program's own output. */
  public static final class Child {
    public static void main(String[] args) {
      Planner.keepSolverOutputOffStdout();
      Printf c = Native.load("c", Printf.class);
      System.out.println("before");
      NativeStdout.quietly(
          () -> {
            c.printf("1 slacks added\n");
            return NativeStdout.quietly(() -> c.printf("nested noise\n"));
          });
      System.out.println("after");
      System.out.flush();
    }
  }

  @Test
  void solverPrintingInsideTheGuard_neverReachesStandardOutput() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Child.class.getName()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).isEqualTo("before\nafter\n");
  }
}
