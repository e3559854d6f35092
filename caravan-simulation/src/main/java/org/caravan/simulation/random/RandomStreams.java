package org.caravan.simulation.random;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed: stream {@code i} is the {@code (i+1)}-th {@link
 * SplittableRandom#split()} of a root generator seeded with the seed. Splits are always taken in
 * index order, so stream {@code i} is the same whatever order streams are asked for, and giving
 * each entity or process its own stream keeps a run reproducible when the model changes elsewhere
 * (common random numbers, Law [1] §11.2).
 *
 * <p>[1] A. M. Law, Simulation Modeling and Analysis, 5th ed., 2015. SplittableRandom is SplitMix64
 * (Steele, Lea, Flood, OOPSLA 2014). Not thread-safe: one instance per engine/replication.
 */
public final class RandomStreams {
  private final long seed;
  private final SplittableRandom root;
  private SplittableRandom[] streams = new SplittableRandom[8];
  private int created;

  /** Creates the streams of {@code seed}. */
  public RandomStreams(long seed) {
    this.seed = seed;
    this.root = new SplittableRandom(seed);
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /**
   * Stream number {@code index} (0 or more); the same object on every call. Creating stream {@code
   * i} creates all lower-numbered streams too.
   */
  public SplittableRandom stream(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("stream index must be >= 0, got " + index);
    }
    if (index >= streams.length) {
      streams = Arrays.copyOf(streams, Math.max(index + 1, streams.length * 2));
    }
    while (created <= index) {
      streams[created++] = root.split();
    }
    return streams[index];
  }
}
