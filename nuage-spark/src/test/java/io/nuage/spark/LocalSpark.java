package io.nuage.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} session for the commands of a test class: a command finds it running and
 * leaves it running ({@link SparkScaleOut#start}), where each would otherwise start and stop its
 * own (seconds each, tens on a loaded machine). Stop it after the class: a session left running
 * would make another class's commands on other masters refused.
 */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start() {
    return SparkSession.builder().config(SparkScaleOut.conf("local[2]")).getOrCreate();
  }
}
