package org.caravan.network.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuadHeapTest {
  private record Entry(long key, long tie, int value) {}

  /**
   * Oracle: interleaved pushes and pops come out exactly as a stable sort by (key, tie) would give
   * them.
   */
  @Test
  void popsInKeyThenTieOrderLikeASort() {
    SplittableRandom rng = new SplittableRandom(42);
    QuadHeap heap = new QuadHeap(4); // small on purpose: forces the arrays to grow
    List<Entry> pending = new ArrayList<>();
    Comparator<Entry> order = Comparator.comparingLong(Entry::key).thenComparingLong(Entry::tie);
    long nextTie = 0;
    int popped = 0;
    for (int step = 0; step < 200_000; step++) {
      if (pending.isEmpty() || rng.nextInt(5) < 3) {
        // few distinct keys, so ties are frequent and must be broken by the tie field
        Entry e =
            new Entry(rng.nextLong(50), rng.nextBoolean() ? nextTie++ : -nextTie++, rng.nextInt());
        heap.push(e.key(), e.tie(), e.value());
        pending.add(e);
      } else {
        Entry expected = pending.stream().min(order).orElseThrow();
        assertThat(heap.minKey()).isEqualTo(expected.key());
        assertThat(heap.minTie()).isEqualTo(expected.tie());
        assertThat(heap.pop()).isEqualTo(expected.value());
        pending.remove(expected);
        popped++;
      }
      assertThat(heap.size()).isEqualTo(pending.size());
      if (pending.size() > 400) {
        while (pending.size() > 100) {
          Entry expected = pending.stream().min(order).orElseThrow();
          assertThat(heap.pop()).isEqualTo(expected.value());
          pending.remove(expected);
        }
      }
    }
    assertThat(popped).isGreaterThan(10_000);
    heap.clear();
    assertThat(heap.isEmpty()).isTrue();
  }
}
