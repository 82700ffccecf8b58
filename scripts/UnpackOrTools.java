import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Run by ./nuage after a build: OR-Tools' Loader copies its native libraries (69 MB, 100 files)
 * from the platform jar into a new temporary folder on every JVM start that plans (0.4-0.65 s,
 * docs/benchmarks.md), unless {@code System.loadLibrary("jniortools")} finds them first. This
 * unpacks them once into {@code nuage-app/target/lib/ortools-natives} (the libraries find each
 * other through their {@code $ORIGIN} run path), where the launcher's {@code java.library.path}
 * points. Idempotent: a folder already unpacked from the same jar is left alone. Fails (non-zero
 * exit) where the folder cannot be written; the launcher then leaves the natives to the Loader.
 */
public final class UnpackOrTools {
  public static void main(String[] args) throws IOException {
    Path lib = Path.of(args[0]);
    Path target = lib.resolve("ortools-natives");
    // the natives jar the app is linked against (its manifest's Class-Path), not whichever
    // ortools jar a listing gives first: an older one left in lib/ by a version upgrade would
    // otherwise keep stale natives in place (their stamp exists), and the new Java classes would
    // load the old libraries
    for (String name : linkedNativesJars(lib.resolveSibling("nuage-app.jar"))) {
      Path jar = lib.resolve(name);
      if (!Files.isRegularFile(jar)) continue;
      if (Files.exists(target.resolve(".from-" + name))) return;
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

  /** File names of the OR-Tools platform jars on the app jar's manifest class path, in order. */
  private static List<String> linkedNativesJars(Path appJar) throws IOException {
    String classPath;
    try (var jar = new JarFile(appJar.toFile())) {
      Manifest manifest = jar.getManifest();
      classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
    }
    if (classPath == null) return List.of();
    return Stream.of(classPath.trim().split("\\s+"))
        .map(entry -> entry.substring(entry.lastIndexOf('/') + 1))
        .filter(name -> name.startsWith("ortools-") && !name.startsWith("ortools-java-"))
        .filter(name -> name.endsWith(".jar"))
        .toList();
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
