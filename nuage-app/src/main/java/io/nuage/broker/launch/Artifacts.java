package io.nuage.broker.launch;

import io.nuage.core.NuageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Launch files built and validated in memory, by relative path ({@code /}-separated), written
 * together only once every one of them is known to be valid.
 */
public record Artifacts(SequencedMap<String, String> files) {
  public Artifacts {
    files = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(files));
    for (String name : files.keySet())
      if (name.startsWith("/") || name.contains("..") || name.contains("\\"))
        throw new IllegalArgumentException("not a relative file name: " + name);
  }

  /**
   * Writes every file under {@code dir} (created when missing), all or nothing; {@code option}
   * names the flag in messages. The files are written into a temporary folder beside {@code dir}
   * first, then moved into place one by one (a file they replace is kept aside); if any step fails,
   * what this run moved is removed, the files it replaced are put back, and the folders it created
   * are deleted.
   */
  public void writeTo(Path dir, String option) {
    if (Files.exists(dir) && !Files.isDirectory(dir))
      throw new NuageException(
          option + ": " + dir + " is a file (expected a folder to write into)");
    for (String name : files.keySet()) {
      Path target = dir.resolve(name);
      for (Path p = target; !p.equals(dir); p = p.getParent())
        if (Files.exists(p) && (p.equals(target) == Files.isDirectory(p)))
          throw new NuageException(
              option
                  + ": "
                  + p
                  + (p.equals(target) ? " is a folder" : " is a file")
                  + " (expected "
                  + (p.equals(target) ? "a file to write " + name : "a folder")
                  + "); nothing written");
    }
    Path parent = dir.toAbsolutePath().getParent();
    Path stage;
    try {
      Files.createDirectories(parent);
      stage = Files.createTempDirectory(parent, "." + dir.getFileName() + ".nuage-");
    } catch (IOException e) {
      // a folder that can be written into beside one that cannot: stage inside it instead
      if (!Files.isDirectory(dir))
        throw new NuageException(option + ": cannot create " + dir + " (" + e.getMessage() + ")");
      try {
        stage = Files.createTempDirectory(dir, ".nuage-");
      } catch (IOException inside) {
        throw new NuageException(
            option + ": cannot write into " + dir + " (" + inside.getMessage() + ")");
      }
    }
    Undo undo = new Undo(stage);
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path staged = stage.resolve("new").resolve(f.getKey());
        Files.createDirectories(staged.getParent());
        Files.writeString(staged, f.getValue(), StandardCharsets.UTF_8);
      }
      undo.createDirectories(dir);
      for (String name : files.keySet()) undo.move(stage.resolve("new").resolve(name), dir, name);
    } catch (IOException | RuntimeException e) {
      undo.rollBack();
      throw new NuageException(
          option + ": cannot write into " + dir + " (" + e.getMessage() + "); nothing written");
    } finally {
      undo.deleteStage();
    }
  }

  /** Every file in one zip archive, in order. */
  public byte[] zip() {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** What a write did, to be undone in reverse when a later step fails. */
  private static final class Undo {
    private final Path stage;
    private final java.util.Deque<Runnable> steps = new java.util.ArrayDeque<>();

    Undo(Path stage) {
      this.stage = stage;
    }

    void createDirectories(Path d) throws IOException {
      java.util.List<Path> missing = new java.util.ArrayList<>();
      for (Path p = d.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent())
        missing.add(p);
      for (Path p : missing.reversed()) {
        Files.createDirectory(p);
        steps.push(() -> quietly(() -> Files.deleteIfExists(p)));
      }
    }

    void move(Path staged, Path dir, String name) throws IOException {
      Path target = dir.resolve(name);
      createDirectories(target.getParent());
      if (Files.exists(target)) {
        Path kept = stage.resolve("old").resolve(name);
        Files.createDirectories(kept.getParent());
        Files.move(target, kept);
        steps.push(() -> quietly(() -> Files.move(kept, target)));
      }
      Files.move(staged, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      steps.push(() -> quietly(() -> Files.deleteIfExists(target)));
    }

    void rollBack() {
      while (!steps.isEmpty()) steps.pop().run();
    }

    void deleteStage() {
      try (var walk = Files.walk(stage)) {
        walk.sorted(java.util.Comparator.reverseOrder())
            .forEach(p -> quietly(() -> Files.deleteIfExists(p)));
      } catch (IOException | RuntimeException e) {
        // a leftover hidden folder beside the output, never the output itself
      }
    }

    private interface Io {
      Object run() throws IOException;
    }

    private static void quietly(Io step) {
      try {
        step.run();
      } catch (IOException e) {
        // best effort while undoing: the first failure is the one reported
      }
    }
  }
}
