package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class UnpackedOrToolsTest {
  @TempDir Path dir;

  @Test
  @EnabledOnOs(OS.LINUX)
  void aProcessKilledAfterLoadingOrToolsLeavesNoUnpackedFolderBehind() throws Exception {
    Path temp = Files.createDirectories(dir.resolve("tmp"));
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + temp,
                "-cp",
                System.getProperty("java.class.path"),
                LoadSolverAndWait.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the child made a solver").isEqualTo("loaded");
      assertThat(unpacked(temp)).as("unpacked folders while the solver lives").isEmpty();
    } finally {
      child.destroyForcibly(); // SIGKILL: no exit hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(unpacked(temp)).as("unpacked folders after SIGKILL").isEmpty();
  }

  private static List<Path> unpacked(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith("ortools-java")).toList();
    }
  }
}
