package org.aet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure docs/architecture.md describes, checked on the compiled classes: no cycle
 * between packages, and the base packages depend on nothing above them.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.aet");

  @Test
  void packagesHaveNoCycle() {
    slices().matching("org.aet.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void basePackagesDependOnNothingAbove() {
    noClasses()
        .that()
        .resideInAnyPackage("org.aet.io..", "org.aet.diagnostics..", "org.aet.model..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "org.aet.io..", "org.aet.diagnostics..", "org.aet.model..", "java..", "com.fasterxml..")
        .check(CLASSES);
  }

  @Test
  void theLibraryNeverPrintsOrExits() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }
}
