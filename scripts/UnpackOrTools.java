import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Run by ./nuage after a build: OR-Tools' Loader copies its native libraries (69 MB, 100 files)
 * from the platform jar into a new temporary folder on every JVM start that plans (0.4-0.65 s,
 * docs/benchmarks.md), unless {@code System.loadLibrary("jniortools")} finds them first. This
 * unpacks them once into {@code nuage-app/target/lib/ortools-natives} (the libraries find each
 * other through their {@code $ORIGIN} run path), where the launcher's {@code java.library.path}
 * points. Idempotent: a folder already unpacked from the same jar is left alone.
 */
public final class UnpackOrTools {
  public static void main(String[] args) throws IOException {
    Path lib = Path.of(args[0]);
    Path target = lib.resolve("ortools-natives");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "ortools-*-*.jar")) {
      for (Path jar : jars) {
        String name = jar.getFileName().toString();
        if (name.startsWith("ortools-java-")) continue; // the Java classes, no natives
        Path stamp = target.resolve(".from-" + name);
        if (Files.exists(stamp)) return;
        Path tmp = lib.resolve("ortools-natives.tmp");
        delete(tmp);
        Files.createDirectories(tmp);
        int files = 0;
        try (var in = new ZipInputStream(Files.newInputStream(jar))) {
          for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
            String entry = e.getName();
            if (e.isDirectory() || !entry.startsWith("ortools-") || entry.indexOf('/') < 0) {
              continue;
            }
            String file = entry.substring(entry.lastIndexOf('/') + 1);
            if (file.isEmpty() || file.contains("..")) continue;
            Files.copy(in, tmp.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            files++;
          }
        }
        if (files == 0) {
          delete(tmp);
          continue;
        }
        Files.createFile(tmp.resolve(".from-" + name));
        delete(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
