package org.caravan.scenario;

/**
 * A request that cannot be served because of what the user asked (an unknown place, an impossible constraint).
 * Interfaces show its message as it is, in one line, and exit with 1 (CLI) or answer 400 (HTTP).
 *
 * @param field the request field at fault ({@code from}, {@code --teu}, ...), or empty
 */
public final class UserException extends RuntimeException {
  private final String field;

  public UserException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
