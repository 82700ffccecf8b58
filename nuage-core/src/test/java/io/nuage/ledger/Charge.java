package io.nuage.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds daily charges by hand for the ledger's unit tests. */
final class Charge {
  private Charge() {}

  static ChargeSum usage(String provider, String day, String billed, String effective) {
    return of(provider, day, "Usage", null, null, billed, effective);
  }

  static ChargeSum of(
      String provider,
      String day,
      String category,
      @Nullable String commitmentId,
      @Nullable String status,
      String billed,
      String effective) {
    return row(provider, day)
        .category(category)
        .commitment(commitmentId, status)
        .cost(billed, effective)
        .sum();
  }

  /** A usage row of {@code provider} on {@code day}, in USD, 0 billed: set what matters. */
  static Row row(String provider, String day) {
    return new Row(provider, LocalDate.parse(day));
  }

  /** A charge under construction; every setter returns it. */
  static final class Row {
    private final String provider;
    private final LocalDate day;
    private String category = "Usage";
    private @Nullable String commitmentId;
    private @Nullable String status;
    private BigDecimal billed = BigDecimal.ZERO;
    private BigDecimal effective = BigDecimal.ZERO;
    private BigDecimal gpuHours = BigDecimal.ZERO;
    private @Nullable String unit;
    private @Nullable String account;
    private String currency = "USD";
    private @Nullable String region;
    private @Nullable String service;
    private @Nullable String accelerator;
    private @Nullable String pricing;
    private final List<ChargeSum.AppliedId> applied = new ArrayList<>();
    private java.time.@Nullable LocalDateTime until;

    private Row(String provider, LocalDate day) {
      this.provider = provider;
      this.day = day;
    }

    Row category(String c) {
      category = c;
      return this;
    }

    Row commitment(@Nullable String id, @Nullable String s) {
      commitmentId = id;
      status = s;
      return this;
    }

    Row cost(String b, String e) {
      billed = new BigDecimal(b);
      effective = new BigDecimal(e);
      return this;
    }

    Row billed(String b) {
      return cost(b, b);
    }

    Row gpuHours(String hours) {
      gpuHours = new BigDecimal(hours);
      unit = "GPU Hours";
      return this;
    }

    Row account(String a) {
      account = a;
      return this;
    }

    Row currency(String c) {
      currency = c;
      return this;
    }

    Row at(String r, String acc) {
      region = r;
      accelerator = acc;
      return this;
    }

    Row pricing(String p) {
      pricing = p;
      return this;
    }

    Row service(String s) {
      service = s;
      return this;
    }

    /** The end of the summed rows' last period (default: an hour after the day starts). */
    Row until(String end) {
      until = LocalDate.parse(end).atStartOfDay();
      return this;
    }

    Row applied(@Nullable String contractId, String commitmentId) {
      applied.add(new ChargeSum.AppliedId(contractId, commitmentId));
      return this;
    }

    ChargeSum sum() {
      return new ChargeSum(
          provider,
          day,
          category,
          commitmentId,
          status,
          billed,
          effective,
          gpuHours,
          1,
          day.atStartOfDay(),
          until != null ? until : day.atStartOfDay().plusHours(1),
          account,
          currency,
          region,
          service,
          accelerator,
          applied,
          unit,
          pricing);
    }
  }
}
