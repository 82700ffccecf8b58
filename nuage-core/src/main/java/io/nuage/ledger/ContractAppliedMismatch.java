package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A FOCUS 1.3 bill line whose {@code ContractApplied} amounts do not add up to its effective cost
 * within a cent: the provider's own statement of what it drew from its commitments disagrees with
 * the line it bills (docs/ledger.md, "FOCUS 1.3").
 *
 * @param source the file the line was ingested from, as the user named it
 * @param commitments the commitment ids the line names, comma-separated
 * @param currency the line's {@code BillingCurrency}: the three amounts are in it
 * @param applied the sum of the line's {@code ContractCommitmentAppliedCost}
 * @param difference {@code applied - effectiveCost}
 */
public record ContractAppliedMismatch(
    String source,
    @Nullable String provider,
    @Nullable LocalDateTime chargePeriodStart,
    @Nullable String serviceName,
    @Nullable String resourceId,
    String commitments,
    @Nullable String currency,
    BigDecimal effectiveCost,
    BigDecimal applied,
    BigDecimal difference) {}
