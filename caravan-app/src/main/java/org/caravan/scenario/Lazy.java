package org.caravan.scenario;

import java.util.function.Supplier;

/**
 * A value computed on first use, then kept; thread-safe (double-checked locking on a volatile
 * field), so that a command that needs only part of {@link Caravan} (place search) does not load
 * the rest (country polygons, sea lanes, the router) at start-up.
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> compute;
  private volatile T value;

  public Lazy(Supplier<? extends T> compute) {
    this.compute = compute;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = compute.get();
          value = v;
        }
      }
    }
    return v;
  }
}
