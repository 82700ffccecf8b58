package io.nuage.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark standalone master and workers as separate JVMs on 127.0.0.1, started from the jars the
 * build assembled in {@code target/spark-home/jars}; web UIs on the loopback at ephemeral ports
 * (Spark 4.2 cannot turn the master's and workers' off). Closing kills every JVM it started and
 * their executors; a shutdown hook does the same if the test JVM dies first.
 */
final class StandaloneCluster implements AutoCloseable {
  /**
   * How long a JVM may take to come up: a worker took over a minute on the loaded 2-core machine.
   */
  private static final Duration STARTUP = Duration.ofSeconds(150);

  private final Path home;
  private final Path work;
  private final String master;
  private final Process masterJvm;
  private final List<Process> workers = new ArrayList<>();
  private final Thread hook = new Thread(this::killAll, "spark-cluster-cleanup");

  private StandaloneCluster(Path home, Path work, int port, Process masterJvm) {
    this.home = home;
    this.work = work;
    this.master = "spark://127.0.0.1:" + port;
    this.masterJvm = masterJvm;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** A master and {@code workers} workers of one core each; waits until every worker registered. */
  static StandaloneCluster start(int workers, Path work) throws IOException, InterruptedException {
    return start(workers, work, Path.of(System.getProperty("nuage.spark.home")));
  }

  /** The same, from the Spark installation {@code home} ({@code home/jars}). */
  static StandaloneCluster start(int workers, Path work, Path home)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    // the launcher's code finds SPARK_HOME/jars only in a release layout
    if (!Files.exists(home.resolve("RELEASE"))) Files.writeString(home.resolve("RELEASE"), "");
    int port = freePort();
    Process m =
        jvm(
            home,
            work.resolve("master.log"),
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--webui-port",
            "0");
    StandaloneCluster c = new StandaloneCluster(home, work, port, m);
    try {
      c.awaitLog(work.resolve("master.log"), "I have been elected leader", STARTUP);
      for (int i = 0; i < workers; i++) {
        Path dir = Files.createDirectories(work.resolve("worker" + i));
        c.workers.add(
            jvm(
                home,
                work.resolve("worker" + i + ".log"),
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--webui-port",
                "0",
                "--cores",
                "1",
                "--memory",
                "1g",
                "--work-dir",
                dir.toString(),
                c.master));
      }
      for (int i = 0; i < workers; i++)
        c.awaitLog(
            work.resolve("worker" + i + ".log"), "Successfully registered with master", STARTUP);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  String master() {
    return master;
  }

  Path workDir(int worker) {
    return work.resolve("worker" + worker);
  }

  /** Kills worker {@code i} and the executors it launched, at once, as a machine lost would. */
  void killWorker(int i) {
    kill(workers.get(i));
  }

  /** Waits until an executor of worker {@code i} logged {@code line}. */
  void awaitExecutorLog(int i, String line, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try (Stream<Path> files = Files.walk(workDir(i))) {
        for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).toList())
          if (Files.readString(f).contains(line)) return;
      } catch (IOException | UncheckedIOException e) {
        // a log being created: look again
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("worker " + i + ": no executor logged '" + line + "'");
  }

  private void awaitLog(Path log, String line, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (Files.exists(log) && Files.readString(log).contains(line)) return;
      } catch (IOException e) {
        // written to as we read: look again
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(log + ": no '" + line + "' within " + timeout);
  }

  /** What a spark-submit run printed, and how it ended. */
  record Submitted(int code, String out, String log) {}

  /**
   * {@code spark-submit --master THIS --class io.nuage.cli.Main JOB_JAR ARGS} in client mode, as a
   * user submits the job jar (Spark's own {@code SparkSubmit}, from this cluster's jars): standard
   * output apart, the rest in {@code submit.log}.
   */
  Submitted submit(Path jobJar, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> submit =
        new ArrayList<>(
            List.of(
                "--master",
                master,
                "--deploy-mode",
                "client",
                "--class",
                "io.nuage.cli.Main",
                "--conf",
                "spark.ui.enabled=false",
                "--conf",
                "spark.driver.host=127.0.0.1",
                jobJar.toString()));
    submit.addAll(List.of(args));
    Path log = work.resolve("submit.log");
    Path out = work.resolve("submit.out");
    ProcessBuilder pb = builder(home, "org.apache.spark.deploy.SparkSubmit", submit);
    pb.redirectOutput(out.toFile()).redirectError(log.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
        throw new IllegalStateException("spark-submit did not end within " + timeout);
    } finally {
      kill(p);
    }
    return new Submitted(p.exitValue(), Files.readString(out), Files.readString(log));
  }

  private static Process jvm(Path home, Path log, String main, String... args) throws IOException {
    ProcessBuilder pb = builder(home, main, List.of(args)).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  private static ProcessBuilder builder(Path home, String main, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    for (String f : System.getProperty("nuage.spark.jvmFlags", "").trim().split("\\s+"))
      if (!f.isEmpty()) cmd.add(f);
    cmd.add("-cp");
    cmd.add(home.resolve("jars") + "/*");
    cmd.add(main);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    return pb;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void killAll() {
    workers.forEach(StandaloneCluster::kill);
    kill(masterJvm);
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
  }
}
