package org.caravan.network;

/**
 * One thing wrong with a network file: where it is (file, line), which field, and what is wrong.
 *
 * @param field column name, or empty when the problem is the whole row or file
 */
public record Problem(Origin origin, String field, String message) {

  /**
   * One line for a terminal: {@code nodes.csv:12: field 'lat': latitude 95.0 is outside [-90, 90]}.
   */
  @Override
  public String toString() {
    return origin + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + message;
  }
}
