package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;
import java.util.LinkedHashMap;
import java.util.Map;

/** A linear expression being assembled: coefficients per variable plus a constant. */
final class LinearSum {
  final Map<MPVariable, Double> terms = new LinkedHashMap<>();
  double constant;

  LinearSum add(MPVariable v, double coefficient) {
    if (coefficient != 0) terms.merge(v, coefficient, Double::sum);
    return this;
  }

  LinearSum add(LinearSum other, double factor) {
    other.terms.forEach((v, c) -> add(v, c * factor));
    constant += other.constant * factor;
    return this;
  }

  /**
   * Sets these coefficients on a row that does not hold these variables yet (one JNI call per term:
   * sums are merged here first, so a variable never needs adding to an existing one).
   */
  void addTo(MPConstraint row) {
    terms.forEach(row::setCoefficient);
  }
}
