package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A usage row billed above its contracted price.
 *
 * @param contract the contract whose rate priced it; null when it was expected at list price
 * @param excess {@code billed - expected}
 */
public record OverbilledRow(
    String provider,
    LocalDateTime chargePeriodStart,
    @Nullable String serviceName,
    @Nullable String skuId,
    @Nullable String resourceId,
    @Nullable String contract,
    BigDecimal billed,
    BigDecimal expected,
    BigDecimal excess) {}
