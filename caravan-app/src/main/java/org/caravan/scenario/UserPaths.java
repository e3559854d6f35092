package org.caravan.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one home for turning a user's text into a file path: text the platform cannot make a path of
 * (a NUL byte; a lone UTF-16 surrogate or a character the file-name encoding cannot hold, such as
 * any non-ASCII letter under the C locale) is a {@link UserException} naming the field, never the
 * JDK's {@link InvalidPathException} text. The CLI's path converter and every service that takes a
 * file name as text use it.
 */
public final class UserPaths {
  /** Longest text shown back in a message. */
  private static final int SHOWN = 80;

  private UserPaths() {}

  /**
   * The path the text names.
   *
   * @param field the option or field the text came from, named in the error
   * @throws UserException when the text is not a valid path on this platform
   */
  public static Path of(String field, String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new UserException(field, "'" + printable(text) + "' is not a valid path");
    }
  }

  /** Whether the text makes a path on this platform. */
  public static boolean valid(String text) {
    try {
      Path.of(text);
      return true;
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * The text as it can be shown in a one-line message: control characters and lone surrogates as
   * {@code ?}, cut after {@value #SHOWN} characters.
   */
  public static String printable(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), SHOWN + 3));
    s.codePoints()
        .limit(SHOWN)
        .forEach(
            c ->
                b.append(
                    Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF)
                        ? "?"
                        : Character.toString(c)));
    if (s.codePointCount(0, s.length()) > SHOWN) {
      b.append("...");
    }
    return b.toString();
  }
}
