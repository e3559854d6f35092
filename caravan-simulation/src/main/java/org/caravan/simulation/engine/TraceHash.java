package org.caravan.simulation.engine;

/**
 * An {@link EventListener} that folds the whole event trace into one 64-bit hash, so two runs can
 * be compared for determinism without storing their traces. Not thread-safe; one per engine.
 */
public final class TraceHash implements EventListener {
  private long hash = 0x6a09e667f3bcc908L;
  private long events;

  @Override
  public void onEvent(long time_ticks, int priority, long seq, int type, int entity) {
    long h = hash;
    h = mix(h ^ time_ticks);
    h = mix(h ^ seq);
    h = mix(h ^ (((long) type << 32) | (entity & 0xffffffffL)));
    hash = mix(h ^ priority);
    events++;
  }

  /** The hash of the trace seen so far. */
  public long value() {
    return hash;
  }

  /** Number of events seen. */
  public long events() {
    return events;
  }

  // The 64-bit finaliser of SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): cheap and well mixed.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
