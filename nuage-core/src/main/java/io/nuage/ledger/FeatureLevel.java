package io.nuage.ledger;

/** How strongly the FOCUS spec asks for a column (its "Feature level"). */
public enum FeatureLevel {
  MANDATORY,
  RECOMMENDED,
  CONDITIONAL,
  OPTIONAL
}
