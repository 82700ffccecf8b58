package io.nuage.uncertainty;

/** The uncertainty sources of docs/risk.md section 1, each with its own random stream. */
public enum Source {
  DEMAND("demand"),
  TRAINING_RUNS("training-runs"),
  CAPACITY("capacity"),
  PRICES("prices"),
  PROVIDERS("providers");

  private final String key;

  Source(String key) {
    this.key = key;
  }

  /** The name in the scenario's {@code uncertainty:} section and in the report. */
  public String key() {
    return key;
  }
}
