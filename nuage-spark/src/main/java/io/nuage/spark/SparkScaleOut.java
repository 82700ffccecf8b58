package io.nuage.spark;

import io.nuage.core.NuageException;
import io.nuage.risk.FutureServer;
import io.nuage.scaleout.ScaleOut;
import io.nuage.scaleout.SweepRecipe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session bound to the loopback or the cluster's network, its web UI off: the CLI's engine
 * for one command.
 */
final class SparkScaleOut implements ScaleOut {
  /**
   * Settings Nuage's answers depend on: set whatever the {@code spark.*} properties say (and on a
   * running session reused, set for the command and restored after it). Every other setting of
   * {@link #conf} yields to a property given ({@code --conf} of spark-submit, {@code -D}).
   */
  static final List<String> FORCED =
      List.of(
          "spark.sql.datetime.java8API.enabled",
          "spark.sql.session.timeZone",
          "spark.sql.decimalOperations.allowPrecisionLoss",
          "spark.sql.sources.partitionColumnTypeInference.enabled",
          "spark.serializer");

  private final SparkSession session;

  /** Whether this command started the session (and so stops it when done). */
  private final boolean owned;

  /** A reused session's SQL settings before Nuage's were set: restored on {@link #close()}. */
  private final Map<String, Optional<String>> before;

  private SparkScaleOut(SparkSession session, boolean owned, Map<String, Optional<String>> before) {
    this.session = session;
    this.owned = owned;
    this.before = before;
  }

  /**
   * A session on {@code master}: the one already running in this JVM on the same master when there
   * is one (Nuage called from a Spark application, or a test class sharing one session across its
   * commands), its SQL settings set to Nuage's for the command and restored after it, and left
   * running; else a new one, stopped on {@link #close()}. A session running on another master is
   * refused by name: Spark runs one per JVM, and Nuage never stops one it did not start.
   */
  static SparkScaleOut start(String master) {
    quietLogs();
    SparkConf conf = conf(master);
    scala.Option<SparkContext> running = SparkContext$.MODULE$.getActive();
    if (running.isDefined() && !running.get().isStopped()) {
      String theirs = running.get().master();
      if (!theirs.equals(master))
        throw new NuageException(
            "--master "
                + master
                + ": this JVM already runs a Spark session on "
                + theirs
                + " and Spark runs one per JVM; give --master "
                + theirs
                + ", or run the command in a process of its own");
      SparkSession session = SparkSession.builder().getOrCreate(); // the one on that context
      Map<String, Optional<String>> before = new LinkedHashMap<>();
      for (scala.Tuple2<String, String> setting : conf.getAll())
        if (setting._1().startsWith("spark.sql.")) {
          before.put(setting._1(), Optional.ofNullable(session.conf().get(setting._1(), null)));
          session.conf().set(setting._1(), setting._2());
        }
      return new SparkScaleOut(session, false, before);
    }
    Masters.requireRoom(master, conf);
    return new SparkScaleOut(SparkSession.builder().config(conf).getOrCreate(), true, Map.of());
  }

  /**
   * Spark's and Hadoop's INFO lines off the CLI's standard error (slf4j-simple reads a logger's
   * level when the logger is made): warnings and errors still show. A level set already stands.
   */
  static void quietLogs() {
    for (String name :
        new String[] {
          "org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet"
        }) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null)
        System.setProperty(key, name.equals("org.apache.hadoop") ? "error" : "warn");
    }
  }

  /**
   * The configuration of a Nuage session on {@code master}: the {@code spark.*} properties given,
   * Nuage's defaults where they say nothing, and the {@link #FORCED} settings whatever they say.
   */
  static SparkConf conf(String master) {
    SparkConf conf =
        new SparkConf()
            .setMaster(master)
            .setIfMissing("spark.app.name", "nuage")
            .setIfMissing("spark.ui.enabled", "false")
            .setIfMissing("spark.ui.showConsoleProgress", "false")
            // FOCUS rows are wide: no warning on standard error about a plan's long description
            .setIfMissing("spark.sql.debug.maxToStringFields", "200")
            // dates and times as java.time, so no default time zone of this JVM touches them
            .set("spark.sql.datetime.java8API.enabled", "true")
            .set("spark.sql.session.timeZone", "UTC")
            // decimal results typed as DuckDB types them (38 digits at most, the scale kept,
            // an overflow an error): the reconciliation's products are exact in both
            .set("spark.sql.decimalOperations.allowPrecisionLoss", "false")
            // an export's partition values are text (a provider named 123 stays "123")
            .set("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            // the futures' answers are Java records, few and small; their order is kept by
            // collect()
            .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
    String host = System.getenv("SPARK_LOCAL_IP");
    if (master.startsWith("local") || host != null) {
      String h = host != null ? host : "127.0.0.1";
      conf.setIfMissing("spark.driver.host", h).setIfMissing("spark.driver.bindAddress", h);
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
    if (owned) {
      session.stop();
      return;
    }
    for (Map.Entry<String, Optional<String>> setting : before.entrySet()) {
      if (setting.getValue().isPresent())
        session.conf().set(setting.getKey(), setting.getValue().get());
      else session.conf().unset(setting.getKey());
    }
  }
}
