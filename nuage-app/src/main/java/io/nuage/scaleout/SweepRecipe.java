package io.nuage.scaleout;

import io.nuage.deal.DealSizes;
import io.nuage.plan.recourse.RunPlace;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What an executor needs to serve futures of a sweep exactly as this process would: the scenario's
 * text (parsed again there, imports resolved against {@code baseDir}) and the recourse's settings.
 *
 * @param scenarioHash the scenario file's content hash: executors keep one parsed scenario per hash
 * @param method a {@link io.nuage.plan.recourse.RecourseMethod} name
 * @param kept for {@code --policy adapt}, each training run's base place; empty for replan
 * @param deal for a deal evaluation, the answers each future is served under (the deal at each
 *     size, then not signed, {@link DealSizes#bases}); null: the scenario as written (a risk sweep)
 */
public record SweepRecipe(
    String scenarioYaml,
    String displayName,
    String baseDir,
    String scenarioHash,
    double timeLimit,
    String method,
    Map<String, RunPlace> kept,
    @Nullable DealSizes deal)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public SweepRecipe {
    Objects.requireNonNull(scenarioYaml, "scenarioYaml");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(scenarioHash, "scenarioHash");
    Objects.requireNonNull(method, "method");
    if (!(timeLimit > 0)) throw new IllegalArgumentException("timeLimit must be positive");
    kept = new TreeMap<>(kept); // a serializable copy
  }

  /** A risk sweep's recipe: each future served on the scenario as written. */
  public SweepRecipe(
      String scenarioYaml,
      String displayName,
      String baseDir,
      String scenarioHash,
      double timeLimit,
      String method,
      Map<String, RunPlace> kept) {
    this(scenarioYaml, displayName, baseDir, scenarioHash, timeLimit, method, kept, null);
  }

  /** The same recipe with each future served under the answers of {@code sizes}. */
  public SweepRecipe forDeal(DealSizes sizes) {
    return new SweepRecipe(
        scenarioYaml, displayName, baseDir, scenarioHash, timeLimit, method, kept, sizes);
  }
}
