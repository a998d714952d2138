package dev.rigor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies follow DESIGN.md §2 (see docs/ARCHITECTURE.md); only cli prints or exits. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rigor");
  }

  @Test
  void packagesDependOnlyDownTheDataFlow() {
    layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.rigor..")
        .layer("spec").definedBy("dev.rigor.spec..")
        .layer("plan").definedBy("dev.rigor.plan..")
        .layer("store").definedBy("dev.rigor.store..")
        .layer("metrics").definedBy("dev.rigor.metrics..")
        .layer("exec").definedBy("dev.rigor.exec..")
        .layer("sweep").definedBy("dev.rigor.sweep..")
        .layer("stats").definedBy("dev.rigor.stats..")
        .layer("analysis").definedBy("dev.rigor.analysis..")
        .layer("report").definedBy("dev.rigor.report..")
        .layer("cli").definedBy("dev.rigor.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("analysis").mayOnlyBeAccessedByLayers("report", "cli")
        .whereLayer("sweep").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("exec").mayOnlyBeAccessedByLayers("sweep", "cli")
        .whereLayer("metrics").mayOnlyBeAccessedByLayers("exec", "sweep", "cli")
        .whereLayer("store").mayOnlyBeAccessedByLayers("metrics", "exec", "sweep", "analysis", "report", "cli")
        .whereLayer("plan").mayOnlyBeAccessedByLayers("exec", "sweep", "analysis", "report", "cli")
        .whereLayer("stats").mayOnlyBeAccessedByLayers("analysis", "report", "cli")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheCliPrintsOrExits() {
    noClasses().that().resideOutsideOfPackages("dev.rigor.cli..", "dev.rigor.examples..")
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class)
        .check(classes);
  }

  @Test
  void planningIsPure() {
    noClasses().that().resideInAPackage("dev.rigor.plan..")
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.io..", "java.time..", "java.net..")
        .check(classes);
  }
}
