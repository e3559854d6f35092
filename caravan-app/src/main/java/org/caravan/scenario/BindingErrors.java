package org.caravan.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a Jackson binding error into words for users: what was expected ("a number", "a whole
 * number", "text", "a list") and what was found, without Java or Jackson type names, which mean
 * nothing to the person who wrote the file or the request. The one home of that wording (scenario
 * files and the API).
 */
public final class BindingErrors {
  private BindingErrors() {}

  /** What was expected and found, e.g. {@code expected a whole number, got 'rail'}. */
  public static String describe(JsonProcessingException e) {
    if (e instanceof InvalidFormatException ife) {
      return "expected "
          + kind(ife.getTargetType())
          + ", got '"
          + shorten(String.valueOf(ife.getValue()))
          + "'";
    }
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      return "expected " + kind(mie.getTargetType());
    }
    String m =
        e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    return m.replaceAll("`[^`]*`", "value")
        .replaceAll("(java|com\\.fasterxml)\\.[\\w.$]+", "value");
  }

  /** Plain words for a bound type. */
  static String kind(Class<?> t) {
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
      return "a whole number";
    }
    if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
      return "a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "true or false";
    }
    if (t == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(t) || t.isRecord()) {
      return "an object (key: value pairs)";
    }
    if (t.isEnum()) {
      return "one of the documented values";
    }
    return "a different value";
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\p{Cntrl}", " "); // a message is one line, whatever the value holds
    return one.length() > 40 ? one.substring(0, 40) + "..." : one;
  }
}
