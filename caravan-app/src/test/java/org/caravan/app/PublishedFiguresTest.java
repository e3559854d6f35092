package org.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.RouteQuery;
import org.caravan.scenario.validation.Target;
import org.caravan.scenario.validation.TargetTable;
import org.junit.jupiter.api.Test;

/**
 * A route answer carries the published figures for its two places: exactly the rows of the target
 * table that {@code caravan validate} compares with the model, in the table's order, one way only.
 */
class PublishedFiguresTest {

  private static final CaravanApp APP = new CaravanApp(Caravan.openDefault(), List.of());
  private static final Optional<LocalDate> DAY = Optional.of(LocalDate.of(2026, 12, 1));

  private static List<String> expected(String from, String to) {
    return TargetTable.loadDefault(Caravan.openDefault().network()).stream()
        .filter(t -> t.origin().equals(from) && t.destination().equals(to))
        .map(Target::id)
        .toList();
  }

  @Test
  void an_answer_lists_the_target_rows_between_its_two_places() {
    RouteViews.Answer a = APP.routes().plan(RouteQuery.of("Xian", "Duisburg", DAY, List.of()));
    List<String> ids = a.published().stream().map(RouteViews.Published::id).toList();
    assertThat(ids).isEqualTo(expected("CNXIA", "DEDUI")).contains("T12", "T14", "T31", "T36");
    RouteViews.Published t12 =
        a.published().stream().filter(p -> p.id().equals("T12")).findFirst().orElseThrow();
    assertThat(t12.corridor()).isEqualTo("middle");
    assertThat(t12.quantity()).isEqualTo("transit_days");
    assertThat(t12.unit()).isEqualTo("days");
    assertThat(t12.blockTrain()).isTrue();
    assertThat(t12.low()).isLessThan(t12.high());
    // The other way round: Duisburg -> Xi'an has its own figure (T37), not the westbound ones.
    RouteViews.Answer back = APP.routes().plan(RouteQuery.of("Duisburg", "Xian", DAY, List.of()));
    assertThat(back.published().stream().map(RouteViews.Published::id).toList())
        .isEqualTo(expected("DEDUI", "CNXIA"))
        .containsExactly("T37");
    // A model input is flagged, so a user does not read it as a check.
    RouteViews.Answer almaty = APP.routes().plan(RouteQuery.of("Xian", "Almaty", DAY, List.of()));
    assertThat(almaty.published())
        .filteredOn(p -> p.id().equals("T49"))
        .singleElement()
        .satisfies(p -> assertThat(p.modelInput()).isTrue());
  }

  @Test
  void a_coordinate_end_has_no_published_figures() {
    RouteViews.Answer a =
        APP.routes().plan(RouteQuery.of("34.3,108.9", "Duisburg", DAY, List.of()));
    assertThat(a.routes()).isNotEmpty();
    assertThat(a.published()).isEmpty();
  }
}
