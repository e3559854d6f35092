package org.caravan.network;

/**
 * Where a value was read: a file name (or resource path) and a 1-based line number (0 when
 * unknown).
 */
public record Origin(String file, long line) {
  public static final Origin UNKNOWN = new Origin("(built in code)", 0);

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
