package io.nuage.ledger.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSplitTest {
  @Test
  void split_evenWithRemainderToTheEarlierParts() {
    // 10 units over 3 equal weights: 3.33 each; the one left over goes to the first (ties: earlier)
    assertThat(ExactSplit.split(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
    // 31 days of a 744.001-hour month in thousandths: 744001 / 31 = 24000 rest 1
    long[] days = new long[31];
    Arrays.fill(days, 24_000);
    long[] parts = ExactSplit.split(744_001, days);
    assertThat(parts[0]).isEqualTo(24_001);
    assertThat(Arrays.stream(parts).skip(1)).allMatch(p -> p == 24_000);
  }

  @Test
  void split_largestRemaindersGetTheUnitsLeftOver() {
    // 7 by 1:2:4 = 1, 2, 4 exactly; 8 by 1:2:4 = 1.14, 2.29, 4.57 -> floors 1, 2, 4 and the one
    // left
    // over to the largest remainder (0.57 of the third)
    assertThat(ExactSplit.split(7, new long[] {1, 2, 4})).containsExactly(1, 2, 4);
    assertThat(ExactSplit.split(8, new long[] {1, 2, 4})).containsExactly(1, 2, 5);
    // a zero weight gets nothing
    assertThat(ExactSplit.split(5, new long[] {0, 3, 0, 2})).containsExactly(0, 3, 0, 2);
  }

  @Test
  void split_randomTotals_sumExactlyAndStayWithinOneOfTheirShare() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 2_000; round++) {
      int n = 1 + random.nextInt(31);
      long[] w = new long[n];
      long sum = 0;
      for (int i = 0; i < n; i++)
        sum += w[i] = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 1_000_000);
      if (sum == 0) continue;
      long total = random.nextLong(0, sum + 1);
      long[] parts = ExactSplit.split(total, w);
      assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
      for (int i = 0; i < n; i++) {
        double share = (double) total * w[i] / sum;
        assertThat((double) parts[i]).isBetween(Math.floor(share) - 1e-6, Math.ceil(share) + 1e-6);
        // never above its weight when the total is within the weights (the reservation's room)
        assertThat(parts[i]).isLessThanOrEqualTo(w[i]);
      }
    }
  }

  @Test
  void split_refusesWhatCannotBeSplit() {
    assertThatThrownBy(() -> ExactSplit.split(1, new long[] {0, 0}))
        .hasMessageContaining("no weight");
    assertThatThrownBy(() -> ExactSplit.split(-1, new long[] {1})).hasMessageContaining("negative");
  }
}
