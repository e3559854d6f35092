package org.caravan.network;

/**
 * A numeric value of a network row that must be cited: by its group's source column ({@code
 * coord_source}, {@code dwell_source}, ...) or by the row's {@code source}. The validator checks
 * every one; {@link Provenance} counts the headline ones (a spread or a schedule detail shares the
 * source of the value it belongs to).
 *
 * @param field the column
 * @param group the source group that cites it
 * @param value the value, NaN when the row leaves it empty (then nothing needs citing)
 * @param headline whether provenance counts it
 */
public record CitedValue(String field, String group, double value, boolean headline) {
  static CitedValue headline(String field, String group, double value) {
    return new CitedValue(field, group, value, true);
  }

  static CitedValue detail(String field, String group, double value) {
    return new CitedValue(field, group, value, false);
  }
}
