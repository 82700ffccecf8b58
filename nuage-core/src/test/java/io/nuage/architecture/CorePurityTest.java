package io.nuage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** nuage-core is the domain: no web, no database, no CLI, so it can be embedded anywhere. */
class CorePurityTest {
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.nuage");

  @Test
  void core_usesNoDatabaseWebOrCliLibrary() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.duckdb..",
            "io.javalin..",
            "jakarta.servlet..",
            "org.eclipse.jetty..",
            "picocli..",
            "me.tongfei.progressbar..",
            "com.fasterxml.jackson..",
            "io.nuage.store..",
            "io.nuage.cli..",
            "io.nuage.server..",
            "io.nuage.scaleout..",
            "io.nuage.spark..",
            "org.apache.spark..",
            "org.apache.hadoop..",
            "scala..")
        .check(CORE);
  }

  @Test
  void core_hasNoClassesOutsideItsCapabilityPackages() {
    noClasses()
        .should()
        .resideInAnyPackage(
            "..controller..", "..service..", "..repository..", "..dto..", "..util..")
        .check(CORE);
  }
}
