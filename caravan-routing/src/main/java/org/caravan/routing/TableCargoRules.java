package org.caravan.routing;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Origin;
import org.caravan.network.Problem;
import org.caravan.network.io.TextFiles;
import org.caravan.network.io.TextFiles.PackedTable;

/**
 * Cargo-class rules read from a table ({@code data/routing/cargo-rules.csv}): a rule refuses a
 * cargo class (and optionally one UN hazard class) on every link of a TOC, a mode, a link id, a
 * node or a country. Immutable.
 */
public record TableCargoRules(List<Rule> rules) implements CargoRules {
  /** Classpath location of the default rules (packed from {@code data/routing}). */
  public static final String DEFAULT_RESOURCE = "org/caravan/routing/cargo-rules.csv";

  /** One rule. */
  /**
   * What a rule's {@code target} names: a transport operation category, a mode, a link, a node or a
   * country.
   */
  public enum Scope {
    TOC,
    MODE,
    LINK,
    NODE,
    COUNTRY;

    /** The word in the rules file. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Scope> parse(String code) {
      return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
  }

  public record Rule(
      Scope scope, String target, CargoClass cargo, int unClass, String source, String notes) {}

  public TableCargoRules {
    rules = List.copyOf(rules);
  }

  private static final PackedTable<Rule> TABLE =
      new PackedTable<>(DEFAULT_RESOURCE, "data/routing/cargo-rules.csv", TableCargoRules::rule);

  /** The default rules, from the class path. */
  public static TableCargoRules loadDefault() {
    return new TableCargoRules(TABLE.readDefault());
  }

  /** Reads a rules table; problems name the file, line and field. */
  public static TableCargoRules read(String name, Reader reader) throws IOException {
    return new TableCargoRules(TABLE.read(name, reader));
  }

  /** One rule of the table, or empty after adding its problems. */
  private static Optional<Rule> rule(CSVRecord rec, Origin o, List<Problem> problems) {
    Optional<Scope> parsed = Scope.parse(rec.get("scope"));
    if (parsed.isEmpty()) {
      problems.add(
          new Problem(
              o,
              "scope",
              "unknown scope '"
                  + rec.get("scope")
                  + "'; expected toc, mode, link, node or country"));
      return Optional.empty();
    }
    Scope scope = parsed.get();
    if (scope == Scope.MODE && Mode.parse(rec.get("target")).isEmpty()) {
      problems.add(new Problem(o, "target", "unknown mode '" + rec.get("target") + "'"));
      return Optional.empty();
    }
    var cargo = CargoClass.parse(rec.get("cargo"));
    if (cargo.isEmpty()) {
      problems.add(
          new Problem(
              o,
              "cargo",
              "unknown cargo class '"
                  + rec.get("cargo")
                  + "'; expected general, reefer, bulk or dg"));
      return Optional.empty();
    }
    int un = 0;
    if (!rec.get("un_class").isEmpty()) {
      try {
        un = Integer.parseInt(rec.get("un_class"));
      } catch (NumberFormatException e) {
        un = -1;
      }
      if (un < 1 || un > 9) {
        problems.add(
            new Problem(
                o, "un_class", "UN class must be 1-9, found '" + rec.get("un_class") + "'"));
        return Optional.empty();
      }
    }
    if (!TextFiles.hasSource(rec, o, problems, "rule")) {
      return Optional.empty();
    }
    return Optional.of(
        new Rule(scope, rec.get("target"), cargo.get(), un, rec.get("source"), rec.get("notes")));
  }

  @Override
  public boolean refuses(Network network, int link, CargoClass cargo, int unClass) {
    return matching(network, link, cargo, unClass) != null;
  }

  @Override
  public String reason(Network network, int link, CargoClass cargo, int unClass) {
    Rule r = matching(network, link, cargo, unClass);
    return r == null ? "" : r.notes() + " (" + r.source() + ")";
  }

  private Rule matching(Network network, int link, CargoClass cargo, int unClass) {
    for (Rule r : rules) {
      if (r.cargo() != cargo || (r.unClass() != 0 && r.unClass() != unClass)) {
        continue;
      }
      boolean hit =
          switch (r.scope()) {
            case TOC -> network.link(link).toc().equals(r.target());
            case MODE -> network.linkMode(link).code().equals(r.target());
            case LINK -> network.link(link).id().equals(r.target());
            case NODE ->
                network.nodeId(network.linkFrom(link)).equals(r.target())
                    || network.nodeId(network.linkTo(link)).equals(r.target());
            case COUNTRY -> network.link(link).countries().contains(r.target());
          };
      if (hit) {
        return r;
      }
    }
    return null;
  }
}
