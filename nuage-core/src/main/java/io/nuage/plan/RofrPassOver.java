package io.nuage.plan;

import java.time.YearMonth;

/** A placement on new capacity where the right-of-first-refusal holder was passed over, and why. */
public record RofrPassOver(
    String workload,
    String holder,
    String provider,
    String region,
    String accelerator,
    YearMonth month,
    String reason,
    String explanation) {}
