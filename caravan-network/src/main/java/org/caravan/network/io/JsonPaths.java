package org.caravan.network.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * How a Jackson binding error names its place for a user: the field path ({@code
 * flows[2].teu_per_year}) and the line. One home for the scenario and study file readers, which
 * both bind YAML with Jackson.
 */
public final class JsonPaths {
  private JsonPaths() {}

  /**
   * The dotted field path of a binding error, list indexes in brackets, or {@code root} when it has
   * none.
   */
  public static String field(JsonMappingException e, String root) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.isEmpty() ? root : sb.toString();
  }

  /** {@code " at line N"}, or nothing when the parser knows no line. */
  public static String atLine(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr();
  }

  /**
   * {@code "; known fields here: a, b"} for an unknown field, sorted, or nothing when Jackson knows
   * no list.
   */
  public static String knownFields(UnrecognizedPropertyException e) {
    if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
      return "";
    }
    return "; known fields here: "
        + e.getKnownPropertyIds().stream()
            .map(Object::toString)
            .sorted()
            .collect(Collectors.joining(", "));
  }
}
