package io.nuage.spark;

import io.nuage.core.NuageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.DeployMessages;
import org.apache.spark.deploy.master.Master;
import org.apache.spark.deploy.master.WorkerInfo;
import org.apache.spark.rpc.RpcAddress;
import org.apache.spark.rpc.RpcEndpointRef;
import org.apache.spark.rpc.RpcEnv;

/**
 * Checks {@code --master} before Spark sees it: Spark's own client retries an unreachable
 * standalone master for about a minute and then logs, where the CLI should say at once what is
 * wrong. A standalone master is asked, over Spark's own RPC and within {@link #PROBE_TIMEOUT},
 * whether it is one, and which workers it has (docs/scale-out.md, "Commands").
 */
final class Masters {
  private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)])?");
  private static final Pattern STANDALONE = Pattern.compile("spark://([^:/]+):([0-9]{1,5})");
  private static final int CONNECT_TIMEOUT_MS = 3000;

  /** How long a standalone master has to answer Spark's RPC: it answers in milliseconds. */
  static final String PROBE_TIMEOUT = "5s";

  private Masters() {}

  /**
   * {@code master} when it is local, a standalone master that answers as one, or the master
   * spark-submit was given (the {@code spark.master} property: YARN's and Kubernetes' too, which
   * spark-submit has resolved already).
   */
  static String checked(String master) {
    if (LOCAL.matcher(master).matches()) return master;
    Matcher m = STANDALONE.matcher(master);
    if (!m.matches() && master.equals(System.getProperty("spark.master"))) return master;
    if (!m.matches())
      throw new NuageException(
          "--master "
              + master
              + ": expected local, local[N], local[*] or spark://HOST:PORT (a standalone master)");
    String host = m.group(1);
    int port = Integer.parseInt(m.group(2));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
    } catch (IOException | IllegalArgumentException e) {
      throw new NuageException(
          "--master "
              + master
              + ": cannot be reached ("
              + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
              + "); is a Spark standalone master running there?");
    }
    asked(master, new SparkConf(), ref -> null);
    return master;
  }

  /**
   * Refuses a standalone {@code master} none of whose alive workers has the cores and memory one
   * executor of {@code conf} asks for: Spark would wait for one forever. A worker big enough but
   * busy (another application's executors) is not refused: Spark waits for it, as it does.
   */
  static void requireRoom(String master, SparkConf conf) {
    if (!STANDALONE.matcher(master).matches()) return;
    long memory = conf.getSizeAsMb("spark.executor.memory", "1g");
    int cores = conf.getInt("spark.executor.cores", 1);
    DeployMessages.MasterStateResponse state =
        asked(
            master,
            conf,
            ref ->
                ref.askSync(
                    DeployMessages.RequestMasterState$.MODULE$,
                    scala.reflect.ClassTag$.MODULE$.apply(
                        DeployMessages.MasterStateResponse.class)));
    int alive = 0;
    int mostCores = 0;
    long mostMemory = 0;
    for (WorkerInfo w : state.workers()) {
      if (!w.isAlive()) continue;
      alive++;
      if (w.cores() >= cores && w.memory() >= memory) return;
      mostCores = Math.max(mostCores, w.cores());
      mostMemory = Math.max(mostMemory, w.memory());
    }
    throw new NuageException(
        "--master "
            + master
            + ": "
            + (alive == 0
                ? "the master has no alive worker"
                : "no alive worker is big enough for one executor ("
                    + alive
                    + " alive, the largest "
                    + mostCores
                    + " cores and "
                    + mostMemory
                    + " MB)")
            + "; an executor asks for "
            + cores
            + " core(s) and "
            + memory
            + " MB (spark.executor.cores, spark.executor.memory): start a worker with that much, or"
            + " ask for less");
  }

  /** {@code ask} of the master's endpoint, over an RPC client of this JVM made for it. */
  private static <T> T asked(String master, SparkConf settings, Function<RpcEndpointRef, T> ask) {
    Matcher m = STANDALONE.matcher(master);
    if (!m.matches()) throw new IllegalArgumentException(master);
    SparkConf conf =
        settings
            .clone()
            .set("spark.rpc.lookupTimeout", PROBE_TIMEOUT)
            .set("spark.rpc.askTimeout", PROBE_TIMEOUT);
    RpcEnv env = null;
    RpcEndpointRef ref;
    try {
      env =
          RpcEnv.create(
              "nuage-master-check",
              "127.0.0.1",
              0,
              conf,
              new org.apache.spark.SecurityManager(
                  conf,
                  org.apache.spark.SecurityManager.$lessinit$greater$default$2(),
                  org.apache.spark.SecurityManager.$lessinit$greater$default$3()),
              true);
      try {
        ref =
            env.setupEndpointRef(
                new RpcAddress(m.group(1), Integer.parseInt(m.group(2))), Master.ENDPOINT_NAME());
      } catch (Exception e) { // Scala throws RpcTimeoutException, checked in Java's eyes
        throw new NuageException(
            "--master "
                + master
                + ": something listens there, but it is not a Spark standalone master (it did"
                + " not answer Spark's RPC as one within "
                + PROBE_TIMEOUT
                + ": "
                + firstLine(e)
                + ")");
      }
      try {
        return ask.apply(ref);
      } catch (Exception e) { // Scala throws RpcTimeoutException, checked in Java's eyes
        throw new NuageException(
            "--master "
                + master
                + ": the master did not say which workers it has within "
                + PROBE_TIMEOUT
                + " ("
                + firstLine(e)
                + ")");
      }
    } finally {
      if (env != null) env.shutdown();
    }
  }

  private static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }
}
