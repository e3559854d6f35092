package org.caravan.network;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric value of a network row that must be cited: by its group's source column ({@code
 * coord_source}, {@code dwell_source}, ...) or by the row's {@code source}. The validator checks
 * every one; {@link Provenance} counts the headline ones (a spread or a schedule detail shares the
 * source of the value it belongs to).
 *
 * @param field the column
 * @param group the source group that cites it
 * @param value the value, NaN when the row leaves it empty (then nothing needs citing); a list (a
 *     timetable) counts as one value, 0 when it has entries
 * @param headline whether provenance counts it
 */
public record CitedValue(String field, String group, double value, boolean headline) {
  /** A {@link Cited} component of a row type, found once per type. */
  private record Column(String field, String group, boolean headline, Method accessor) {
    double value(CitedRow row) {
      Object v;
      try {
        v = accessor.invoke(row);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + field + " of " + row, e);
      }
      return v instanceof List<?> list ? (list.isEmpty() ? Double.NaN : 0) : (Double) v;
    }
  }

  private static final ClassValue<List<Column>> COLUMNS =
      new ClassValue<>() {
        @Override
        protected List<Column> computeValue(Class<?> type) {
          List<Column> columns = new ArrayList<>();
          for (RecordComponent c : type.getRecordComponents()) {
            Cited cited = c.getAnnotation(Cited.class);
            if (cited == null) {
              continue;
            }
            if (c.getType() != double.class && c.getType() != List.class) {
              throw new IllegalStateException(
                  "@Cited needs a double or a list: " + type.getSimpleName() + "." + c.getName());
            }
            columns.add(new Column(c.getName(), cited.value(), cited.headline(), c.getAccessor()));
          }
          return List.copyOf(columns);
        }
      };

  /** The cited values of a row, in column order. */
  static List<CitedValue> of(CitedRow row) {
    List<Column> columns = COLUMNS.get(row.getClass());
    List<CitedValue> values = new ArrayList<>(columns.size());
    for (Column c : columns) {
      values.add(new CitedValue(c.field(), c.group(), c.value(row), c.headline()));
    }
    return List.copyOf(values);
  }

  /** The source groups of a row type, in the column order of their first value. */
  static List<String> groups(Class<? extends CitedRow> type) {
    return COLUMNS.get(type).stream().map(Column::group).distinct().toList();
  }
}
