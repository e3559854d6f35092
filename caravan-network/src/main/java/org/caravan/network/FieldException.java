package org.caravan.network;

/**
 * A user error about one field, shared by the modules above the network that report bad input (an
 * output target, a study file): the message is one line for the user, naming file, line or option;
 * {@link #field()} gives the field as data, so a gateway maps it to its own error type without
 * reading the message (structured errors, style.md §7).
 */
public abstract class FieldException extends RuntimeException {
  private final String field;

  protected FieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The field at fault (an option such as {@code --out}, a path such as {@code variants[2].set}).
   */
  public String field() {
    return field;
  }
}
