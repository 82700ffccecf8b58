package io.nuage.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import io.nuage.scenario.ScenarioParser;
import io.nuage.testing.Repo;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MPS file holds the model the planner solves, every number to the last bit: read back by
 * OR-Tools' own MPS reader (an implementation independent of {@link MpsWriter}), each bound,
 * coefficient, right-hand side and integrality equals the model's exactly. OR-Tools' writer, used
 * before, kept six significant digits ({@code 1.66519e+09} for $1,665,185,114.40).
 */
class MpsWriterTest {
  @Test
  void theShippedExample_readsBackBitForBit() throws Exception {
    PlanData data =
        new PlanData(
            ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml")),
            PlanOptions.defaults().maxGangOptions());
    MPSolver mip = Natives.solver(Natives.MIP);
    try {
      new PlanModel(data, mip, PlanModel.Mode.MIP, null).build();
      MPModelProto model = mip.exportModelToProto();
      assertReadsBack(model);
      // a coefficient that six digits cannot hold is in it (the review's example)
      assertThat(MpsWriter.write(model)).contains(" COST 1.6651851144E9\n");
    } finally {
      mip.delete();
    }
  }

  @Test
  void everyKindOfBoundAndRow_readsBack() {
    MPSolver s = Natives.solver(Natives.MIP);
    try {
      double inf = Double.POSITIVE_INFINITY;
      MPVariable free = s.makeNumVar(-inf, inf, "free");
      MPVariable below = s.makeNumVar(-inf, 7.25, "below");
      MPVariable fixed = s.makeNumVar(1.0 / 3, 1.0 / 3, "fixed");
      MPVariable shifted = s.makeNumVar(-2.5, 1e-9, "shifted");
      MPVariable negative = s.makeNumVar(0, -0.1, "negative"); // empty, still written as it is
      MPVariable count = s.makeIntVar(0, inf, "count");
      MPVariable pick = s.makeIntVar(0, 1, "pick");
      MPVariable alone = s.makeNumVar(0, inf, "alone"); // in no row, costless
      MPConstraint range = s.makeConstraint(-1.5, 2.0 / 3, "range");
      range.setCoefficient(free, 0.1);
      range.setCoefficient(below, 1);
      MPConstraint eq = s.makeConstraint(123456789.123, 123456789.123, "eq");
      eq.setCoefficient(count, 1665185114.4);
      eq.setCoefficient(pick, -1e-7);
      MPConstraint ge = s.makeConstraint(0.3, inf, "ge");
      ge.setCoefficient(fixed, 1);
      ge.setCoefficient(shifted, 3);
      MPConstraint le = s.makeConstraint(-inf, 0, "le");
      le.setCoefficient(negative, 1);
      s.objective().setCoefficient(count, 0.07);
      s.objective().setCoefficient(free, 1e-12);
      s.objective().setOffset(42.125);
      s.objective().setMinimization();
      assertThat(alone.name()).isEqualTo("alone");
      assertReadsBack(s.exportModelToProto());
    } finally {
      s.delete();
    }
  }

  @Test
  void namesAnMpsFileCannotHold_becomePositions() {
    MPSolver s = Natives.solver(Natives.MIP);
    try {
      MPVariable a = s.makeNumVar(0, 1, "a b");
      MPConstraint c = s.makeConstraint(0, 1, "row");
      c.setCoefficient(a, 2);
      String mps = MpsWriter.write(s.exportModelToProto());
      assertThat(mps).contains("    C0 row 2\n").doesNotContain("a b");
    } finally {
      s.delete();
    }
  }

  /** OR-Tools reads {@link MpsWriter}'s text back to the same model, number for number. */
  private static void assertReadsBack(MPModelProto model) {
    ModelBuilderHelper read = new ModelBuilderHelper();
    try {
      assertThat(read.importFromMpsString(MpsWriter.write(model))).as("the MPS parses").isTrue();
      assertThat(read.numVariables()).isEqualTo(model.getVariableCount());
      Map<String, Integer> column = new HashMap<>();
      for (int j = 0; j < model.getVariableCount(); j++) {
        MPVariableProto v = model.getVariable(j);
        String name = read.getVarName(j);
        column.put(name, j);
        assertThat(name).isEqualTo(v.getName());
        assertThat(read.getVarLowerBound(j)).as(name + " lower").isEqualTo(v.getLowerBound());
        assertThat(read.getVarUpperBound(j)).as(name + " upper").isEqualTo(v.getUpperBound());
        assertThat(read.getVarIntegrality(j)).as(name + " integer").isEqualTo(v.getIsInteger());
        assertThat(read.getVarObjectiveCoefficient(j))
            .as(name + " cost")
            .isEqualTo(v.getObjectiveCoefficient());
      }
      assertThat(read.getObjectiveOffset()).isEqualTo(model.getObjectiveOffset());
      assertThat(read.getMaximize()).isEqualTo(model.getMaximize());
      Map<String, MPConstraintProto> rows = new HashMap<>();
      for (MPConstraintProto c : model.getConstraintList()) rows.put(c.getName(), c);
      assertThat(read.numConstraints()).isEqualTo(model.getConstraintCount());
      for (int r = 0; r < read.numConstraints(); r++) {
        String name = read.getConstraintName(r);
        MPConstraintProto c = rows.get(name);
        assertThat(c).as("row " + name + " is the model's").isNotNull();
        assertThat(read.getConstraintLowerBound(r))
            .as(name + " lower")
            .isEqualTo(c.getLowerBound());
        assertThat(read.getConstraintUpperBound(r))
            .as(name + " upper")
            .isEqualTo(c.getUpperBound());
        Map<Integer, Double> expected = new HashMap<>();
        for (int i = 0; i < c.getVarIndexCount(); i++)
          if (c.getCoefficient(i) != 0)
            expected.merge(c.getVarIndex(i), c.getCoefficient(i), Double::sum);
        Map<Integer, Double> got = new HashMap<>();
        int[] vars = read.getConstraintVarIndices(r);
        double[] coefficients = read.getConstraintCoefficients(r);
        for (int i = 0; i < vars.length; i++)
          got.put(column.get(read.getVarName(vars[i])), coefficients[i]);
        assertThat(got).as(name + " coefficients").isEqualTo(expected);
      }
    } finally {
      read.delete();
    }
  }
}
