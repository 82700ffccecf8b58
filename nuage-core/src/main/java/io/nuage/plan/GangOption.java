package io.nuage.plan;

import java.math.BigDecimal;

/**
 * One way to run a training run: as one gang in {@code cell} from the first hour of month index
 * {@code start}; {@code wallHours[i]} are the hours it runs in month {@code start + i}.
 */
record GangOption(
    int index, int run, Cell cell, int start, BigDecimal[] wallHours, BigDecimal egress) {

  int end() {
    return start + wallHours.length - 1;
  }

  int months() {
    return wallHours.length;
  }
}
