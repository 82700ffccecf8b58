package io.nuage.cli;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ledger tests' FinOps-sample scenario with one more contract: a reservation {@code
 * aws-reserved} on AWS (us-east-1, H100, 2024-2025) at a given price per GPU-hour, for rows the
 * reconciliation prices per hour.
 */
final class ReservedScenario {
  static final Path BASE =
      SharedData.repo().resolve("nuage-app/src/test/resources/ledger/finops-sample.yaml");

  private ReservedScenario() {}

  /** Writes the scenario to {@code dir/reserved.yaml} and returns it. */
  static Path write(Path dir, String pricePerGpuHour) throws IOException {
    return Files.writeString(
        dir.resolve("reserved.yaml"),
        Files.readString(BASE)
                .replace("policy:", "")
                .replace("max-share: 0.9", "")
                .replace(
                    "contracts:",
                    "  accelerators:\n"
                        + "    - {name: H100, family: H100, memory-gib: 80, throughput: 1.0}\n"
                        + "contracts:")
            + """
              - id: aws-reserved
                kind: reserved-capacity
                provider: aws
                region: aws/us-east-1
                accelerator: H100
                gpus: 8
                term: {start: 2024-01, end: 2025-12}
                price-per-gpu-hour: %s
            policy:
              max-share: 0.9
            """
                .formatted(pricePerGpuHour));
  }
}
