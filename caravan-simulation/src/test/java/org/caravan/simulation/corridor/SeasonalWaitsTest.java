package org.caravan.simulation.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.caravan.network.Season;
import org.junit.jupiter.api.Test;

/**
 * Waits per season of arrival ({@link CorridorResult#seasonMeanWait_h}) on the tiny corridor: a
 * border closed for 20 days in April raises the spring wait there and leaves the other seasons
 * alone, and the seasons pooled give the year's mean wait.
 */
class SeasonalWaitsTest {
  private static final long DAY = TinyCorridor.DAY;
  private static final long APRIL_1 = TinyCorridor.WARMUP + 90 * DAY;

  private static CorridorSpec corridor(List<CorridorSpec.Closure> closures) {
    return TinyCorridor.spec(new CorridorSpec.Hazards(List.of(), closures));
  }

  private static final String BORDER = "resource.border.B";

  @Test
  void a_spring_closure_shows_in_the_spring_wait_only_and_the_seasons_pool_to_the_year() {
    CorridorResult open = CorridorRunner.run(corridor(List.of()), 1, 42, 1, i -> {});
    CorridorResult closed =
        CorridorRunner.run(
            corridor(
                List.of(
                    new CorridorSpec.Closure(
                        "B shut", new int[0], new int[] {0}, APRIL_1, APRIL_1 + 20 * DAY))),
            1,
            42,
            1,
            i -> {});
    double spring = closed.seasonMeanWait_h(BORDER, Season.SPRING).orElseThrow();
    double springOpen = open.seasonMeanWait_h(BORDER, Season.SPRING).orElseThrow();
    // About a fifth of the spring trains arrive in the 20 days and wait 10 days on average.
    assertThat(spring - springOpen).isBetween(24.0, 5 * 24.0);
    for (Season s : List.of(Season.WINTER, Season.AUTUMN)) {
      assertThat(closed.seasonMeanWait_h(BORDER, s).orElseThrow())
          .as(s.code())
          .isCloseTo(open.seasonMeanWait_h(BORDER, s).orElseThrow(), offset(0.5));
    }
    // Pooled over the seasons (one replication), the year's mean wait per train.
    double sum = 0;
    long served = 0;
    for (Season s : Season.values()) {
      long n = closed.seasonServed(BORDER, s);
      sum += n == 0 ? 0 : closed.seasonMeanWait_h(BORDER, s).orElseThrow() * n;
      served += n;
    }
    assertThat(served).isPositive();
    assertThat(sum / served)
        .isCloseTo(closed.kpi(BORDER + ".mean_wait_h").orElseThrow().mean(), offset(1e-6));
    assertThat(closed.seasonMeanWait_h("resource.border.nowhere", Season.SPRING)).isEmpty();
  }
}
