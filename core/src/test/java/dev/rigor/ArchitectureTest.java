package dev.rigor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
        .layer("backend").definedBy("dev.rigor.backend..")
        .layer("sweep").definedBy("dev.rigor.sweep..")
        .layer("stats").definedBy("dev.rigor.stats..")
        .layer("analysis").definedBy("dev.rigor.analysis..")
        .layer("adaptive").definedBy("dev.rigor.adaptive..")
        .layer("report").definedBy("dev.rigor.report..")
        .layer("serve").definedBy("dev.rigor.serve..")
        .layer("cli").definedBy("dev.rigor.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("report").mayOnlyBeAccessedByLayers("serve", "cli")
        .whereLayer("adaptive").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("analysis").mayOnlyBeAccessedByLayers("adaptive", "report", "serve", "cli")
        .whereLayer("sweep").mayOnlyBeAccessedByLayers("adaptive", "cli")
        .whereLayer("backend").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("exec").mayOnlyBeAccessedByLayers("sweep", "backend", "adaptive", "cli")
        .whereLayer("metrics").mayOnlyBeAccessedByLayers("exec", "sweep", "adaptive", "serve", "cli")
        .whereLayer("store").mayOnlyBeAccessedByLayers("metrics", "exec", "backend", "sweep", "analysis", "adaptive", "report", "serve", "cli")
        .whereLayer("plan").mayOnlyBeAccessedByLayers("exec", "backend", "sweep", "analysis", "adaptive", "report", "serve", "cli")
        .whereLayer("stats").mayOnlyBeAccessedByLayers("analysis", "adaptive", "report", "serve", "cli")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** Sub-packages (exec.worker, exec.session, exec.slurm) may use exec, never the reverse: no cycles at all. */
  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.rigor.(**)").should().beFreeOfCycles().check(classes);
  }

  /** The executor seam: the sweep is handed an Executor and never names a backend. */
  @Test
  void theSweepNeverNamesABackend() {
    noClasses().that().resideInAnyPackage("dev.rigor.sweep..", "dev.rigor.adaptive..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rigor.backend..", "dev.rigor.exec.*..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.rigor.exec.LocalExecutor")
        .check(classes);
  }

  /** The Java worker's main is a program of its own (the worker JVM): its System.out and System.err are the trial's output. */
  @Test
  void onlyTheCliPrintsOrExits() {
    noClasses().that().resideOutsideOfPackages("dev.rigor.cli..", "dev.rigor.examples..")
        .and().haveNameNotMatching("dev\\.rigor\\.exec\\.worker\\.JavaWorkerMain.*")
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
