package org.caravan.network;

import java.util.List;
import java.util.Map;

/**
 * A row of a network file whose values must be cited: a node, link, transfer or service. Its {@link
 * Cited} components say which source group cites each value, so the values to check and the {@code
 * <group>_source} columns follow from the row type.
 */
public sealed interface CitedRow permits InfrastructureRow, TransferSpec, ServiceSpec {
  /** Where the row's values come from, and its notes. */
  Citation citation();

  /** Source text per field group; key {@code ""} is the row's default. */
  default Map<String, String> sources() {
    return citation().sources();
  }

  /** The row's notes. */
  default String notes() {
    return citation().notes();
  }

  /** The values that must be cited, in column order. */
  default List<CitedValue> citedValues() {
    return CitedValue.of(this);
  }

  /** The source groups of a row type, in the column order of their first value. */
  static List<String> sourceGroups(Class<? extends CitedRow> type) {
    return CitedValue.groups(type);
  }
}
