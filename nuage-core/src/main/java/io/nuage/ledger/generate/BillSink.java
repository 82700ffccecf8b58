package io.nuage.ledger.generate;

import java.io.IOException;
import java.time.YearMonth;

/** Where generated rows go, in order; told when each month is complete (for progress). */
public interface BillSink {
  void row(BillRow row) throws IOException;

  default void monthDone(YearMonth month, long rowsSoFar) {}
}
