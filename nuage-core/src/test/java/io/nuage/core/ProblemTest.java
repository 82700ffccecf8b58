package io.nuage.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void render_givesFileLineColumnPathAndMessage() {
    var problem =
        new Problem(
            "s.yaml", 12, 5, "workloads[0].deadline", "bad month (got 2027-13, expected YYYY-MM)");
    assertThat(problem.render())
        .isEqualTo("s.yaml:12:5: workloads[0].deadline: bad month (got 2027-13, expected YYYY-MM)");
  }

  @Test
  void render_leavesOutWhatIsUnknown() {
    assertThat(new Problem("s.yaml", 0, 0, "", "empty file").render())
        .isEqualTo("s.yaml: empty file");
    assertThat(new Problem("p.csv", 7, 0, "Price", "not a number").render())
        .isEqualTo("p.csv:7: Price: not a number");
  }
}
