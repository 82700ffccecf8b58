package io.nuage.contract;

import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;

/**
 * GPUs reserved in one region for a term at a fixed price per GPU-hour, paid for every hour of the
 * term whether used or not. The reserved GPUs are capacity the holder can always use.
 */
public record ReservedCapacity(
    String id,
    String provider,
    String region,
    String accelerator,
    int gpus,
    MonthRange term,
    BigDecimal pricePerGpuHour)
    implements Contract {
  public ReservedCapacity {
    Checks.id(id, "contract.id");
    Checks.id(provider, "contract.provider");
    Checks.id(region, "contract.region");
    Checks.id(accelerator, "contract.accelerator");
    Checks.positive(gpus, "contract.gpus");
    Checks.nonNegative(pricePerGpuHour, "contract.pricePerGpuHour");
  }
}
