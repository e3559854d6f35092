package org.caravan.scenario.sim;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.caravan.simulation.corridor.CorridorModel;
import org.caravan.simulation.corridor.CorridorSpec;
import org.caravan.simulation.corridor.Layout;
import org.caravan.simulation.corridor.ReplicationResult;
import org.caravan.simulation.engine.EventListener;

/** Properties that hold for every seed: the clock never goes backwards, and units are conserved. */
class ClockPropertyTest {
  private static final CorridorSpec SPEC =
      new ModelBuilder(Fixtures.CARAVAN).build(Fixtures.parse(Fixtures.shortYaml(5, 30, 1))).spec();

  @Property(tries = 6)
  void the_clock_never_goes_backwards(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    CorridorModel model = new CorridorModel(Layout.of(SPEC), 0, seed);
    long[] last = {Long.MIN_VALUE};
    long[] backwards = {0};
    long[] events = {0};
    model.setListener(
        (EventListener)
            (time, priority, seq, type, entity) -> {
              if (time < last[0]) {
                backwards[0]++;
              }
              last[0] = time;
              events[0]++;
            });
    ReplicationResult r = model.run();

    assertThat(events[0]).isEqualTo(r.events()).isPositive();
    assertThat(backwards[0]).isZero();
    assertThat(last[0]).isLessThanOrEqualTo(SPEC.horizon_s());
    assertThat(r.unitsDelivered() + r.unitsInside()).isEqualTo(r.unitsCreated());
  }
}
