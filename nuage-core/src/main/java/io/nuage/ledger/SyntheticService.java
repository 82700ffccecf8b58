package io.nuage.ledger;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A billable service line, weighted per 10,000 rows after the FinOps sample (its EC2, EBS, ELB,
 * CloudWatch... for AWS; Storage Accounts and Azure ML for Microsoft; COMPUTE for Oracle), plus GPU
 * instances.
 */
final class SyntheticService {
  private static final List<SyntheticService> ALL =
      List.of(
          aws(
              3700,
              "Compute",
              "Amazon Elastic Compute Cloud",
              "2ES9C4RF3WGQZAQN",
              "$0.0464 per On Demand Linux t2.medium Instance Hour",
              "Hours",
              46_400,
              10_000,
              10_000,
              "instance",
              "i-0",
              0),
          aws(
              400,
              "Compute",
              "Amazon Elastic Compute Cloud",
              "9NX7BP9ZGC9GB8AX",
              "$0.085 per On Demand Linux c5.large Instance Hour",
              "Hours",
              85_000,
              10_000,
              10_000,
              "instance",
              "i-0",
              1),
          aws(
              120,
              "Compute",
              "Amazon Elastic Compute Cloud",
              "P5H100X48XLRG01",
              "$98.32 per On Demand Linux p5.48xlarge Instance Hour",
              "Hours",
              98_320_000,
              10_000,
              10_000,
              "instance",
              "i-0",
              0),
          aws(
              1320,
              "Storage",
              "Amazon Elastic Compute Cloud",
              "HY3BZPP2B6K8MSJF",
              "$0.08 per GB-month of General Purpose (gp3) provisioned storage",
              "GB-Mo",
              80_000,
              1,
              40_000,
              "volume",
              "vol-0",
              -1),
          aws(
              970,
              "Networking",
              "Elastic Load Balancing",
              "2ETY8Y426S4237JU",
              "$0.008 per used Application load balancer capacity unit-hour (or partial hour)",
              "LCU-Hours",
              8_000,
              1,
              20_000,
              "loadbalancer",
              "app/lb-",
              -1),
          aws(
              630,
              "Management and Governance",
              "AmazonCloudWatch",
              "CW8MZ4FPQ2A7TN1",
              "$0.30 per metric-month - first 10,000 metrics",
              "Metrics",
              300_000,
              1,
              5_000,
              "metric",
              "cw-",
              -1),
          aws(
              570,
              "Networking",
              "Amazon Virtual Private Cloud",
              "9DEJHBACUYEYMVN8",
              "$0.005 per In-use public IPv4 address per hour",
              "Hrs",
              5_000,
              10_000,
              10_000,
              "ipv4",
              "eipalloc-0",
              -1),
          aws(
              400,
              "Other",
              "Amazon Elastic Container Service",
              "NTC2QZFJW79R5XVK",
              "AWS Fargate - Memory - US West 2 (Oregon)",
              "Hours",
              4_445,
              100,
              20_000,
              "task",
              "task/",
              -1),
          aws(
              360,
              "Storage",
              "Amazon Simple Storage Service",
              "WP9ANXZGBYYSGJEA",
              "$0.023 per GB - first 50 TB / month of storage used",
              "GB-Mo",
              23_000,
              1,
              90_000,
              "bucket",
              "bucket-",
              -1),
          aws(
              140,
              "Integration",
              "Amazon Simple Queue Service",
              "G95FST5FTYV3JSRX",
              "$0.40 per million Amazon SQS standard requests in Tier1",
              "Requests",
              1,
              10_000,
              90_000_000,
              "queue",
              "sqs-",
              -1),
          aws(
              130,
              "Databases",
              "Amazon Relational Database Service",
              "QZ8CR9HWGZVE8T4M",
              "$0.017 per RDS db.t4g.micro Single-AZ instance hour",
              "Hours",
              17_000,
              10_000,
              10_000,
              "db",
              "db-",
              -1),
          aws(
              110,
              "Networking",
              "Amazon CloudFront",
              "RK8V2XW2Y7B9P5LQ",
              "$0.085 per GB - first 10 TB / month data transfer out",
              "GB",
              85_000,
              1,
              30_000,
              "distribution",
              "E2",
              -1),
          aws(
              90,
              "Compute",
              "AWS Lambda",
              "TG3M4CAGBA3NYQBH",
              "AWS Lambda - Total Compute - US West (Oregon)",
              "Lambda-GB-Second",
              17,
              1_000,
              9_000_000,
              "function",
              "fn-",
              -1),
          aws(
              480,
              "Management and Governance",
              "AWS Systems Manager",
              "SSM7RNP4KW2DGJXQ",
              "$0.05 per advanced parameter per month",
              "Parameters",
              50_000,
              1,
              10_000,
              "parameter",
              "ssm-",
              -1),
          ms(
              380,
              "Storage",
              "Storage Accounts",
              "1099985",
              "Tiered Block Blob - LRS - List and Create Container Operations - US East",
              "Units",
              50_000,
              1,
              500,
              "Storage account",
              "storageaccounts/sa",
              -1),
          ms(
              80,
              "AI and Machine Learning",
              "Azure Machine Learning",
              "616208794",
              "IP Addresses - Standard IPv4 Static Public IP - Dev/Test",
              "Hours",
              5_000,
              10_000,
              10_000,
              "Azure Machine Learning workspace",
              "workspaces/ml",
              -1),
          ms(
              50,
              "Compute",
              "Virtual Machines",
              "ND96ISRH100V5",
              "ND96isr H100 v5 - US East",
              "Hours",
              98_320_000,
              10_000,
              10_000,
              "Virtual machine",
              "virtualMachines/gpu",
              2),
          oci(
              40,
              "Compute",
              "COMPUTE",
              "B92307",
              "Standard - E3 - Memory",
              "GB Hours",
              1_500,
              10_000,
              160_000,
              "instance",
              "ocid6.instance.oc6.us-sanjose-6.anzwuljr",
              -1),
          oci(
              20,
              "Compute",
              "COMPUTE",
              "B98415",
              "GPU - BM.GPU.H100.8",
              "GPU Hours",
              10_000_000,
              80_000,
              80_000,
              "instance",
              "ocid6.instance.oc6.us-ashburn-1.gpu",
              -1),
          oci(
              10,
              "Networking",
              "NETWORK",
              "B88327",
              "Outbound Data Transfer Zone 1",
              "GB Months",
              8_500,
              0,
              20_000,
              "vnic",
              "ocid6.vnic.oc6.us-sanjose-6.abzwuljr",
              -1));

