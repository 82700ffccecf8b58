package io.nuage.ledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a month's reserved hours are laid on a reservation's days, on a case computed by hand. */
class ReservationRowsTest {
  private static final YearMonth FEB = YearMonth.of(2027, 2);

  static Line line(String workload, String kind, String hours, String active) {
    return new Line(
        0,
        workload,
        kind,
        "nebius",
        "nebius/us-central1",
        "H200",
        FEB,
        new BigDecimal(hours),
        Line.Pricing.RESERVED,
        null,
        new BigDecimal("3.50"),
        new BigDecimal("3.50"),
        BigDecimal.ZERO,
        null,
        new BigDecimal(active));
  }

  @Test
  void weights_aGangRunsFromTheMonthsFirstHourAFleetEveryDay() {
    var days = ChargePeriod.DAY.periods(FEB);
    // a gang running 30 h of February: all of day 1, 6 h of day 2, nothing after
    long[] gang = GpuRows.weights(line("run", "training", "120", "30"), days);
    assertThat(gang[0]).isEqualTo(24_000);
    assertThat(gang[1]).isEqualTo(6_000);
    assertThat(Arrays.stream(gang).skip(2)).allMatch(w -> w == 0);
    long[] fleet = GpuRows.weights(line("chat", "inference", "100", "672"), days);
    assertThat(fleet).hasSize(28).containsOnly(24_000);
    // 120 GPU-hours over those 30 hours: 96 on day 1 (24/30), 24 on day 2
    assertThat(GpuRows.split(line("run", "training", "120", "30"), days)[0]).isEqualTo(96_000);
  }

  @Test
  void lay_gangFirstWithinEachDaysReservationThenTheRestInProportionToTheRoomLeft() {
    // a reservation of 2 GPUs: 48 GPU-hours a day, 1,344 in February. A gang of 4 GPUs running 30 h
    // (120 GPU-hours, all reserved by the plan's monthly count) and a fleet taking the other 1,224.
    var days = ChargePeriod.DAY.periods(FEB);
    long[] room = new long[28];
    Arrays.fill(room, 48_000);
    Line gang = line("run", "training", "120", "30");
    Line fleet = line("chat", "inference", "1224", "672");
    long[][] use = ReservationRows.lay(List.of(gang, fleet), days, room);

    // day 1: the gang wants 96 but the reservation holds 48; day 2: its 24 fit
    assertThat(use[0][0]).isEqualTo(48_000);
    assertThat(use[0][1]).isGreaterThanOrEqualTo(24_000);
    // the 48 it could not fit on day 1 go to the days with room, never above a day's 48
    assertThat(Arrays.stream(use[0]).sum()).isEqualTo(120_000);
    assertThat(Arrays.stream(use[1]).sum()).isEqualTo(1_224_000);
    for (int d = 0; d < 28; d++) assertThat(use[0][d] + use[1][d]).isEqualTo(48_000);
    // the fleet gets nothing on day 1, which the gang filled
    assertThat(use[1][0]).isZero();
  }
}
