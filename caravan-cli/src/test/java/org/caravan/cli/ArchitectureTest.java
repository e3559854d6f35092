package org.caravan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of design.md §1, held on the compiled classes of every module (the CLI sees
 * them all): network at the bottom; routing, emissions and simulation on it and never on each
 * other; crm on network and routing, used by the gateway alone; scenario wires them; the app
 * gateway offers one service per use case; web and cli on top, using the gateway alone. Maven
 * module boundaries enforce the same from the other side.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.caravan");
  }

  @Test
  void layers_depend_one_way() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("network")
        .definedBy("org.caravan.network..")
        .layer("routing")
        .definedBy("org.caravan.routing..")
        .layer("emissions")
        .definedBy("org.caravan.emissions..")
        .layer("simulation")
        .definedBy("org.caravan.simulation..")
        .layer("study")
        .definedBy("org.caravan.study..")
        .layer("crm")
        .definedBy("org.caravan.crm..")
        .layer("tracking")
        .definedBy("org.caravan.tracking..")
        .layer("scenario")
        .definedBy("org.caravan.scenario..")
        .layer("app")
        .definedBy("org.caravan.app..")
        .layer("web")
        .definedBy("org.caravan.web..")
        .layer("cli")
        .definedBy("org.caravan.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("web")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("app")
        .mayOnlyBeAccessedByLayers("web", "cli")
        .whereLayer("scenario")
        .mayOnlyBeAccessedByLayers("app", "web", "cli")
        .whereLayer("emissions")
        .mayOnlyBeAccessedByLayers("scenario", "app")
        .whereLayer("study")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("crm")
        // scenario: the model builder's CRM demand layer (demand.crm_flows) routes the dataset's
        // flows
        .mayOnlyBeAccessedByLayers("scenario", "app")
        .whereLayer("tracking")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("simulation")
        .mayOnlyBeAccessedByLayers("scenario", "app", "study")
        .whereLayer("routing")
        .mayOnlyBeAccessedByLayers("scenario", "app", "crm")
        .whereLayer("network")
        .mayOnlyBeAccessedByLayers(
            "routing", "emissions", "simulation", "study", "crm", "scenario", "app")
        .check(classes);
  }

  /** The front ends reach the engines only through the gateway ({@code org.caravan.app}). */
  @Test
  void front_ends_use_the_gateway_only() {
    noClasses()
        .that()
        .resideInAnyPackage("org.caravan.web..", "org.caravan.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.caravan.network..",
            "org.caravan.routing..",
            "org.caravan.emissions..",
            "org.caravan.simulation..",
            "org.caravan.study..",
            "org.caravan.crm..",
            "org.caravan.tracking..")
        .check(classes);
  }

  @Test
  void no_cycles_between_packages() {
    slices().matching("org.caravan.(*)..").should().beFreeOfCycles().check(classes);
  }
}
