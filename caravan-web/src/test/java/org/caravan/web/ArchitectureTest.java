package org.caravan.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.caravan.scenario.RouteQuery;
import org.junit.jupiter.api.Test;

/**
 * Package rules of caravan-web (style.md §7.1): Javalin stays in {@code http}, DTOs stay free of
 * domain types. The one gateway record a DTO may hold is {@link RouteQuery.Limits}: a part of the
 * route question in the user's words (strings, numbers, lists), which the CLI fills too, so the API
 * reads it as it is instead of keeping a copy of its fields.
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
        .dependOnClassesThat(
            resideInAnyPackage(
                    "org.caravan.network..",
                    "org.caravan.routing..",
                    "org.caravan.scenario..",
                    "org.caravan.emissions..",
                    "org.caravan.simulation..",
                    "org.caravan.web.mapping..")
                .and(not(equivalentTo(RouteQuery.Limits.class))))
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
