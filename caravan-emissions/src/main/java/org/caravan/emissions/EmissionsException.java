package org.caravan.emissions;

/**
 * A user-facing error: bad chain file, unknown category, missing factor. The message is one line
 * that names the file, line or leg and the field, so a command line can print it as it is. For a
 * JSON chain, {@link #field()} also gives the place as data: the path of the leg or field ({@code
 * legs[1].toc}), so an API can point at it without reading the message.
 */
public final class EmissionsException extends RuntimeException {
  private final String field;

  public EmissionsException(String message) {
    this("", message);
  }

  public EmissionsException(String message, Throwable cause) {
    super(message, cause);
    this.field = "";
  }

  /**
   * @param field the JSON path of the leg or field at fault ({@code legs[1].toc}, {@code [0]}), or
   *     empty
   */
  public EmissionsException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The JSON path of the leg or field at fault, or empty when the error is not about one (or the
   * input is CSV).
   */
  public String field() {
    return field;
  }

  /** This error located at {@code path} if it names no place of its own. */
  EmissionsException locatedAt(String path) {
    if (!field.isEmpty() || path.isEmpty()) {
      return this;
    }
    EmissionsException e = new EmissionsException(path, getMessage());
    e.setStackTrace(getStackTrace());
    return e;
  }
}
