package io.nuage.ledger;

/** The FOCUS releases the ingest reads; a column's version is the first release that has it. */
public enum FocusVersion {
  V1_0("1.0"),
  V1_1("1.1"),
  V1_2("1.2"),
  V1_3("1.3");

  private final String label;

  FocusVersion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
