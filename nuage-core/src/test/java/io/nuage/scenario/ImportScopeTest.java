package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where imports may come from: anywhere for the CLI, only inside the given folders for a server.
 */
class ImportScopeTest {
  @TempDir Path dir;

  @Test
  void relativeTo_resolvesAnyPathAsTheCliAlwaysDid() {
    var scope = ImportScope.relativeTo(dir.resolve("scenarios"));

    assertThat(scope.resolve("prices.csv")).contains(dir.resolve("scenarios/prices.csv"));
    assertThat(scope.resolve("../x.csv")).contains(dir.resolve("x.csv"));
    assertThat(scope.resolve("/etc/passwd")).contains(Path.of("/etc/passwd"));
  }

  @Test
  void confinedTo_readsOnlyRegularFilesWhoseRealPathStaysInside() throws IOException {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second/sub"));
    Path outside = Files.writeString(dir.resolve("secret.csv"), "name,salary\n");
    Files.writeString(first.resolve("a.csv"), "x\n");
    Files.writeString(second.resolve("b.yaml"), "x\n");
    Files.createSymbolicLink(first.resolve("out.csv"), outside);
    Files.createSymbolicLink(first.resolve("in.csv"), first.resolve("a.csv"));
    var scope = ImportScope.confinedTo(List.of(first, dir.resolve("second")));

    assertThat(scope.resolve("a.csv")).contains(first.resolve("a.csv").toRealPath());
    assertThat(scope.resolve("sub/b.yaml")).contains(second.resolve("b.yaml").toRealPath());
    assertThat(scope.resolve("in.csv")).contains(first.resolve("a.csv").toRealPath());
    for (String refused :
        List.of(
            "out.csv",
            outside.toString(),
            "../secret.csv",
            "sub/../../secret.csv",
            "sub",
            "missing.csv",
            "",
            " ",
            "a.csv\0",
            "..\\secret.csv")) {
      assertThat(scope.resolve(refused)).as("'%s'", refused).isEmpty();
    }
  }

  @Test
  void confinedRefusal_quotesNeitherTheNameNorTheDisk() {
    var scope = ImportScope.confinedTo(List.of(dir));

    assertThat(scope.refusal("/etc/passwd"))
        .isEqualTo(scope.refusal("../x.csv"))
        .doesNotContain("/etc")
        .doesNotContain(dir.toString())
        .startsWith("import refused");
  }
}
