package org.caravan.scenario;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user error as data: the request field at fault, what kind of error it is and the message. The
 * message is a template in which other request fields appear as {@code {field_name}} (request
 * fields in snake_case, as in {@link RouteQuery}'s JSON form), so each front end names them in its
 * own words: the CLI as flags ({@code --un-class}), the API as JSON fields ({@code un_class}).
 *
 * @param field the request field at fault, snake_case, or empty when the error is about the request
 *     as a whole
 */
public record UserError(String field, ErrorCode code, String template) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

  /**
   * An error message is one line: a user's value echoed in it (a multi-line YAML string, a pasted
   * control character) is shown escaped ({@code \\n}, {@code ?}), so every front end can print it
   * after a prefix.
   */
  public UserError {
    StringBuilder b = new StringBuilder(template.length());
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (Character.isISOControl(c)) {
        b.append('?');
      } else {
        b.append(c);
      }
    }
    template = b.toString();
  }

  /** The message with each {@code {field}} placeholder replaced by {@code names.apply(field)}. */
  public String message(UnaryOperator<String> names) {
    Matcher m = PLACEHOLDER.matcher(template);
    return m.replaceAll(r -> Matcher.quoteReplacement(names.apply(r.group(1))));
  }

  /** The message with fields named as they are. */
  public String message() {
    return message(UnaryOperator.identity());
  }
}
