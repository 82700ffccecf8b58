package io.nuage.plan.history;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The plans kept of each scenario, newest last stored first (implemented by the store). */
public interface Plans {
  /** Keeps a plan of a scenario; returns it with its id and the time it was stored. */
  StoredPlan add(
      String scenarioName,
      String scenarioPath,
      String scenarioHash,
      PlanKind kind,
      @Nullable LocalDate asOf,
      String status,
      @Nullable BigDecimal totalCost,
      String json);

  /** The plan of the scenario named {@code scenarioName} stored last: the plan being followed. */
  Optional<StoredPlan> latest(String scenarioName);

  /** Every plan of the scenario, the last stored first. */
  List<StoredPlan> of(String scenarioName);

  /** The content hash a stored plan names its scenario's version by: SHA-256, hex. */
  static String contentHash(byte[] scenarioFile) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scenarioFile));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  static String contentHash(String scenarioText) {
    return contentHash(scenarioText.getBytes(StandardCharsets.UTF_8));
  }
}
