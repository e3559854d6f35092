package org.caravan.study;

/**
 * Bad study input: {@code field} is the study-file field at fault (a path such as {@code
 * variants[2].set}), the message names it with its line. The gateway turns it into its user error.
 */
public final class StudyException extends RuntimeException {
  private final String field;

  public StudyException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault, as a path in the study file. */
  public String field() {
    return field;
  }
}
