package io.nuage.ledger;

/** The FOCUS data types, as the store keeps them. */
public enum FocusType {
  /** Kept as text. */
  STRING,
  /** Exact decimal: {@code DECIMAL(38,18)} in the store, {@code BigDecimal} in Java. */
  DECIMAL,
  /** An ISO 8601 instant in UTC: {@code TIMESTAMP} in the store. */
  DATETIME,
  /** JSON, kept as its text. */
  JSON
}
