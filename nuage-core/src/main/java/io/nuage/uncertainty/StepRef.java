package io.nuage.uncertainty;

import io.nuage.catalog.CapacityStep;
import java.time.YearMonth;
import java.util.Objects;

/** Names one capacity step of a scenario: its region, accelerator and scheduled month. */
public record StepRef(String region, String accelerator, YearMonth from) {
  public StepRef {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accelerator, "accelerator");
    Objects.requireNonNull(from, "from");
  }

  public static StepRef of(CapacityStep s) {
    return new StepRef(s.region(), s.accelerator(), s.from());
  }

  /** {@code region/accelerator@YYYY-MM}, as {@code nuage whatif --delay-capacity} takes it. */
  @Override
  public String toString() {
    return region + "/" + accelerator + "@" + from;
  }
}
