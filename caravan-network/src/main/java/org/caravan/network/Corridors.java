package org.caravan.network;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * Corridor membership, defined once, in the data ({@code data/network/corridors.csv}): each
 * corridor names the nodes that belong to it and the label a route on it gets ({@code middle},
 * {@code northern}, {@code southern}). A node may belong to several corridors (the Kazakh trunk
 * carries the Middle, the Kazakh branch of the Northern and the Southern route) or to none (Chinese
 * ports, the EU network, which every corridor shares).
 *
 * <p>A route is <em>consistent</em> when one corridor contains every corridor node it passes: its
 * corridor set, the intersection of the masks of those nodes, is not empty. Xi'an → Erenhot →
 * Mongolia → Russia → Kazakhstan → Aktau is not (Erenhot is only on the trans-Mongolian branch,
 * Aktau only on the Middle Corridor), nor is Almaty → Poland → Germany → Constanța. The router uses
 * the sets to keep such routes out and to label routes; the simulation picks a flow's route by the
 * same label. Immutable.
 */
public final class Corridors {
  /** Classpath location of the default table (packed from {@code data/network}). */
  public static final String DEFAULT_RESOURCE = "org/caravan/network/default/corridors.csv";

  /**
   * At most this many corridors, so a set of corridors fits a small bit mask (and the 2^5 sets an
   * int).
   */
  public static final int MAX_CORRIDORS = 5;

  /** No corridor data: every node is neutral and every route consistent. */
  public static final Corridors NONE = new Corridors(List.of(), new int[0]);

  /** One corridor: its id, the label of routes on it, and its source ids. */
  public record Corridor(String id, String label, String source) {}

  private final List<Corridor> corridors;
  private final int[] nodeMask;

  private Corridors(List<Corridor> corridors, int[] nodeMask) {
    this.corridors = List.copyOf(corridors);
    this.nodeMask = nodeMask;
  }

  /**
   * The default table for the given network; unknown node ids are an error naming file, line and
   * field.
   */
  public static Corridors loadDefault(Network network) {
    return TextFiles.readResource(
        DEFAULT_RESOURCE, "data/network/corridors.csv", (n, r) -> read(n, r, network));
  }

  /**
   * Reads a corridor table (columns {@code corridor,label,nodes,source,notes}; nodes separated by
   * {@code ;}). A node id the network does not know is a problem (file, line, field), so a renamed
   * node cannot silently leave its corridor.
   */
  public static Corridors read(String name, Reader reader, Network network) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<Corridor> list = new ArrayList<>();
    int[] mask = new int[network.nodeCount()];
    CSVFormat format = TextFiles.CSV;
    Set<String> ids = new LinkedHashSet<>();
    try (CSVParser p = CSVParser.parse(reader, format)) {
      for (CSVRecord rec : p) {
        Origin o = new Origin(name, p.getCurrentLineNumber());
        String id = rec.get("corridor");
        if (id.isEmpty() || !ids.add(id)) {
          problems.add(
              new Problem(
                  o,
                  "corridor",
                  id.isEmpty() ? "empty corridor id" : "duplicate corridor '" + id + "'"));
          continue;
        }
        if (list.size() == MAX_CORRIDORS) {
          problems.add(new Problem(o, "corridor", "at most " + MAX_CORRIDORS + " corridors"));
          continue;
        }
        if (rec.get("label").isEmpty()) {
          problems.add(
              new Problem(
                  o, "label", "every corridor needs a label (e.g. middle, northern, southern)"));
          continue;
        }
        if (!TextFiles.hasSource(rec, o, problems, "corridor")) {
          continue;
        }
        int bit = 1 << list.size();
        for (String node : rec.get("nodes").split(";")) {
          String n = node.trim();
          if (n.isEmpty()) {
            continue;
          }
          OptionalInt v = network.findNode(n);
          if (v.isEmpty()) {
            problems.add(new Problem(o, "nodes", "unknown node '" + n + "'"));
          } else {
            mask[v.getAsInt()] |= bit;
          }
        }
        list.add(new Corridor(id, rec.get("label"), rec.get("source")));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(new Problem(new Origin(name, 0), "", "malformed CSV: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return new Corridors(list, mask);
  }

  public List<Corridor> corridors() {
    return corridors;
  }

  /**
   * The distinct route labels of the corridors, in file order ({@code middle}, {@code northern},
   * {@code southern} for the default table): the words a route on a corridor is called by.
   */
  public List<String> labels() {
    return corridors.stream().map(Corridor::label).distinct().toList();
  }

  /** The set of all corridors as a bit mask (0 when there are none). */
  public int all() {
    return (1 << corridors.size()) - 1;
  }

  /**
   * The corridors a node belongs to, as a bit mask; 0 for a neutral node (or when there are no
   * corridors).
   */
  public int mask(int node) {
    return node < nodeMask.length ? nodeMask[node] : 0;
  }

  /**
   * The label of a route whose corridor set is {@code set}: the label the corridors in it share, or
   * empty when they differ (a route that touches no corridor-only node) or the set is empty.
   */
  public Optional<String> label(int set) {
    String label = null;
    for (int i = 0; i < corridors.size(); i++) {
      if ((set & (1 << i)) != 0) {
        String l = corridors.get(i).label();
        if (label != null && !label.equals(l)) {
          return Optional.empty();
        }
        label = l;
      }
    }
    return Optional.ofNullable(label);
  }
}
