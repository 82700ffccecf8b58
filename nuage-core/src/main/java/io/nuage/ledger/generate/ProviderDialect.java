package io.nuage.ledger.generate;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

/**
 * How one provider writes its FOCUS rows (docs/billing-from-plan.md, "Each provider's dialect"):
 * its names (from the FinOps sample and the FOCUS converter's rules), service and region names, and
 * the form of its ids. The ids are in the provider's form but invented.
 */
enum ProviderDialect {
  OCI(
      "Oracle",
      "Oracle",
      "COMPUTE",
      "OBJECT_STORAGE",
      "NETWORK",
      "Tenancy",
      "Compartment",
      Map.of(
          "us-ashburn-1", "US East (Ashburn)",
          "us-phoenix-1", "US West (Phoenix)",
          "us-sanjose-1", "US West (San Jose)",
          "us-chicago-1", "US Midwest (Chicago)",
          "eu-frankfurt-1", "Germany Central (Frankfurt)",
          "uk-london-1", "UK South (London)")),
  AZURE(
      "Microsoft",
      "Microsoft",
      "Virtual Machines",
      "Storage",
      "Bandwidth",
      "Billing Profile",
      "Subscription",
      Map.ofEntries(
          Map.entry("eastus", "East US"),
          Map.entry("eastus2", "East US 2"),
          Map.entry("westus", "West US"),
          Map.entry("westus2", "West US 2"),
          Map.entry("westus3", "West US 3"),
          Map.entry("centralus", "Central US"),
          Map.entry("southcentralus", "South Central US"),
          Map.entry("northcentralus", "North Central US"),
          Map.entry("swedencentral", "Sweden Central"),
          Map.entry("northeurope", "North Europe"),
          Map.entry("westeurope", "West Europe"),
          Map.entry("uksouth", "UK South"),
          Map.entry("francecentral", "France Central"),
          Map.entry("germanywestcentral", "Germany West Central"),
          Map.entry("norwayeast", "Norway East"),
          Map.entry("polandcentral", "Poland Central"))),
  GCP(
      "Google Cloud",
      "Google Cloud",
      "Compute Engine",
      "Cloud Storage",
      "Networking",
      "Billing Account",
      "Project",
      Map.ofEntries(
          Map.entry("us-central1", "Iowa"),
          Map.entry("us-east1", "South Carolina"),
          Map.entry("us-east4", "N. Virginia"),
          Map.entry("us-east5", "Columbus"),
          Map.entry("us-south1", "Dallas"),
          Map.entry("us-west1", "Oregon"),
          Map.entry("us-west4", "Las Vegas"),
          Map.entry("europe-west1", "Belgium"),
          Map.entry("europe-west2", "London"),
          Map.entry("europe-west3", "Frankfurt"),
          Map.entry("europe-west4", "Netherlands"),
          Map.entry("europe-north1", "Finland"))),
  AWS(
      "AWS",
      "Amazon Web Services, Inc.",
      "Amazon Elastic Compute Cloud",
      "Amazon Simple Storage Service",
      "AWS Data Transfer",
      "Management Account",
      "Linked Account",
      Map.of(
          "us-east-1", "US East (N. Virginia)",
          "us-east-2", "US East (Ohio)",
          "us-west-1", "US West (N. California)",
          "us-west-2", "US West (Oregon)",
          "eu-west-1", "Europe (Ireland)",
          "eu-west-2", "Europe (London)",
          "eu-west-3", "Europe (Paris)",
          "eu-central-1", "Europe (Frankfurt)",
          "eu-north-1", "Europe (Stockholm)")),
  NEBIUS("Nebius", "Nebius", "Compute", "Object Storage", "Network", "Tenant", "Project", Map.of()),
  LAMBDA("Lambda", "Lambda", "Cloud", "Filesystems", "Network", "Account", "Team", Map.of()),
  OTHER("", "", "Compute", "Storage", "Network", "Billing Account", "Project", Map.of());

  final String providerName;
  final String issuer;
  final String gpuService;
  final String storageService;
  final String networkService;
  final String accountType;
  final String subAccountType;
  private final Map<String, String> regionNames;

  ProviderDialect(
      String providerName,
      String issuer,
      String gpuService,
      String storageService,
      String networkService,
      String accountType,
      String subAccountType,
      Map<String, String> regionNames) {
    this.providerName = providerName;
    this.issuer = issuer;
    this.gpuService = gpuService;
    this.storageService = storageService;
    this.networkService = networkService;
    this.accountType = accountType;
    this.subAccountType = subAccountType;
    this.regionNames = regionNames;
  }

  static ProviderDialect of(String providerId) {
    return switch (providerId) {
      case "oci" -> OCI;
      case "azure" -> AZURE;
      case "gcp" -> GCP;
      case "aws" -> AWS;
      case "nebius" -> NEBIUS;
      case "lambda" -> LAMBDA;
      default -> OTHER;
    };
  }

  /** The region's display name (its id where the dialect has none). */
  String regionName(String region) {
    return regionNames.getOrDefault(region, region);
  }

