package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 8: processes creating the same new store at once once left a 0-byte file that
 * every later command refused. The store is now created whole under a temporary name and linked
 * into place: whoever loses the race opens the winner's store.
 */
class StoreCreationRaceTest {
  private static final int ROUNDS = 3;
  private static final int PROCESSES = 4;

  @TempDir Path dir;

  @Test
  void processesCreatingOneStoreAtOnce_leaveAStoreThatOpens() throws Exception {
    var failures = new ArrayList<String>();
    for (int round = 0; round < ROUNDS; round++) {
      Path db = dir.resolve("round" + round).resolve("nuage.duckdb");
      var children = new ArrayList<Process>();
      for (int i = 0; i < PROCESSES; i++) children.add(child(db, i));
      for (Process p : children) {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("a child ends").isTrue();
      }
      assertThat(Files.size(db)).as("round " + round + ": the store's size").isPositive();
      Cli after = Cli.run("ingestions", "--db", db.toString());
      if (after.code() != 0) failures.add("round " + round + ": " + after.err());
      try (var left = Files.list(db.getParent())) {
        assertThat(left.map(p -> p.getFileName().toString()).toList())
            .as("no temporary file is left behind")
            .allMatch(n -> n.startsWith("nuage.duckdb"))
            .allMatch(n -> !n.contains(".new-"))
            .allMatch(n -> !n.endsWith(".tmp"));
      }
    }
    assertThat(failures).isEmpty();
  }

  private Process child(Path db, int i) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("ingestions");
    cmd.add("--db");
    cmd.add(db.toString());
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(
            dir.resolve("child-" + db.getParent().getFileName() + "-" + i + ".err").toFile())
        .start();
  }
}
