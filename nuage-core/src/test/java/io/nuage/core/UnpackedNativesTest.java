package io.nuage.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedNativesTest {
  @TempDir Path dir;

  @Test
  void deletesOnlyTheMatchingEntriesOfTheTempFolderThatTheMapsName() throws IOException {
    Path temp = Files.createDirectories(dir.resolve("tmp"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path copy = Files.writeString(temp.resolve("libduckdb_java123.so"), "x");
    Path otherLibrary = Files.writeString(temp.resolve("libjniortools.so"), "x");
    Path copyElsewhere = Files.writeString(elsewhere.resolve("libduckdb_java456.so"), "x");
    Path unmapped = Files.writeString(temp.resolve("libduckdb_java789.so"), "x");
    Path maps =
        Files.write(
            dir.resolve("maps"),
            List.of(
                "7f00-7f01 r-xp 00000000 fd:01 1 " + copy,
                "7f01-7f02 r--p 00001000 fd:01 1 " + copy,
                "7f02-7f03 r-xp 00000000 fd:01 2 " + otherLibrary,
                "7f03-7f04 r-xp 00000000 fd:01 3 " + copyElsewhere,
                "7f04-7f05 rw-p 00000000 00:00 0 [heap]",
                "7f05-7f06 rw-p 00000000 00:00 0"));

    assertThat(UnpackedNatives.deleteMapped(maps, temp, Pattern.compile("libduckdb_java\\d*\\.so")))
        .containsExactly(copy);

    assertThat(copy).doesNotExist();
    assertThat(otherLibrary).exists();
    assertThat(copyElsewhere).exists();
    assertThat(unmapped).exists();
  }

  @Test
  void deletesAWholeUnpackedFolderWhenAFileUnderItIsMapped() throws IOException {
    Path temp = Files.createDirectories(dir.resolve("tmp"));
    Path folder = Files.createDirectories(temp.resolve("ortools-java42/linux-x86-64"));
    Path jni = Files.writeString(folder.resolve("libjniortools.so"), "x");
    Files.writeString(folder.resolve("libortools.so.9"), "x");
    Path otherRun = Files.createDirectories(temp.resolve("ortools-java43/linux-x86-64"));
    Path maps = Files.write(dir.resolve("maps"), List.of("7f00-7f01 r-xp 00000000 fd:01 1 " + jni));

    assertThat(UnpackedNatives.deleteMapped(maps, temp, Pattern.compile("ortools-java\\d+")))
        .containsExactly(temp.resolve("ortools-java42"));

    assertThat(temp.resolve("ortools-java42")).doesNotExist();
    assertThat(otherRun).exists();
  }
}
