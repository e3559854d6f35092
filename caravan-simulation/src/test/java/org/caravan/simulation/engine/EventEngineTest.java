package org.caravan.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EventEngineTest {
  /** One scheduled event as the oracle sees it. */
  record Ev(long time, int priority, long seq, int type, int entity) {}

  static final Comparator<Ev> ORDER =
      Comparator.comparingLong(Ev::time).thenComparingInt(Ev::priority).thenComparingLong(Ev::seq);

  @Property(tries = 200)
  void events_come_out_in_time_priority_seq_order_like_a_priority_queue(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 50) Integer> times,
      @ForAll @Size(max = 300) List<@IntRange(min = -2, max = 2) Integer> priorities) {
    EventEngine engine = new EventEngine(1, 4);
    PriorityQueue<Ev> oracle = new PriorityQueue<>(ORDER);
    int n = Math.min(times.size(), priorities.size());
    for (int i = 0; i < n; i++) {
      long seq = engine.schedule(times.get(i), priorities.get(i), i % 3, i);
      oracle.add(new Ev(times.get(i), priorities.get(i), seq, i % 3, i));
    }
    List<Ev> seen = new ArrayList<>();
    engine.setListener((t, p, s, ty, en) -> seen.add(new Ev(t, p, s, ty, en)));
    engine.run((type, entity) -> {});
    List<Ev> expected = new ArrayList<>();
    while (!oracle.isEmpty()) {
      expected.add(oracle.poll());
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Property(tries = 200)
  void clock_never_goes_backwards_when_handlers_schedule_more_events(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed,
      @ForAll @IntRange(min = 1, max = 200) int initial,
      @ForAll @IntRange(min = 0, max = 2000) int followUps) {
    EventEngine engine = new EventEngine(1000, 4);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    for (int i = 0; i < initial; i++) {
      engine.schedule(rng.nextLong(1000), rng.nextInt(3), 0, i);
    }
    long[] last = {Long.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE};
    int[] budget = {followUps};
    engine.setListener(
        (t, p, s, ty, en) -> {
          // (time, priority, seq) never decreases between consecutive events of the same tick,
          // and time never decreases at all.
          assertThat(t).isGreaterThanOrEqualTo(last[0]);
          if (t == last[0]) {
            assertThat(p > last[1] || (p == last[1] && s > last[2])).isTrue();
          }
          last[0] = t;
          last[1] = p;
          last[2] = s;
        });
    engine.run(
        (type, entity) -> {
          assertThat(engine.now()).isEqualTo(last[0]);
          if (budget[0]-- > 0) {
            // Zero delays on purpose: same-tick events must still come out by priority then seq.
            long delay = rng.nextInt(4) == 0 ? 0 : rng.nextLong(500);
            int pr = rng.nextInt(3);
            if (delay == 0 && pr < (int) last[1]) {
              pr =
                  (int)
                      last[1]; // a same-tick event of a lower priority number would be in the past
            }
            engine.schedule(engine.now() + delay, pr, 0, entity);
          }
        });
    assertThat(engine.pending()).isZero();
    assertThat(engine.dispatched()).isEqualTo(initial + (long) followUps);
  }

  @Test
  void scheduling_in_the_past_is_refused() {
    EventEngine engine = new EventEngine(1);
    engine.schedule(10, 0, 0);
    engine.run((t, e) -> {});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> engine.schedule(9, 0, 0));
    assertThat(e.getMessage()).contains("past");
  }

  @Test
  void runUntil_stops_at_the_horizon_and_moves_the_clock_there() {
    EventEngine engine = new EventEngine(1);
    engine.schedule(5, 0, 1);
    engine.schedule(15, 0, 2);
    List<Integer> seen = new ArrayList<>();
    assertThat(engine.runUntil(10, (t, e) -> seen.add(e))).isEqualTo(1);
    assertThat(engine.now()).isEqualTo(10);
    assertThat(seen).containsExactly(1);
    assertThat(engine.run((t, e) -> seen.add(e))).isEqualTo(1);
    assertThat(seen).containsExactly(1, 2);
    assertThat(engine.now()).isEqualTo(15);
  }

  @Test
  void stop_returns_after_the_current_event() {
    EventEngine engine = new EventEngine(1);
    for (int i = 0; i < 5; i++) {
      engine.schedule(i, 0, i);
    }
    engine.run(
        (t, e) -> {
          if (e == 1) {
            engine.stop();
          }
        });
    assertThat(engine.dispatched()).isEqualTo(2);
    assertThat(engine.pending()).isEqualTo(3);
  }

  @Test
  void handler_table_dispatches_by_type_and_rejects_unknown_types() {
    EventEngine engine = new EventEngine(1);
    StringBuilder sb = new StringBuilder();
    HandlerTable table =
        new HandlerTable()
            .register(0, e -> sb.append("a").append(e))
            .register(3, e -> sb.append("d"));
    engine.schedule(1, 0, 7);
    engine.schedule(2, 3, 0);
    engine.run(table);
    assertThat(sb).hasToString("a7d");
    engine.schedule(3, 2, 0);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.run(table));
    assertThat(e.getMessage()).contains("type 2");
  }

  @Test
  void time_conversion_rounds_to_the_nearest_tick() {
    EventEngine engine = new EventEngine(1000);
    assertThat(engine.toTicks(1.2344)).isEqualTo(1234);
    assertThat(engine.toTicks(1.2346)).isEqualTo(1235);
    assertThat(engine.toUnits(1500)).isEqualTo(1.5);
    assertThrows(IllegalArgumentException.class, () -> engine.toTicks(-1));
  }

  @Test
  void an_interrupted_thread_stops_an_endless_run_within_65536_events() throws Exception {
    EventEngine engine = new EventEngine(1, 4);
    engine.schedule(0, 0, 0);
    long[] seen = new long[1];
    Throwable[] thrown = new Throwable[1];
    Thread t =
        new Thread(
            () -> {
              try {
                engine.run(
                    (type, entity) -> {
                      seen[0]++;
                      if (seen[0] == 1_000_000) {
                        Thread.currentThread().interrupt();
                      }
                      engine.scheduleIn(
                          1, 0, 0); // an endless model: every event schedules the next
                    });
              } catch (Throwable e) {
                thrown[0] = e;
              }
            });
    t.start();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(thrown[0]).isInstanceOf(CancellationException.class);
    assertThat(seen[0]).isBetween(1_000_000L, 1_000_000L + 65_536);
  }
}
