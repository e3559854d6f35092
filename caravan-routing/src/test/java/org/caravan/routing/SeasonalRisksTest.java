package org.caravan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.caravan.network.NetworkException;
import org.junit.jupiter.api.Test;

/**
 * Seasonal closure risks: the variance a crossing adds, by month, and the errors a bad table gets.
 */
class SeasonalRisksTest {
  @Test
  void a_closure_adds_its_mean_square_delay_in_its_months() throws Exception {
    SeasonalRisks r =
        SeasonalRisks.read(
            "r.csv",
            new StringReader(
                """
        id,kind,nodes,months,events_per_month,duration_days,source,notes
        storm,crossing,A;B,1;2,0.5,6,EST,
        """));
    long[] v = r.risks().getFirst().variance_s2();
    // r D^3 / 3 with r = 0.5 per month: 0.5 / 30.4375 per day x 216 / 3 day^2 = 1.18 day^2
    double days2 = v[0] / (86_400.0 * 86_400.0);
    assertThat(days2)
        .isCloseTo(0.5 / (365.25 / 12) * 216 / 3, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(v[1]).isEqualTo(v[0]);
    assertThat(v[6]).isZero();
  }

  @Test
  void the_default_table_loads_and_storms_are_worse_in_winter() {
    SeasonalRisks d = SeasonalRisks.loadDefault();
    long winter = d.risks().stream().mapToLong(x -> x.crossing() ? x.variance_s2()[0] : 0).sum();
    long summer = d.risks().stream().mapToLong(x -> x.crossing() ? x.variance_s2()[6] : 0).sum();
    assertThat(winter).isGreaterThan(2 * summer).isPositive();
  }

  @Test
  void bad_rows_are_named() {
    assertThatThrownBy(
            () ->
                SeasonalRisks.read(
                    "r.csv",
                    new StringReader(
                        """
        id,kind,nodes,months,events_per_month,duration_days,source,notes
        x,sea,A,1,0.5,6,EST,
        y,node,A,13,0.5,6,EST,
        z,node,A,1,-1,6,EST,
        """)))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("r.csv:2: field 'kind'")
        .hasMessageContaining("r.csv:3: field 'months'")
        .hasMessageContaining("r.csv:4: field 'events_per_month'");
  }
}
