package org.caravan.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package rules of caravan-web (style.md §7.1): Javalin stays in {@code http}, DTOs stay free of
 * domain types.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.caravan.web");

  @Test
  void only_the_http_package_imports_javalin() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.caravan.web.http..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javalin..")
        .check(CLASSES);
  }

  @Test
  void dtos_never_use_domain_types() {
    noClasses()
        .that()
        .resideInAPackage("org.caravan.web.dto..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.caravan.network..",
            "org.caravan.routing..",
            "org.caravan.scenario..",
            "org.caravan.emissions..",
            "org.caravan.simulation..",
            "org.caravan.web.mapping..")
        .check(CLASSES);
  }

  @Test
  void mapping_does_not_know_http() {
    noClasses()
        .that()
        .resideInAPackage("org.caravan.web.mapping..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.caravan.web.http..")
        .check(CLASSES);
  }
}
