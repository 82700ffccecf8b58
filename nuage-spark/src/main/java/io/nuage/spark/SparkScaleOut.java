package io.nuage.spark;

import io.nuage.risk.FutureServer;
import io.nuage.scaleout.ScaleOut;
import io.nuage.scaleout.SweepRecipe;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session bound to the loopback or the cluster's network, its web UI off: the CLI's engine
 * for one command.
 */
final class SparkScaleOut implements ScaleOut {
  private final SparkSession session;

  /** Whether this command started the session (and so stops it when done). */
  private final boolean owned;

  private SparkScaleOut(SparkSession session, boolean owned) {
    this.session = session;
    this.owned = owned;
  }

  /**
   * A session on {@code master}: the one already running in this JVM on the same master when there
   * is one (Nuage called from a Spark application, or a test class sharing one session across its
   * commands), its SQL settings set to Nuage's and left running; else a new one, stopped on {@link
   * #close()}.
   */
  static SparkScaleOut start(String master) {
    quietLogs();
    SparkConf conf = conf(master);
    scala.Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined()
        && !running.get().sparkContext().isStopped()
        && running.get().sparkContext().master().equals(master)) {
      SparkSession session = running.get();
      for (scala.Tuple2<String, String> setting : conf.getAll())
        if (setting._1().startsWith("spark.sql.")) session.conf().set(setting._1(), setting._2());
      return new SparkScaleOut(session, false);
    }
    return new SparkScaleOut(SparkSession.builder().config(conf).getOrCreate(), true);
  }

  /**
   * Spark's and Hadoop's INFO lines off the CLI's standard error (slf4j-simple reads a logger's
   * level when the logger is made): warnings and errors still show. A level set already stands.
   */
  private static void quietLogs() {
    for (String name :
        new String[] {
          "org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet"
        }) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null)
        System.setProperty(key, name.equals("org.apache.hadoop") ? "error" : "warn");
    }
  }

  /** The configuration of a Nuage session on {@code master}. */
  static SparkConf conf(String master) {
    SparkConf conf =
        new SparkConf()
            .setMaster(master)
            .setAppName("nuage")
            .set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false")
            // dates and times as java.time, so no default time zone of this JVM touches them
            .set("spark.sql.datetime.java8API.enabled", "true")
            .set("spark.sql.session.timeZone", "UTC")
            // decimal results typed as DuckDB types them (38 digits at most, the scale kept,
            // an overflow an error): the reconciliation's products are exact in both
            .set("spark.sql.decimalOperations.allowPrecisionLoss", "false")
            // an export's partition values are text (a provider named 123 stays "123")
            .set("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            // FOCUS rows are wide: no warning on standard error about a plan's long description
            .set("spark.sql.debug.maxToStringFields", "200")
            // the futures' answers are few and small; their order is kept by collect()
            .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
    String host = System.getenv("SPARK_LOCAL_IP");
    if (master.startsWith("local") || host != null) {
      String h = host != null ? host : "127.0.0.1";
      conf.set("spark.driver.host", h).set("spark.driver.bindAddress", h);
    }
    if (master.startsWith("spark://")) ExecutorSetup.apply(conf);
    return conf;
  }

  SparkSession session() {
    return session;
  }

  @Override
  public FutureServer futures(SweepRecipe recipe) {
    return new SparkFutureServer(JavaSparkContext.fromSparkContext(session.sparkContext()), recipe);
  }

  @Override
  public io.nuage.ledger.Charges charges(java.nio.file.Path dir) {
    return new SparkCharges(session, LedgerExport.open(dir));
  }

  @Override
  public void close() {
    if (owned) session.stop();
  }
}
