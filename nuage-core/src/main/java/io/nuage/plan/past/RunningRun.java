package io.nuage.plan.past;

import io.nuage.core.Checks;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A training run under way at the as-of date: it keeps its gang where it started and runs on.
 *
 * @param region the full region id ({@code provider/name})
 * @param start the month it started in, from its first hour
 */
public record RunningRun(
    String workload, String provider, String region, String accelerator, YearMonth start) {
  public RunningRun {
    Checks.id(workload, "running run workload");
    Checks.id(provider, "running run provider");
    Checks.id(region, "running run region");
    Checks.id(accelerator, "running run accelerator");
    Objects.requireNonNull(start, "running run start");
  }
}
