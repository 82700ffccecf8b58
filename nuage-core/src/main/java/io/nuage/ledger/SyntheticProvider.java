package io.nuage.ledger;

import java.util.SplittableRandom;

/** A provider as the FinOps sample shows it: names, accounts and how it writes nulls. */
enum SyntheticProvider {
  AWS("AWS", "Amazon Web Services, Inc.", "1234567890123", "SunBird", "NULL", "Usage-Based"),
  MICROSOFT(
      "Microsoft",
      "Microsoft",
      "/providers/Microsoft.Billing/billingAccounts/8611537",
      "SunBird",
      "NULL",
      "Usage-Based"),
  ORACLE("Oracle", "Oracle", "20209880", "", "", "Usage-based");

  private static final String[] SUB_NAMES = {
    "Atlas Nimbus", "Zenith Eclipse", "Orion Zenith", "Odyssey Horizon", "Apollo Eclipse"
  };
  private static final String[] APPS = {
    "BrightLensMatrix", "DirectCenterCentral", "NetNavigatorCentral", "PureVisionZone",
    "SafeRadarCore", "GlobalSuiteEssentials", "LeadVerseFlex", "SafeGridVault"
  };
  private static final String[] UNITS = {
    "ViennaAI",
    "KarachiArchitecture",
    "LahoreArchitecture",
    "IrvingSRE",
    "JakartaSRE",
    "DenverDesign"
  };
  private static final String[] ENVS = {"dev", "prod", "test"};

  final String name;
  final String issuer;
  final String account;
  final String accountName;
  final String nullText;
  final String usageBased;

  SyntheticProvider(
      String name,
      String issuer,
      String account,
      String accountName,
      String nullText,
      String usageBased) {
    this.name = name;
    this.issuer = issuer;
    this.account = account;
    this.accountName = accountName;
    this.nullText = nullText;
    this.usageBased = usageBased;
  }

  String subAccount(int resource) {
    int k = resource % SUB_NAMES.length;
    return switch (this) {
      case AWS -> Long.toString(51738928782L + k * 1_000_003L);
      case MICROSOFT -> "/subscriptions/64e355d7-997c-491d-b0c1-8414dccfcf4" + k;
      case ORACLE ->
          "ocid6.tenancy.oc6..aaaaaaaa2fs7w19bi9iupcjqv8zayogd78eziinl2hu7rkdvmuhsavhb" + k;
    };
  }

  String subAccountName(int resource) {
    return SUB_NAMES[resource % SUB_NAMES.length];
  }

  static String tags(SplittableRandom random) {
    return "{\"application\": \""
        + APPS[random.nextInt(APPS.length)]
        + "\", \"environment\": \""
        + ENVS[random.nextInt(ENVS.length)]
        + "\", \"business_unit\": \""
        + UNITS[random.nextInt(UNITS.length)]
        + "\"}";
  }
}
