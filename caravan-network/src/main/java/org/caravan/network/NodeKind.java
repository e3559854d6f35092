package org.caravan.network;

import java.util.Arrays;
import java.util.Optional;

/** What a node is: the role it plays for freight. */
public enum NodeKind {
  /** Rail terminal or dry port, where containers are loaded on and off trains. */
  TERMINAL("terminal"),
  /** Sea or lake port. */
  PORT("port"),
  /** Border crossing station. */
  BORDER("border"),
  /** Break of gauge without a border. */
  GAUGE_CHANGE("gauge_change"),
  /** City or rail junction. */
  CITY("city");

  private final String code;

  NodeKind(String code) {
    this.code = code;
  }

  /** The name used in files and JSON. */
  public String code() {
    return code;
  }

  public static Optional<NodeKind> parse(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
