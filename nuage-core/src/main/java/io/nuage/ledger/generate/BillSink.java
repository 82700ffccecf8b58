package io.nuage.ledger.generate;

import java.io.IOException;
import java.time.YearMonth;

/** Where generated rows go, in order; told when each month is complete (for progress). */
public interface BillSink {
  void row(BillRow row) throws IOException;

  /** Told before a provider's rows of a month (a scenario provider id). */
  default void provider(String id) {}

  default void monthDone(YearMonth month, long rowsSoFar) {}
}
