package io.nuage.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plan verifier is independent of the optimiser: it reads the scenario's domain and the plan's
 * public value records, never the planner's model, data or costing, so that a planner bug is not
 * checked by the same code that made it.
 */
class VerifierIndependenceTest {
  private static final Set<String> PLAN_VALUES =
      Set.of(
          "io.nuage.plan.Plan",
          "io.nuage.plan.PlanOutcome",
          "io.nuage.plan.Placement",
          "io.nuage.plan.EgressCharge",
          "io.nuage.plan.ProviderYear",
          "io.nuage.plan.ContractYear",
          "io.nuage.plan.CostBreakdown",
          "io.nuage.plan.Baseline");

  private static final DescribedPredicate<JavaClass> PLAN_VALUE =
      DescribedPredicate.describe(
          "a plan value record " + PLAN_VALUES,
          c -> PLAN_VALUES.contains(c.getName().replaceFirst("\\$.*", "")));

  @Test
  void verifier_dependsOnTheDomainAndThePlanRecordsOnly() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nuage");
    classes()
        .that()
        .resideInAPackage("io.nuage.plan.verify..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                    "java..",
                    "org.jspecify..",
                    "io.nuage.plan.verify..",
                    "io.nuage.plan.past..",
                    "io.nuage.plan.recourse..",
                    "io.nuage.scenario",
                    "io.nuage.catalog..",
                    "io.nuage.contract..",
                    "io.nuage.workload..",
                    "io.nuage.core..")
                .or(PLAN_VALUE))
        .check(core);
  }
}
