package org.caravan.simulation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package rules of the simulation module: the engine and its helpers know nothing of models or
 * benchmarks.
 */
class SimulationArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.caravan.simulation");

  @Test
  void engine_random_and_stats_do_not_depend_on_models_or_benchmarks() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.caravan.simulation.engine..",
            "org.caravan.simulation.random..",
            "org.caravan.simulation.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.caravan.simulation.model..", "org.caravan.simulation.bench..")
        .check(CLASSES);
  }

  @Test
  void stats_and_random_do_not_depend_on_the_engine() {
    noClasses()
        .that()
        .resideInAnyPackage("org.caravan.simulation.random..", "org.caravan.simulation.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.caravan.simulation.engine..")
        .check(CLASSES);
  }

  @Test
  void packages_have_no_cycles() {
    slices().matching("org.caravan.simulation.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
