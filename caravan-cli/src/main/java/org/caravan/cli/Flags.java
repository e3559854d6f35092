package org.caravan.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the flags declared with picocli's programmatic model ({@link OptionSpec}) share: their value
 * lives in the mixin that declares them, read and written through a getter and a setter. Used by
 * the parameterised mixins and flag tables ({@link Formats.Output}, {@link RouteOptions.Choice},
 * {@link RouteOptions.Limits.Lists}).
 */
final class Flags {
  private Flags() {}

  /** {@code option} with its value kept by {@code set} and read by {@code get}. */
  static <V> OptionSpec.Builder bound(OptionSpec.Builder option, Consumer<V> set, Supplier<V> get) {
    return option
        .setter(
            new ISetter() {
              @Override
              @SuppressWarnings("unchecked")
              public <T> T set(T value) {
                set.accept((V) value);
                return null;
              }
            })
        .getter(
            new IGetter() {
              @Override
              @SuppressWarnings("unchecked")
              public <T> T get() {
                return (T) get.get();
              }
            });
  }
}
