package org.caravan.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a node or link exists today or is planned. Planned elements are validated with the rest
 * of the files but left out of a compiled {@link Network} unless {@link
 * BuildOptions#includePlanned()} asks for them, so a route never silently depends on infrastructure
 * that is not built yet.
 */
public enum Status {
  OPERATIONAL("operational"),
  PLANNED("planned");

  private final String code;

  Status(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The status named by a cell; an empty cell means operational. */
  public static Optional<Status> parse(String code) {
    if (code.isEmpty()) {
      return Optional.of(OPERATIONAL);
    }
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
