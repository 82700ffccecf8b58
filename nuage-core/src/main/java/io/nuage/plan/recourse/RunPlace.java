package io.nuage.plan.recourse;

import java.time.YearMonth;
import java.util.Objects;

/** Where and when a training run runs: one region, one accelerator, from a start month. */
public record RunPlace(String region, String accelerator, YearMonth start)
    implements java.io.Serializable {
  public RunPlace {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(start, "start");
  }
}
