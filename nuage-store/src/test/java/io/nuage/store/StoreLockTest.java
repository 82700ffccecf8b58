package io.nuage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store is held by one process, also after that process checkpointed. The checkpoint's shadow is
 * read through a descriptor of the store file; closing it dropped the process's fcntl locks,
 * DuckDB's included, and a second process could open the store beside the first (found by
 * ServeHolderTest: a command on a served store no longer heard that it was held).
 */
class StoreLockTest {
  @TempDir Path dir;

  @Test
  void aStoreStaysHeldAfterItsHolderCheckpointed() throws Exception {
    Path db = dir.resolve("held.duckdb");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                OpenAndWait.class.getName(),
                db.toString(),
                "checkpoint")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the child opened and checkpointed").startsWith("open ");
      assertThat(Checkpoints.walOf(db)).as("the checkpoint folded the log in").doesNotExist();
      assertThatThrownBy(() -> Store.open(db).close())
          .isInstanceOf(NuageException.class)
          .hasMessageContaining("in use by another process");
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
