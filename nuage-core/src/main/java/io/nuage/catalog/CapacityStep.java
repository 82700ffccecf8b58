package io.nuage.catalog;

import io.nuage.core.Checks;
import java.time.YearMonth;
import java.util.Objects;

/**
 * From {@code from} on, {@code provider} can deliver {@code gpus} GPUs of {@code accelerator} in
 * {@code region}, until a later step for the same key replaces it (steps are levels, not
 * increments: a data center going live raises the level).
 */
public record CapacityStep(String region, String accelerator, YearMonth from, int gpus) {
  public CapacityStep {
    Checks.id(region, "capacity.region");
    Checks.id(accelerator, "capacity.accelerator");
    Objects.requireNonNull(from, "capacity.from");
    if (gpus < 0)
      throw new IllegalArgumentException("capacity.gpus cannot be negative (got " + gpus + ")");
  }
}
