package io.nuage.broker;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The Kueue objects of one month of a plan: one flavor per cluster, accelerator and capacity kind
 * the plan uses that month, and one cluster queue per geography whose flavors are in order of
 * marginal cost with the plan's GPUs as their quota.
 */
public record KueueMonth(
    YearMonth month, List<Flavor> flavors, List<Queue> queues, List<String> clusters) {
  public KueueMonth {
    flavors = List.copyOf(flavors);
    queues = List.copyOf(queues);
    clusters = List.copyOf(clusters);
  }

  /**
   * A ResourceFlavor: GPUs of one accelerator in one cluster (standing for {@code region}) paid one
   * way.
   *
   * @param perReferenceHour marginal cost of a reference GPU-hour there that month, to 1e-3 (the
   *     order key)
   * @param ratePerReferenceHour what a reference GPU-hour there is billed (0 for reserved hours,
   *     whose fee is sunk): the tie-break between equal marginal costs
   */
  public record Flavor(
      String name,
      String cluster,
      String region,
      String accelerator,
      CapacityKind kind,
      BigDecimal perReferenceHour,
      BigDecimal ratePerReferenceHour) {}

  /** A flavor's nominal quota in a queue: the plan's GPUs of that month. */
  public record Quota(Flavor flavor, long gpus) {}

  /**
   * A ClusterQueue for one geography ({@code name}: its Kubernetes name), its quotas cheapest
   * first.
   */
  public record Queue(String geography, String name, List<Quota> quotas) {
    public Queue {
      quotas = List.copyOf(quotas);
    }
  }
}
