package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 13: an output or a port the command cannot use is a user error (exit 2, a plain
 * message) found before the work, not an internal error after a solve.
 */
class OutputChecksTest {
  @TempDir Path dir;

  @Test
  void planOutAFolder_exitsTwoBeforeAnyWork() throws IOException {
    Path mps = dir.resolve("model.mps");
    Cli r =
        Cli.run(
            "plan",
            ReportCommandTest.resource("tiny-lab.yaml").toString(),
            "--out",
            dir + "/",
            "--export-mps",
            mps.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("--out: " + dir + " is a folder (expected a file name, e.g. " + dir + "/")
        .doesNotContain("internal error")
        .doesNotContain("\tat ");
    assertThat(mps).as("nothing is written when an output is wrong").doesNotExist();
  }

  @Test
  void planOutUnderAFile_exitsTwoNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Cli r =
        Cli.run(
            "plan",
            ReportCommandTest.resource("tiny-lab.yaml").toString(),
            "--export-mps",
            file.resolve("plan.mps").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "--export-mps: cannot write "
                + file.resolve("plan.mps")
                + " ("
                + file
                + " is a file, not a folder)"
                + System.lineSeparator());
  }

  @Test
  void reportOutAFolder_exitsTwoWithoutNamingATemporaryFile() {
    Cli r =
        Cli.run(
            "report", ReportCommandTest.resource("tiny-lab.yaml").toString(), "--out", dir + "/");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("--out: " + dir + " is a folder (expected a file name, e.g. " + dir + "/")
        .doesNotContain(".tmp");
  }

  @Test
  void servePortInUse_exitsTwoSayingSoAndCreatesNoStore() throws IOException {
    Path db = dir.resolve("nuage.duckdb");
    try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Cli r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () -> Cli.run("serve", "--port", String.valueOf(port), "--db", db.toString()));
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "--port: "
                  + port
                  + " on 127.0.0.1 is already in use by another program (choose another"
                  + " --port, or 0 for any free one)"
                  + System.lineSeparator());
    }
    assertThat(db).doesNotExist();
  }

  @Test
  void servePortOutOfRange_exitsTwoWithoutJavaNames() {
    Path db = dir.resolve("nuage.duckdb");
    Cli r = Cli.run("serve", "--port", "70000", "--db", db.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "--port: out of range (got 70000, expected 1 to 65535, or 0 for any free port)"
                + System.lineSeparator());
    assertThat(db).doesNotExist();
  }

  /** A folder that does not exist yet, given as one (a trailing slash), is no file name. */
  @Test
  void planOutANewFolderWithASlash_exitsTwoAndWritesNoFileOfThatName() {
    Path folder = dir.resolve("plans");
    Cli r =
        Cli.run(
            "plan", ReportCommandTest.resource("tiny-lab.yaml").toString(), "--out", folder + "/");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("--out: " + folder + " is a folder");
    assertThat(folder).as("no file named after the folder").doesNotExist();
  }

  /** serve's other numbers are user input too: exit 2 naming the option, and no store made. */
  @Test
  void serveBadWorkersOrTimeLimit_exitTwoNamingTheOptionAndCreateNoStore() {
    Path db = dir.resolve("nuage.duckdb");
    Cli workers = Cli.run("serve", "--port", "0", "--plan-workers", "0", "--db", db.toString());
    assertThat(workers.code()).as(workers.err()).isEqualTo(2);
    assertThat(workers.err())
        .isEqualTo("--plan-workers: must be at least 1 (got 0)" + System.lineSeparator());
    Cli limit =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> Cli.run("serve", "--port", "0", "--time-limit", "-1", "--db", db.toString()));
    assertThat(limit.code()).as(limit.err()).isEqualTo(2);
    assertThat(limit.err())
        .isEqualTo(
            "--time-limit -1: expected a number of seconds greater than 0 and at most 1000000 (about 11.6 days)"
                + System.lineSeparator());
    assertThat(db).doesNotExist();
  }
}
