package io.nuage.spark;

import io.nuage.scaleout.ScaleOut;
import io.nuage.scaleout.ScaleOutEngine;

/** {@code --engine spark}: a Spark session on the master asked for. */
public final class SparkEngine implements ScaleOutEngine {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public ScaleOut connect(String master) {
    SparkScaleOut.quietLogs(); // before the master's check, whose RPC client logs too
    return SparkScaleOut.start(Masters.checked(master));
  }
}
