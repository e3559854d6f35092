package org.caravan.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ResourceTest {
  static final int ARRIVE = 0;
  static final int DONE = 1;

  @Property(tries = 100)
  void busy_servers_never_exceed_capacity_and_service_is_fifo(
      @ForAll @IntRange(min = 1, max = 5) int capacity,
      @ForAll @IntRange(min = 1, max = 300) int entities,
      @ForAll long seed) {
    EventEngine engine = new EventEngine(1000);
    Resource r = new Resource(engine, capacity, new EntityLinks(4));
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < entities; i++) {
      engine.schedule(i * 10L + rng.nextLong(10), ARRIVE, i); // arrivals in index order
    }
    List<Integer> started = new ArrayList<>();
    engine.run(
        (type, e) -> {
          if (type == ARRIVE) {
            if (r.request(e)) {
              started.add(e);
              engine.scheduleIn(rng.nextLong(100), DONE, e);
            }
          } else {
            int next = r.release();
            if (next != Resource.NONE) {
              started.add(next);
              engine.scheduleIn(rng.nextLong(100), DONE, next);
            }
          }
          assertThat(r.busy()).isBetween(0, capacity);
          assertThat(r.queueLength() == 0 || r.busy() == capacity).isTrue();
        });
    assertThat(started).isSorted().hasSize(entities);
    assertThat(r.busy()).isZero();
    assertThat(r.grants()).isEqualTo(entities);
    assertThat(r.utilisation()).isBetween(0.0, 1.0);
  }

  @Test
  void release_without_busy_server_is_an_error() {
    Resource r = new Resource(new EventEngine(1), 1, new EntityLinks(1));
    IllegalStateException e = assertThrows(IllegalStateException.class, r::release);
    assertThat(e.getMessage()).contains("release");
  }

  @Test
  void utilisation_and_queue_length_are_time_weighted() {
    EventEngine engine = new EventEngine(1);
    Resource r = new Resource(engine, 1, new EntityLinks(2));
    engine.schedule(0, ARRIVE, 0);
    engine.schedule(0, ARRIVE, 1);
    engine.schedule(4, DONE, 0);
    engine.schedule(6, DONE, 1);
    engine.run(
        (type, e) -> {
          if (type == ARRIVE) {
            r.request(e);
          } else {
            r.release();
          }
        });
    engine.runUntil(10, (t, e) -> {});
    // busy 0..6 of 10; one waiting 0..4 of 10.
    assertThat(r.utilisation()).isEqualTo(0.6);
    assertThat(r.meanQueueLength()).isEqualTo(0.4);
    assertThat(r.maxQueueLength()).isEqualTo(1);
  }

  @Test
  void an_entity_cannot_wait_in_two_queues_sharing_links() {
    EntityLinks links = new EntityLinks(2);
    IntFifo a = new IntFifo(links);
    IntFifo b = new IntFifo(links);
    a.add(1);
    assertThat(links.isQueued(1)).isTrue();
    assertThrows(IllegalStateException.class, () -> b.add(1));
    assertThat(a.poll()).isEqualTo(1);
    b.add(1);
    assertThat(b.peek()).isEqualTo(1);
    assertThat(a.poll()).isEqualTo(IntFifo.NONE);
  }
}
