package org.aet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
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

  /**
   * The five layers of docs/architecture.md: a package may use its own layer and those below, never
   * one above (the command line, the sixth, is another module).
   */
  @Test
  void layersOnlyUseTheLayersBelow() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("base")
        .definedBy("org.aet.io..", "org.aet.diagnostics..", "org.aet.model..")
        .layer("reading")
        .definedBy(
            "org.aet.nlp..",
            "org.aet.segment..",
            "org.aet.ingest..",
            "org.aet.indicators..",
            "org.aet.codebook..")
        .layer("scoring")
        .definedBy(
            "org.aet.semantic..", "org.aet.evaluation..", "org.aet.analysis..", "org.aet.export..")
        .layer("coding")
        .definedBy(
            "org.aet.coding..",
            "org.aet.learning..",
            "org.aet.pipeline..",
            "org.aet.report..",
            "org.aet.refiqda..",
            "org.aet.project..")
        .layer("workflows")
        .definedBy("org.aet.ranking..", "org.aet.pseudonym..", "org.aet.service..")
        .whereLayer("workflows")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("coding")
        .mayOnlyBeAccessedByLayers("workflows")
        .whereLayer("scoring")
        .mayOnlyBeAccessedByLayers("coding", "workflows")
        .whereLayer("reading")
        .mayOnlyBeAccessedByLayers("scoring", "coding", "workflows")
        .whereLayer("base")
        .mayOnlyBeAccessedByLayers("reading", "scoring", "coding", "workflows")
        .check(CLASSES);
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
  void onlyTheProjectPackageTouchesTheDatabase() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.aet.project..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.sqlite..")
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

  @Test
  void everyPackageSaysWhatItIsFor() throws Exception {
    java.nio.file.Path root = org.aet.testing.Shared.repositoryRoot();
    java.util.List<String> undescribed = new java.util.ArrayList<>();
    for (String module : java.util.List.of("toolkit-core", "toolkit-cli", "bench")) {
      try (var folders = java.nio.file.Files.walk(root.resolve(module).resolve("src/main/java"))) {
        for (java.nio.file.Path folder :
            folders.filter(java.nio.file.Files::isDirectory).toList()) {
          try (var files = java.nio.file.Files.list(folder)) {
            boolean hasClasses = files.anyMatch(f -> f.toString().endsWith(".java"));
            if (hasClasses && !java.nio.file.Files.exists(folder.resolve("package-info.java"))) {
              undescribed.add(root.relativize(folder).toString());
            }
          }
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(
        java.util.List.of(), undescribed, "packages without a package-info.java");
  }
}
