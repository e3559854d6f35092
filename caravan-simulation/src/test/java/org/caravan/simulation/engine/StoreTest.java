package org.caravan.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StoreTest {
  static final int TRY_GET = 0;
  static final int TRY_PUT = 1;
  static final int GOT = 2;
  static final int PUT = 3;

  @Property(tries = 100)
  void store_conserves_items_and_stays_within_capacity(
      @ForAll @LongRange(min = 1, max = 50) long capacity,
      @ForAll @IntRange(min = 1, max = 200) int entities,
      @ForAll long seed) {
    EventEngine engine = new EventEngine(1);
    SplittableRandom rng = new SplittableRandom(seed);
    long initial = rng.nextLong(capacity + 1);
    Store s = new Store(engine, capacity, initial, new EntityLinks(4), GOT, PUT);
    long[] want = new long[entities];
    long[] completedGets = {0};
    long[] completedPuts = {0};
    for (int i = 0; i < entities; i++) {
      want[i] = 1 + rng.nextLong(capacity);
      engine.schedule(rng.nextLong(1000), rng.nextBoolean() ? TRY_GET : TRY_PUT, i);
    }
    engine.run(
        (type, e) -> {
          switch (type) {
            case TRY_GET -> {
              if (s.get(e, want[e])) {
                completedGets[0] += want[e];
              }
            }
            case TRY_PUT -> {
              if (s.put(e, want[e])) {
                completedPuts[0] += want[e];
              }
            }
            case GOT -> completedGets[0] += want[e];
            case PUT -> completedPuts[0] += want[e];
            default -> throw new IllegalStateException();
          }
          assertThat(s.level()).isBetween(0L, capacity);
          assertThat(s.level()).isEqualTo(initial + s.put() - s.got());
        });
    assertThat(s.got()).isEqualTo(completedGets[0]);
    assertThat(s.put()).isEqualTo(completedPuts[0]);
    assertThat(s.level()).isEqualTo(initial + completedPuts[0] - completedGets[0]);
  }

  @Test
  void waiting_getter_is_woken_by_a_put_in_fifo_order() {
    EventEngine engine = new EventEngine(1);
    Store wagons = new Store(engine, 100, 0, new EntityLinks(4), GOT, PUT);
    StringBuilder log = new StringBuilder();
    assertThat(wagons.get(1, 3)).isFalse();
    assertThat(wagons.get(2, 1)).isFalse(); // behind 1 although 1 wagon would do
    assertThat(wagons.put(9, 2)).isTrue();
    assertThat(wagons.waitingGetters()).isEqualTo(2);
    assertThat(wagons.put(9, 2)).isTrue(); // level 4: 1 gets 3, then 2 gets 1
    engine.run((type, e) -> log.append(type == GOT ? "got" : "put").append(e).append(' '));
    assertThat(log).hasToString("got1 got2 ");
    assertThat(wagons.level()).isZero();
  }

  @Test
  void amount_above_capacity_is_refused() {
    Store s = new Store(new EventEngine(1), 10, 0, new EntityLinks(1), GOT, PUT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get(0, 11));
    assertThat(e.getMessage()).contains("1..10");
  }
}
