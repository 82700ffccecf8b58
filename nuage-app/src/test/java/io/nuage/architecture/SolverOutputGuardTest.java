package io.nuage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.nuage.cli.Main;
import io.nuage.plan.Planner;
import org.junit.jupiter.api.Test;

/**
 * Only the CLI's own process entry point sends the solvers' C-level printing to {@code /dev/null}:
 * while that is on, every thread's standard output during a solve is lost, and a command that
 * turned it on when a test ran it in-process (risk, deal, whatif did) silenced the test JVM's
 * results channel mid-run (a {@code DealApiTest} run whose JVM "terminated without saying
 * goodbye").
 */
class SolverOutputGuardTest {
  @Test
  void onlyMainMain_keepsSolverOutputOffStandardOutput() {
    JavaClasses app =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // nuage-core's test jar (its child JVMs' mains turn the guard on, as Main does)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.nuage");
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .should()
        .callMethod(Planner.class, "keepSolverOutputOffStdout")
        .because("a command run in-process by a test would silence the test JVM's standard output")
        .check(app);
  }
}
