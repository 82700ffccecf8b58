package io.nuage.ledger.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One FOCUS Cost and Usage row, typed: values by FOCUS column id. A value is a {@link String}, a
 * {@link java.math.BigDecimal} (exact), a {@link java.time.LocalDateTime} (UTC), a list of {@link
 * AppliedElement} ({@code ContractApplied}) or a {@code Map<String, String>} (a JSON object: {@code
 * SkuPriceDetails}, {@code Tags}). A column not set is null. The writer turns it into text.
 */
public final class BillRow {
  private final Map<String, Object> values = new LinkedHashMap<>();

  BillRow set(String column, @Nullable Object value) {
    if (value == null) values.remove(column);
    else values.put(column, value);
    return this;
  }

  public @Nullable Object get(String column) {
    return values.get(column);
  }

  /** The columns set, in the order they were set. */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }
}
