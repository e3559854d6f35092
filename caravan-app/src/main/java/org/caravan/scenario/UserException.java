package org.caravan.scenario;

/**
 * A request that cannot be served because of what the user asked (an unknown place, an impossible
 * constraint). Carries a {@link UserError}; interfaces render it in their words, in one line, and
 * exit with 1 (CLI) or answer 400 (HTTP).
 */
public final class UserException extends RuntimeException {
  private final UserError error;

  public UserException(UserError error) {
    super(error.message());
    this.error = error;
  }

  /** An error about one field; {@code template} may name other fields as {@code {field}}. */
  public UserException(ErrorCode code, String field, String template) {
    this(new UserError(field, code, template));
  }

  /** An error about the request as a whole. */
  public UserException(ErrorCode code, String template) {
    this(code, "", template);
  }

  /** An invalid value of {@code field}; the message is shown as it is. */
  public UserException(String field, String message) {
    this(ErrorCode.INVALID_VALUE, field, message);
  }

  public UserError error() {
    return error;
  }

  /** The request field at fault, or empty. */
  public String field() {
    return error.field();
  }
}
