package org.caravan.tracking;

/**
 * An event left out of a batch, and why.
 *
 * @param eventId the event's id, or {@code "?"} when the record has none
 * @param field the field at fault, as named in the file ({@code container}, {@code event_time})
 * @param line the line of the record in a CSV file, the index of the event in a JSON array (from
 *     0), or -1
 */
public record Rejection(String eventId, String field, long line, String message) {
  /** One line: {@code event E7 (line 9), field container: ...}. */
  public String describe(String where) {
    return "event " + eventId + " (" + where + " " + line + "), field " + field + ": " + message;
  }
}
