package io.nuage.scaleout;

import io.nuage.plan.recourse.RunPlace;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an executor needs to serve futures of a sweep exactly as this process would: the scenario's
 * text (parsed again there, imports resolved against {@code baseDir}) and the recourse's settings.
 *
 * @param scenarioHash the scenario file's content hash: executors keep one parsed scenario per hash
 * @param method a {@link io.nuage.plan.recourse.RecourseMethod} name
 * @param kept for {@code --policy adapt}, each training run's base place; empty for replan
 */
public record SweepRecipe(
    String scenarioYaml,
    String displayName,
    String baseDir,
    String scenarioHash,
    double timeLimit,
    String method,
    Map<String, RunPlace> kept)
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
}
