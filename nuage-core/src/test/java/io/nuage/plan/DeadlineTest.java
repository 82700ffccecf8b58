package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The time limit is one deadline for the whole plan: each solver call gets what is left of it
 * (docs/planner.md, "Time limit"). The clock is moved by hand, so nothing here depends on how fast
 * this machine is; the wall-clock effect is measured in docs/benchmarks.md.
 */
class DeadlineTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private void advance(double seconds) {
    now.addAndGet((long) (seconds * 1e9));
  }

  @Test
  void remaining_shrinksAsTimePassesAcrossCalls() {
    var deadline = new Deadline(6, now::get);
    assertThat(deadline.remainingSeconds()).isEqualTo(6.0);
    advance(1.5); // pre-checks and baselines
    assertThat(deadline.remainingMillis()).isEqualTo(4_500);
    advance(4); // the MIP
    assertThat(deadline.remainingSeconds()).isEqualTo(0.5);
    assertThat(deadline.passed()).isFalse();
  }

  @Test
  void remaining_neverDropsBelowTheFloorOnceTheDeadlineHasPassed() {
    var deadline = new Deadline(2, now::get);
    advance(3);
    assertThat(deadline.passed()).isTrue();
    assertThat(deadline.remainingSeconds()).isEqualTo(Deadline.FLOOR_SECONDS);
    assertThat(deadline.remainingMillis()).isEqualTo(500);
  }
}
