package org.caravan.crm;

import java.util.Optional;

/**
 * One thing a chokepoint or disruption names: a node, a link (a {@code links.csv} id, both
 * directions), a sea passage, a country (every link that lists it: transit through a whole
 * country), or (in disruptions only) a whole chokepoint. Written {@code kind:id}, e.g. {@code
 * node:KZ-DOSTYK} or {@code country:RU}.
 */
public record Element(Kind kind, String id) {
  /** What an element refers to. */
  public enum Kind {
    NODE("node"),
    LINK("link"),
    PASSAGE("passage"),
    COUNTRY("country"),
    CHOKEPOINT("chokepoint");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Parses {@code kind:id}; empty when the kind is unknown or the id is missing. */
  public static Optional<Element> parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return Optional.empty();
    }
    String kind = text.substring(0, colon).trim();
    String id = text.substring(colon + 1).trim();
    for (Kind k : Kind.values()) {
      if (k.code.equals(kind)) {
        return Optional.of(new Element(k, id));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return kind.code + ":" + id;
  }
}
