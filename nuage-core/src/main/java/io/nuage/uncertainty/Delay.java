package io.nuage.uncertainty;

/** How late a capacity step arrives: some months, or never (docs/risk.md section 1). */
public sealed interface Delay {
  /** Arrives {@code months} months after its scheduled month. */
  record Months(int months) implements Delay {
    public Months {
      if (months < 0)
        throw new IllegalArgumentException("a slip cannot be negative (got " + months + ")");
    }
  }

  /** Never arrives within the horizon. */
  record Never() implements Delay {}

  Delay ON_TIME = new Months(0);
}
