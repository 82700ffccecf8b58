import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Run by ./nuage after a build: the DuckDB JDBC jar bundles its native engine for four platforms
 * and unpacks the right one (71 MB) into /tmp on every JVM start, which costs 1-3 s per command.
 * This rewrites the jar in nuage-app/target/lib without the bundled engines and puts this
 * platform's engine next to it, where the driver loads it directly. Idempotent.
 */
public final class SlimDuckDb {
  public static void main(String[] args) throws IOException {
    Path lib = Path.of(args[0]);
    String platform = platform();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "duckdb_jdbc-*.jar")) {
      for (Path jar : jars) slim(jar, lib.resolve("libduckdb_java.so_" + platform), platform);
    }
  }

  private static void slim(Path jar, Path engine, String platform) throws IOException {
    Path slim = jar.resolveSibling(jar.getFileName() + ".slim");
    boolean hadEngine = false;
    try (var in = new ZipInputStream(Files.newInputStream(jar));
        var out = new ZipOutputStream(Files.newOutputStream(slim))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().startsWith("libduckdb_java.so_")) {
          hadEngine = true;
          if (e.getName().endsWith("_" + platform)) copy(in, engine);
          continue;
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
    }
    if (hadEngine && Files.exists(engine)) {
      Files.move(slim, jar, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.delete(slim); // already slim, or no engine for this platform: leave the jar as it is
    }
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      in.transferTo(out);
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") ? "macos" : "windows";
    String a = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
    return o + "_" + a;
  }
}
