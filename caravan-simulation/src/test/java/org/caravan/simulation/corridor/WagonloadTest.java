package org.caravan.simulation.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wagonload marshalling ({@link CorridorSpec.Flow#marshalMean_s}) on the tiny corridor: the west
 * flow's wagon groups spend a fixed 48 h in the yards before they join the formation pool at A. The
 * oracle is the block-train run of the same corridor and seed: the marshalling resource reports
 * exactly 48 h per unit, the west transit grows by 48 h give or take one formation timetable slot
 * (a day), the east flow, which shares the border, is unchanged, and every unit is accounted for
 * while groups are still in the yards at the end of the run.
 */
class WagonloadTest {
  private static final long H = TinyCorridor.H;

  private static CorridorSpec withWestMarshalling(double mean_s) {
    CorridorSpec base = TinyCorridor.spec(new CorridorSpec.Hazards(List.of(), List.of()));
    CorridorSpec.Flow w = base.flows().get(0);
    CorridorSpec.Flow west =
        new CorridorSpec.Flow(
            w.id(),
            w.from(),
            w.to(),
            w.corridor(),
            w.cargo(),
            w.unitsPerYear(),
            w.growthPerYear(),
            w.teuPerUnit(),
            w.tonnesPerUnit(),
            w.legs(),
            w.co2ePerUnit_g(),
            w.reaction(),
            mean_s,
            0);
    return new CorridorSpec(
        base.horizon_s(),
        base.warmup_s(),
        base.sampleInterval_s(),
        base.startDayOfYear(),
        base.seasonality(),
        base.trainCapacity_units(),
        base.formationTimetable_s(),
        List.of(west, base.flows().get(1)),
        base.legs(),
        base.gates(),
        base.ports(),
        base.crossings(),
        base.hazards());
  }

  private static int resource(Layout layout, ResourceKind kind) {
    for (int r = 0; r < layout.resources().size(); r++) {
      if (layout.resources().get(r).kind() == kind) {
        return r;
      }
    }
    return -1;
  }

  @Test
  void a_wagon_group_waits_its_marshalling_before_it_boards_and_nothing_else_changes() {
    Layout block = Layout.of(withWestMarshalling(0));
    Layout wagon = Layout.of(withWestMarshalling(48 * H));
    ReplicationResult b = new CorridorModel(block, 0, 7).run();
    ReplicationResult w = new CorridorModel(wagon, 0, 7).run();

    assertThat(resource(block, ResourceKind.MARSHALLING)).isEqualTo(-1);
    int m = resource(wagon, ResourceKind.MARSHALLING);
    assertThat(wagon.resources().get(m).id()).isEqualTo("A west");
    assertThat(w.resourceMeanWait_h()[m]).isCloseTo(48.0, offset(1e-6));
    assertThat(w.resourceServed()[m]).isPositive();

    double blockWest_h = b.flowTransit()[0].getValueAtPercentile(50) / 60.0;
    double wagonWest_h = w.flowTransit()[0].getValueAtPercentile(50) / 60.0;
    assertThat(wagonWest_h - blockWest_h).isBetween(48.0 - 24, 48.0 + 24);
    double blockEast_h = b.flowTransit()[1].getValueAtPercentile(50) / 60.0;
    double wagonEast_h = w.flowTransit()[1].getValueAtPercentile(50) / 60.0;
    assertThat(wagonEast_h).isCloseTo(blockEast_h, offset(2.0));

    assertThat(w.unitsDelivered() + w.unitsInside()).isEqualTo(w.unitsCreated());
    assertThat(w.unitsInside()).isGreaterThan(b.unitsInside());
  }

  @Test
  void a_negative_marshalling_time_is_refused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> withWestMarshalling(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("west");
  }
}