  private static final int[] CUMULATIVE = cumulative();

  final SyntheticProvider provider;
  final int weight;
  final String category;
  final String name;
  final String sku;
  final String description;
  final String unit;
  final long unitPrice;
  final long minQuantity;
  final long maxQuantity;
  final String resourceType;
  final String resourcePrefix;
  final int commitment;
  final String region;
  final String regionName;
  int ordinal;

  private SyntheticService(
      SyntheticProvider provider,
      int weight,
      String category,
      String name,
      String sku,
      String description,
      String unit,
      long unitPrice,
      long minQuantity,
      long maxQuantity,
      String resourceType,
      String resourcePrefix,
      int commitment,
      String region,
      String regionName) {
    this.provider = provider;
    this.weight = weight;
    this.category = category;
    this.name = name;
    this.sku = sku;
    this.description = description;
    this.unit = unit;
    this.unitPrice = unitPrice;
    this.minQuantity = minQuantity;
    this.maxQuantity = maxQuantity;
    this.resourceType = resourceType;
    this.resourcePrefix = resourcePrefix;
    this.commitment = commitment;
    this.region = region;
    this.regionName = regionName;
  }

  private static SyntheticService aws(
      int w,
      String cat,
      String name,
      String sku,
      String desc,
      String unit,
      long price,
      long min,
      long max,
      String type,
      String prefix,
      int commitment) {
    return new SyntheticService(
        SyntheticProvider.AWS,
        w,
        cat,
        name,
        sku,
        desc,
        unit,
        price,
        min,
        max,
        type,
        prefix,
        commitment,
        "us-west-2",
        "US West (Oregon)");
  }

  private static SyntheticService ms(
      int w,
      String cat,
      String name,
      String sku,
      String desc,
      String unit,
      long price,
      long min,
      long max,
      String type,
      String prefix,
      int commitment) {
    return new SyntheticService(
        SyntheticProvider.MICROSOFT,
        w,
        cat,
        name,
        sku,
        desc,
        unit,
        price,
        min,
        max,
        type,
        "/subscriptions/64e355d7/resourcegroups/prod/providers/" + prefix,
        commitment,
        "eastus",
        "East US");
  }

  private static SyntheticService oci(
      int w,
      String cat,
      String name,
      String sku,
      String desc,
      String unit,
      long price,
      long min,
      long max,
      String type,
      String prefix,
      int commitment) {
    return new SyntheticService(
        SyntheticProvider.ORACLE,
        w,
        cat,
        name,
        sku,
        desc,
        unit,
        price,
        min,
        max,
        type,
        prefix,
        commitment,
        "us-ashburn-1",
        "us-ashburn-1");
  }

  private static int[] cumulative() {
    int[] out = new int[ALL.size()];
    int sum = 0;
    for (int i = 0; i < ALL.size(); i++) {
      ALL.get(i).ordinal = i;
      sum += ALL.get(i).weight;
      out[i] = sum;
    }
    if (sum != 10_000) throw new IllegalStateException("service weights sum to " + sum);
    return out;
  }

  /** The service for a draw in [0, 10000). */
  static SyntheticService pick(int draw) {
    for (int i = 0; i < CUMULATIVE.length; i++) if (draw < CUMULATIVE[i]) return ALL.get(i);
    throw new IllegalArgumentException("draw out of range: " + draw);
  }

  long quantity(SplittableRandom random) {
    return minQuantity == maxQuantity
        ? minQuantity
        : minQuantity + random.nextLong(maxQuantity - minQuantity + 1);
  }

  /** The availability zone, or null where the provider has none (written as its null). */
  @org.jspecify.annotations.Nullable
  String zone(int resource) {
    return switch (provider) {
      case AWS -> region + (char) ('a' + resource % 3);
      case MICROSOFT -> null;
      case ORACLE -> "fjrQ:US-ASHBURN-AD-" + (1 + resource % 3);
    };
  }
}
