package io.nuage.ledger;

/** A commitment discount the synthetic usage draws down; {@code used} is this month's draw. */
final class SyntheticCommitment {
  final SyntheticProvider provider;
  final String id;
  final String name;
  final String type;
  final String category;
  final String service;
  final int discountPercent;
  long used;

  private SyntheticCommitment(
      SyntheticProvider provider,
      String id,
      String name,
      String type,
      String category,
      String service,
      int discountPercent) {
    this.provider = provider;
    this.id = id;
    this.name = name;
    this.type = type;
    this.category = category;
    this.service = service;
    this.discountPercent = discountPercent;
  }

  /** Fresh instances (they carry per-month state), indexed as {@link SyntheticService} refers. */
  static SyntheticCommitment[] all() {
    return new SyntheticCommitment[] {
      new SyntheticCommitment(
          SyntheticProvider.AWS,
          "arn:aws:savingsplans::961082193871:savingsplan/493f5705-db1c-4867-8e5c-ee9a66fa6d3f",
          "Compute Savings Plan 1y",
          "Savings Plan",
          "Spend",
          "Amazon Elastic Compute Cloud",
          28),
      new SyntheticCommitment(
          SyntheticProvider.AWS,
          "arn:aws:savingsplans::365499461711:savingsplan/37985e61-4fcb-4023-9dd7-e524c80342a2",
          "EC2 Instance Savings Plan 3y",
          "Savings Plan",
          "Spend",
          "Amazon Elastic Compute Cloud",
          40),
      new SyntheticCommitment(
          SyntheticProvider.MICROSOFT,
          "/providers/Microsoft.Capacity/reservationOrders/7a1c0e1e/reservations/3f0d9d2b",
          "ND H100 v5 reservation 1y",
          "Reservation",
          "Usage",
          "Virtual Machines",
          35)
    };
  }
}
