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
   * Writes every file under {@code dir} (created when missing); {@code option} names the flag in
   * messages. The folder is checked before the first file is written.
   */
  public void writeTo(Path dir, String option) {
    if (Files.exists(dir) && !Files.isDirectory(dir))
      throw new NuageException(
          option + ": " + dir + " is a file (expected a folder to write into)");
    try {
      Files.createDirectories(dir);
      for (String name : files.keySet()) Files.createDirectories(dir.resolve(name).getParent());
    } catch (IOException e) {
      throw new NuageException(option + ": cannot create " + dir + " (" + e.getMessage() + ")");
    }
    if (!Files.isWritable(dir))
      throw new NuageException(option + ": cannot write into " + dir + " (not writable)");
    try {
      for (Map.Entry<String, String> f : files.entrySet())
        Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NuageException(option + ": cannot write into " + dir + " (" + e.getMessage() + ")");
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
}
