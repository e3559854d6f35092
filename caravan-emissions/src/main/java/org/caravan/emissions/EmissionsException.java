package org.caravan.emissions;

/**
 * A user-facing error: bad chain file, unknown category, missing factor. The message is one line
 * that names the file, line or leg and the field, so a command line can print it as it is.
 */
public final class EmissionsException extends RuntimeException {
  public EmissionsException(String message) {
    super(message);
  }

  public EmissionsException(String message, Throwable cause) {
    super(message, cause);
  }
}
