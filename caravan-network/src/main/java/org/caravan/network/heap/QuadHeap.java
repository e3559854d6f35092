package org.caravan.network.heap;

import java.util.Arrays;

/**
 * A min-heap of {@code int} values ordered by ({@code long} key, {@code long} tie). Entries with
 * equal key leave by ascending tie; when the ties of the entries in the heap are distinct (an id, a
 * sequence number) the pop order is a pure function of the pushed entries. No allocation except
 * when the arrays double. Not thread-safe.
 */
public final class QuadHeap {
  /*
   * Design. Implicit d-ary heap with d = 4 [1]: half the depth of a binary heap, and the four children of a
   * node sit next to each other in each array, which wins for the sift-down of every pop [2]. Sifts move a
   * hole rather than swapping, so each level costs one write per array. Keys and ties are stored inline
   * (not looked up through the value) so a sift reads the arrays sequentially.
   *
   * [1] D. B. Johnson, "Priority queues with update and finding minimum spanning trees", IPL 4(3), 1975.
   * [2] A. LaMarca, R. E. Ladner, "The influence of caches on the performance of heaps", JEA 1, 1996.
   */

  private long[] key;
  private long[] tie;
  private int[] value;
  private int size;

  /** An empty heap with room for {@code initialCapacity} entries before it grows. */
  public QuadHeap(int initialCapacity) {
    int cap = Math.max(4, initialCapacity);
    key = new long[cap];
    tie = new long[cap];
    value = new int[cap];
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** True when the heap holds no entry. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Removes every entry (keeps the arrays). */
  public void clear() {
    size = 0;
  }

  /** Key of the minimum entry; the heap must not be empty. */
  public long minKey() {
    return key[0];
  }

  /** Tie of the minimum entry; the heap must not be empty. */
  public long minTie() {
    return tie[0];
  }

  /** Value of the minimum entry; the heap must not be empty. */
  public int minValue() {
    return value[0];
  }

  /** Adds an entry. O(log n). */
  public void push(long k, long t, int v) {
    if (size == key.length) {
      int cap = size * 2;
      key = Arrays.copyOf(key, cap);
      tie = Arrays.copyOf(tie, cap);
      value = Arrays.copyOf(value, cap);
    }
    final long[] key = this.key;
    final long[] tie = this.tie;
    final int[] value = this.value;
    int pos = size++;
    while (pos > 0) {
      int parent = (pos - 1) >>> 2;
      long pk = key[parent];
      if (pk < k || (pk == k && tie[parent] < t)) {
        break;
      }
      key[pos] = pk;
      tie[pos] = tie[parent];
      value[pos] = value[parent];
      pos = parent;
    }
    key[pos] = k;
    tie[pos] = t;
    value[pos] = v;
  }

  /** Removes the minimum entry and returns its value; the heap must not be empty. O(log n). */
  public int pop() {
    final long[] key = this.key;
    final long[] tie = this.tie;
    final int[] value = this.value;
    int top = value[0];
    int n = --size;
    if (n == 0) {
      return top;
    }
    long k = key[n];
    long t = tie[n];
    int v = value[n];
    int pos = 0;
    while (true) {
      int first = (pos << 2) + 1;
      if (first >= n) {
        break;
      }
      int last = Math.min(first + 4, n);
      int best = first;
      long bk = key[first];
      long bt = tie[first];
      for (int c = first + 1; c < last; c++) {
        long ck = key[c];
        if (ck < bk || (ck == bk && tie[c] < bt)) {
          best = c;
          bk = ck;
          bt = tie[c];
        }
      }
      if (k < bk || (k == bk && t < bt)) {
        break;
      }
      key[pos] = bk;
      tie[pos] = bt;
      value[pos] = value[best];
      pos = best;
    }
    key[pos] = k;
    tie[pos] = t;
    value[pos] = v;
    return top;
  }
}
