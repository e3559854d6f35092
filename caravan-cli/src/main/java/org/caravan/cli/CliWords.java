package org.caravan.cli;

import java.util.Map;
import org.caravan.scenario.UserException;

/**
 * How the command line names request fields in messages: the core's user errors name fields in
 * snake_case ({@code un_class}); the CLI shows the flag that sets them ({@code --un-class}).
 */
final class CliWords {
  /**
   * Fields whose flag is not simply the field name with dashes, besides the route's list limits
   * (their table, {@link RouteOptions.Limits.Lists}, names their flags).
   */
  private static final Map<String, String> FLAGS =
      Map.of("max_budget_usd", "--max-budget", "depart", "--depart");

  private CliWords() {}

  /** The flag that sets a request field. */
  static String flag(String field) {
    return RouteOptions.Limits.Lists.of(field)
        .map(l -> l.flag.name())
        .orElseGet(() -> FLAGS.getOrDefault(field, "--" + field.replace('_', '-')));
  }

  /** A user error in the command line's words. */
  static String message(UserException e) {
    return e.error().message(CliWords::flag);
  }
}
