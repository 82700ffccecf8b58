package io.nuage.catalog.imports;

/** The reasons a well-formed row gives no offering, as they appear in the import report. */
final class SkipReason {
  static final String NO_ACCELERATOR = "no accelerator name (not a GPU row)";
  static final String TPU = "TPU: not a GPU, not modelled";
  static final String FRACTIONAL = "fractional accelerator count (GPU slice)";
  static final String AZURE_NVV4_SLICE =
      "fractional GPU listed as a whole one (Azure NV4/8/16as_v4: 1/8-1/2 MI25)";
  static final String ZERO_PRICE = "on-demand price is 0 (not a list price)";
  static final String DUPLICATE = "same offering already imported";
  static final String DUPLICATE_ZONE = "same offering already imported from another zone";
  static final String CONFLICT_ZONE = "price differs from another zone of the same region";
  static final String CONFLICT = "price differs from the same offering already imported";
  static final String GCP_NO_HOST = "no GCP host VM row for this zone and GPU count";
  static final String GCP_NO_HOST_TYPE = "no GCP host VM type for this accelerator and count";
  static final String GCP_UNUSED_HOST = "GCP host VM row without a matching accelerator row";
  static final String GCP_DUPLICATE_HOST = "GCP host VM row repeats another for the same zone";
  static final String GCP_EMPTY = "neither an instance type nor an accelerator";
  static final String UNDECIDED = "not decided (an importer bug)";

  static final String NOTE_ZERO_SPOT = "spot price 0 treated as absent";

  private SkipReason() {}

  static String unknownAccelerator(String name) {
    return "accelerator not in the mapping table: " + name;
  }

  static String asic(String model) {
    return "non-GPU accelerator (ASIC), not modelled: " + model;
  }

  static String graphics(String model) {
    return "graphics GPU, not modelled: " + model;
  }
}
