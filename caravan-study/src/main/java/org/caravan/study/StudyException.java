package org.caravan.study;

import org.caravan.network.FieldException;

/**
 * Bad study input: {@link #field()} is the study-file field at fault (a path such as {@code
 * variants[2].set}), the message names it with its line. The gateway turns it into its user error.
 */
public final class StudyException extends FieldException {
  public StudyException(String field, String message) {
    super(field, message);
  }
}