  /** One resource: a workload's GPUs in a region on an accelerator. */
  String resourceId(RowIds ids, String provider, String region, String name) {
    String key = provider + "|" + region + "|" + name;
    return switch (this) {
      case OCI -> "ocid1.instancepool.oc1." + ociKey(region) + ".aaaaaaaa" + ids.hex(key, 52);
      case AZURE ->
          "/subscriptions/"
              + ids.uuid("subscription|" + provider)
              + "/resourceGroups/"
              + name
              + "/providers/Microsoft.Compute/virtualMachineScaleSets/"
              + name;
      case GCP ->
          "//compute.googleapis.com/projects/frontier-"
              + ids.hex("project|" + provider, 6)
              + "/regions/"
              + region
              + "/instanceGroupManagers/"
              + name;
      case AWS ->
          "arn:aws:ec2:"
              + region
              + ":"
              + digits(ids.hex("account|" + provider, 12))
              + ":fleet/fleet-"
              + ids.uuid(key);
      case NEBIUS -> "computeinstance-e00" + ids.hex(key, 17);
      case LAMBDA -> ids.hex(key, 32);
      case OTHER -> provider + ":" + name + ":" + ids.hex(key, 12);
    };
  }

  /** What {@link #resourceId} names, as the provider calls it. */
  String resourceType() {
    return switch (this) {
      case OCI -> "Instance Pool";
      case AZURE -> "Virtual machine scale set";
      case GCP -> "Managed instance group";
      case AWS -> "EC2 Fleet";
      case NEBIUS -> "Compute instance";
      case LAMBDA -> "Instance";
      case OTHER -> "GPU cluster";
    };
  }

  /** A bucket (or storage account) holding the lab's data at the provider. */
  String bucketId(RowIds ids, String provider, String name) {
    return switch (this) {
      case OCI -> "ocid1.bucket.oc1..aaaaaaaa" + ids.hex("bucket|" + provider + "|" + name, 52);
      case AZURE ->
          "/subscriptions/"
              + ids.uuid("subscription|" + provider)
              + "/resourceGroups/data/providers/Microsoft.Storage/storageAccounts/"
              + name.replace("-", "");
      case GCP -> "//storage.googleapis.com/projects/_/buckets/" + name;
      case AWS -> "arn:aws:s3:::" + name;
      case NEBIUS -> "bucket-e00" + ids.hex("bucket|" + provider + "|" + name, 17);
      case LAMBDA, OTHER -> name;
    };
  }

  /** A sub-account (compartment, subscription, project...) per kind of work. */
  String subAccountId(RowIds ids, String provider, String team) {
    String key = "team|" + provider + "|" + team;
    return switch (this) {
      case OCI -> "ocid1.compartment.oc1..aaaaaaaa" + ids.hex(key, 52);
      case AZURE -> "/subscriptions/" + ids.uuid(key);
      case GCP -> "frontier-" + team + "-" + ids.hex(key, 6);
      case AWS -> digits(ids.hex(key, 12));
      case NEBIUS -> "project-e00" + ids.hex(key, 17);
      case LAMBDA, OTHER -> team + "-" + ids.hex(key, 8);
    };
  }

  /** The SKU of an instance type, the same in every run. */
  String skuId(String provider, String instanceType, String accelerator) {
    String key = provider + "|" + instanceType + "|" + accelerator;
    String shape = instanceType.isEmpty() ? accelerator : instanceType;
    return switch (this) {
      case OCI -> "B" + digits(RowIds.fixedHex(key, 5));
      case AZURE -> RowIds.code(key, 12);
      case GCP ->
          (RowIds.fixedHex(key, 4) + "-" + RowIds.fixedHex(key + "2", 4) + "-")
                  .toUpperCase(Locale.ROOT)
              + RowIds.fixedHex(key + "3", 4).toUpperCase(Locale.ROOT);
      case AWS -> RowIds.code(key, 16);
      case NEBIUS, LAMBDA, OTHER -> shape;
    };
  }

  String invoiceId(RowIds ids, String provider, String account, YearMonth month) {
    String ym = month.toString().replace("-", "");
    String key = "invoice|" + provider + "|" + account + "|" + month;
    return switch (this) {
      case OCI -> ym + digits(ids.hex(key, 7));
      case AZURE -> "G" + digits(ids.hex(key, 9));
      case GCP -> "5" + digits(ids.hex(key, 9));
      case AWS -> "EUINUS" + ym + "-" + digits(ids.hex(key, 6));
      case NEBIUS, LAMBDA, OTHER -> "INV-" + ym + "-" + ids.hex(key, 6).toUpperCase(Locale.ROOT);
    };
  }

  /** Hex digits mapped to decimal digits (each hex digit mod 10). */
  private static String digits(String hex) {
    StringBuilder out = new StringBuilder(hex.length());
    for (char c : hex.toCharArray()) out.append(Character.digit(c, 16) % 10);
    return out.toString();
  }

  private static String ociKey(String region) {
    return switch (region) {
      case "us-ashburn-1" -> "iad";
      case "us-phoenix-1" -> "phx";
      case "us-sanjose-1" -> "sjc";
      case "us-chicago-1" -> "ord";
      case "eu-frankfurt-1" -> "fra";
      case "uk-london-1" -> "lhr";
      default -> region;
    };
  }
}
