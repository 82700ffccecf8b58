package io.nuage.plan;

import io.nuage.contract.ReservedCapacity;
import io.nuage.core.NuageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * The refusal of a reservation's sizing bounds across its capacity schedule's kink (docs/deals.md
 * section 5.1): said the same by the deal's check before any solve and by the model while it is
 * built.
 */
public final class ReservationKink {
  private ReservationKink() {}

  /**
   * {@code spare} GPUs of the schedule of {@code cell} ("REGION ACCELERATOR") beyond the other
   * reservations in {@code month} lie strictly inside the bounds {@code lo} to {@code hi} of {@code
   * sized}'s GPUs.
   */
  public static NuageException across(
      String cell, double spare, YearMonth month, double lo, double hi, ReservedCapacity sized) {
    String ratio =
        BigDecimal.valueOf(spare)
            .divide(BigDecimal.valueOf(sized.gpus()), 4, RoundingMode.FLOOR)
            .stripTrailingZeros()
            .toPlainString();
    return new NuageException(
        "--bounds: the capacity schedule of "
            + cell
            + " offers "
            + (long) spare
            + " GPUs beyond the other reservations in "
            + month
            + ", inside the "
            + gpus(lo)
            + " to "
            + gpus(hi)
            + " GPUs the bounds allow "
            + sized.id()
            + ": its on-demand GPUs, max(0, "
            + (long) spare
            + " − G), would not be linear in G (docs/deals.md section 5.1); keep the"
            + " bounds on one side of "
            + ratio
            + " times the written "
            + sized.gpus()
            + " GPUs (such as --bounds 0.."
            + ratio
            + ")");
  }

  private static String gpus(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
