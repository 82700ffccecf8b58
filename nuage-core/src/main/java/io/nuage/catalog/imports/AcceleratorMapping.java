package io.nuage.catalog.imports;

import io.nuage.catalog.Accelerator;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The documented table (docs/catalog.md) from a source's accelerator name to a normalised {@link
 * Accelerator}: family, variant, memory and default throughput relative to H100 SXM = 1.0.
 */
public final class AcceleratorMapping {

  private static final List<Accelerator> KNOWN =
      List.of(
          acc("H100", "H100", 80, "1.0"),
          acc("H100-SXM", "H100", 80, "1.0"),
          acc("H100-PCIE", "H100", 80, "0.76"),
          acc("H100-NVL", "H100", 94, "0.84"),
          acc("H100-MEGA-80GB", "H100", 80, "1.0"),
          acc("GH200", "GH200", 96, "1.0"),
          acc("H200", "H200", 141, "1.0"),
          acc("B200", "B200", 180, "2.25"),
          acc("GB200", "GB200", 186, "2.5"),
          acc("B300", "B300", 270, "2.25"),
          acc("GB300", "GB300", 279, "2.5"),
          acc("A100", "A100", 40, "0.32"),
          acc("A100-SXM", "A100", 40, "0.32"),
          acc("A100-PCIE", "A100", 40, "0.32"),
          acc("A100-80GB", "A100", 80, "0.32"),
          acc("A100-80GB-SXM", "A100", 80, "0.32"),
          acc("A100-80GB-PCIE", "A100", 80, "0.32"),
          acc("L40S", "L40S", 48, "0.37"),
          acc("L40", "L40", 48, "0.18"),
          acc("L4", "L4", 24, "0.12"),
          acc("A10", "A10", 24, "0.13"),
          acc("A10G", "A10", 24, "0.07"),
          acc("A40", "A40", 48, "0.15"),
          acc("T4", "T4", 16, "0.07"),
          acc("V100", "V100", 16, "0.13"),
          acc("V100-32GB", "V100", 32, "0.13"),
          acc("P100", "P100", 16, "0.02"),
          acc("P4", "P4", 8, "0.01"),
          acc("K80", "K80", 12, "0.01"),
          acc("M60", "M60", 8, "0.01"),
          acc("MI300X", "MI300X", 192, "1.32"),
          acc("MI355X", "MI355X", 288, "2.5"),
          acc("MI25", "MI25", 16, "0.03"),
          acc("RTXPRO6000", "RTXPRO6000", 96, "0.5"),
          acc("RTXPRO6000WS", "RTXPRO6000", 96, "0.5"),
          acc("RTX6000-Ada", "RTX6000-Ada", 48, "0.37"),
          acc("RTXA6000", "RTXA6000", 48, "0.16"),
          acc("RTXA5000", "RTXA5000", 24, "0.11"),
          acc("RTXA4500", "RTXA4500", 20, "0.1"),
          acc("RTXA4000", "RTXA4000", 16, "0.08"),
          acc("RTX4000-Ada", "RTX4000-Ada", 20, "0.11"),
          acc("RTX5880-Ada", "RTX5880-Ada", 48, "0.3"),
          acc("RTX6000", "RTX6000", 24, "0.13"),
          acc("RTX5090", "RTX5090", 32, "0.21"),
          acc("RTX4090", "RTX4090", 24, "0.17"),
          acc("RTX3090", "RTX3090", 24, "0.07"),
          acc("RTX5070", "RTX5070", 12, "0.06"),
          acc("RTX4070", "RTX4070", 12, "0.06"),
          acc("RTX4060", "RTX4060", 8, "0.03"),
          acc("RTX3060", "RTX3060", 12, "0.03"));

  /** Source spellings that differ from the canonical name. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "H100-MEGA", "H100-MEGA-80GB",
          "A6000", "RTXA6000",
          "RTX PRO 6000", "RTXPRO6000");

  /** Families whose form factor an instance type may reveal ({@code sxm}, {@code pcie}, ...). */
  private static final Map<String, List<String>> FORM_FACTORS =
      Map.of(
          "H100", List.of("SXM", "PCIE", "NVL"),
          "A100", List.of("SXM", "PCIE"),
          "A100-80GB", List.of("SXM", "PCIE"));

  private static final Map<String, Accelerator> BY_NAME = index();

  private AcceleratorMapping() {}

  /** Every accelerator of the table, in table order. */
  public static List<Accelerator> all() {
    return KNOWN;
  }

  /** The accelerator with this canonical name, ignoring case. */
  public static Optional<Accelerator> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
  }

  /**
   * The one rule by which a name selects accelerators, for the CLI's {@code --accelerator} and the
   * API's {@code accelerator=} alike (ignoring case): a family ({@code H100}) selects every variant
   * of it ({@code H100}, {@code H100-SXM}, {@code H100-MEGA}, ...), a variant's name that variant.
   */
  public static boolean matches(String accelerator, String wanted) {
    return accelerator.equalsIgnoreCase(wanted)
        || byName(accelerator).map(a -> a.family().equalsIgnoreCase(wanted)).orElse(false);
  }

  /**
   * Normalises a source name, refined by the instance type's form-factor token when the name lacks
   * one ({@code H100} on {@code gpu_8x_h100_sxm5} is {@code H100-SXM}).
   */
  public static Optional<Accelerator> normalise(String sourceName, String instanceType) {
    String upper = sourceName.strip().toUpperCase(Locale.ROOT);
    String key = ALIASES.getOrDefault(upper, upper).toUpperCase(Locale.ROOT);
    Optional<Accelerator> base = Optional.ofNullable(BY_NAME.get(key));
    if (base.isEmpty()) {
      return base;
    }
    List<String> forms = FORM_FACTORS.getOrDefault(base.get().name(), List.of());
    List<String> tokens = List.of(instanceType.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+"));
    for (String form : forms) {
      if (tokens.stream().anyMatch(t -> t.startsWith(form))) {
        return byName(base.get().name() + "-" + form);
      }
    }
    return base;
  }

  private static Accelerator acc(String name, String family, int memoryGib, String throughput) {
    return new Accelerator(name, family, memoryGib, new BigDecimal(throughput));
  }

  private static Map<String, Accelerator> index() {
    Map<String, Accelerator> map = new HashMap<>();
    for (Accelerator a : KNOWN) {
      map.put(a.name().toUpperCase(Locale.ROOT), a);
    }
    return Map.copyOf(map);
  }
}
