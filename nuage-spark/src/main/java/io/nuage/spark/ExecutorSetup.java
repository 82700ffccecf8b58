package io.nuage.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * What executors of a standalone cluster need to serve futures, unless {@code spark.*} properties
 * say otherwise: Nuage's classes from this process's class path (a cluster on this machine or one
 * where Nuage is installed at the same path; a remote cluster gets the shaded job jar through
 * spark-submit instead, docs/scale-out.md, and then no class path is added), and a JVM that may
 * load OR-Tools' natives.
 */
final class ExecutorSetup {
  private ExecutorSetup() {}

  static void apply(SparkConf conf) {
    // spark-submit ships the job jar to the executors itself (spark.jars)
    if (!conf.contains("spark.jars"))
      conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    StringBuilder options =
        new StringBuilder(JavaModuleOptions.defaultModuleOptions())
            .append(" --enable-native-access=ALL-UNNAMED");
    String natives = System.getProperty("java.library.path");
    if (natives != null && natives.contains("ortools-natives"))
      options.append(" -Djava.library.path=").append(natives);
    conf.setIfMissing("spark.executor.extraJavaOptions", options.toString());
    conf.setIfMissing("spark.executor.memory", "1g");
  }
}
