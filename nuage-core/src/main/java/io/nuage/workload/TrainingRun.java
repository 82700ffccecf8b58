package io.nuage.workload;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * A training run: a gang of {@code gpus} GPUs that must all run in ONE region on ONE accelerator
 * type, without pause, from a start month until done, finishing by the deadline.
 *
 * @param referenceHours wall-clock hours the gang needs on the reference accelerator (H100 = 1.0);
 *     on an accelerator of throughput t it needs referenceHours / t
 * @param accelerators the accelerator names (or families) it can run on
 * @param earliestStart the first month it may start
 * @param deadline the last month it may run in (inclusive)
 * @param datasetTb size of its dataset, moved at egress cost when it runs away from home
 * @param datasetHome the region id where the dataset lives
 */
public record TrainingRun(
    String id,
    int gpus,
    BigDecimal referenceHours,
    Set<String> accelerators,
    YearMonth earliestStart,
    YearMonth deadline,
    BigDecimal datasetTb,
    String datasetHome)
    implements Workload {
  public TrainingRun {
    Checks.id(id, "workload.id");
    Checks.positive(gpus, "workload.gpus");
    Checks.positive(referenceHours, "workload.hours");
    accelerators = Set.copyOf(accelerators);
    if (accelerators.isEmpty()) {
      throw new IllegalArgumentException("training run " + id + " needs at least one accelerator");
    }
    Objects.requireNonNull(earliestStart, "workload.earliestStart");
    Objects.requireNonNull(deadline, "workload.deadline");
    if (deadline.isBefore(earliestStart)) {
      throw new IllegalArgumentException(
          "training run "
              + id
              + ": deadline "
              + deadline
              + " is before earliest start "
              + earliestStart);
    }
    Checks.nonNegative(datasetTb, "workload.datasetTb");
    Checks.id(datasetHome, "workload.datasetHome");
  }
}
