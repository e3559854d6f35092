package org.caravan.network;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds nodes by id (UN/LOCODE), name or alias, forgiving case, accents, punctuation and small
 * typos: {@code Xian}, {@code Xi'an} and {@code CNXIA} find the same node. Immutable and
 * thread-safe.
 */
public final class PlaceIndex {
  private static final int EXACT_ID = 1000;
  private static final int EXACT_NAME = 900;
  private static final int EXACT_ALIAS = 850;
  private static final int PREFIX = 600;
  private static final int SUBSTRING = 400;
  private static final int FUZZY = 200;

  private final Network network;
  private final String[][] keys; // per node: normalized id, name, aliases...

  public PlaceIndex(Network network) {
    this.network = network;
    this.keys = new String[network.nodeCount()][];
    for (int i = 0; i < network.nodeCount(); i++) {
      NodeSpec n = network.node(i);
      List<String> k = new ArrayList<>();
      k.add(normalize(n.id()));
      k.add(normalize(n.name()));
      n.aliases().forEach(a -> k.add(normalize(a)));
      keys[i] = k.toArray(String[]::new);
    }
  }

  /** A node that matched a query, with a score (higher is better) and what it matched on. */
  public record Match(
      int node, String id, String name, String country, NodeKind kind, int score, String matched) {}

  /** Best matches first; at most {@code limit}. Empty when nothing is even close. */
  public List<Match> search(String query, int limit) {
    String q = normalize(query);
    List<Match> matches = new ArrayList<>();
    if (q.isEmpty()) {
      return matches;
    }
    List<String> tokens = tokens(query);
    for (int i = 0; i < keys.length; i++) {
      int best = 0;
      String on = "";
      for (int k = 0; k < keys[i].length; k++) {
        int s = score(q, keys[i][k], k);
        if (tokens.size() > 1) {
          for (String token : tokens) {
            s =
                Math.max(
                    s,
                    score(token, keys[i][k], k) / 2); // one word of several matches: a weaker hint
          }
        }
        if (s > best) {
          best = s;
          on = k == 0 ? "id" : k == 1 ? "name" : "alias";
        }
      }
      if (best > 0) {
        NodeSpec n = network.node(i);
        matches.add(
            new Match(i, n.id(), n.name(), n.country(), n.kind(), best + kindBonus(n.kind()), on));
      }
    }
    matches.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::name));
    return matches.size() > limit ? matches.subList(0, limit) : matches;
  }

  /**
   * The {@code limit} nodes whose names are most similar to the query (relative edit distance),
   * whatever the distance: the suggestions of an "unknown place" error.
   */
  public List<Match> closest(String query, int limit) {
    String q = normalize(query);
    List<Match> all = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      double best = Double.MAX_VALUE;
      for (String key : keys[i]) {
        if (key.isEmpty()) {
          continue;
        }
        int len = Math.max(q.length(), key.length());
        double d = (double) boundedLevenshtein(q, key, len) / len;
        for (String token : tokens(query)) {
          int tl = Math.max(token.length(), key.length());
          d = Math.min(d, (double) boundedLevenshtein(token, key, tl) / tl);
        }
        best = Math.min(best, d);
      }
      NodeSpec n = network.node(i);
      all.add(
          new Match(
              i,
              n.id(),
              n.name(),
              n.country(),
              n.kind(),
              (int) Math.round(1000 * (1 - best)),
              "similar"));
    }
    all.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::name));
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** The node a query means: the best match when it is an exact id, name or alias match. */
  public Optional<Match> resolve(String query) {
    List<Match> best = search(query, 1);
    return best.isEmpty() || best.getFirst().score() < EXACT_ALIAS
        ? Optional.empty()
        : Optional.of(best.getFirst());
  }

  private static int score(String q, String key, int keyIndex) {
    if (key.isEmpty()) {
      return 0;
    }
    if (key.equals(q)) {
      return keyIndex == 0 ? EXACT_ID : keyIndex == 1 ? EXACT_NAME : EXACT_ALIAS;
    }
    if (key.startsWith(q)) {
      return PREFIX - Math.min(100, key.length() - q.length());
    }
    if (q.length() >= 3 && key.contains(q)) {
      return SUBSTRING - Math.min(100, key.length() - q.length());
    }
    int allowed = Math.max(1, q.length() / 4);
    int d = boundedLevenshtein(q, key, allowed);
    if (d <= allowed) {
      return FUZZY - 20 * d;
    }
    // a typo in a prefix: "duisbur" or "constanza" against a longer key
    if (q.length() >= 4 && key.length() > q.length()) {
      int dp = boundedLevenshtein(q, key.substring(0, q.length()), allowed);
      if (dp <= allowed) {
        return FUZZY - 50 - 20 * dp;
      }
    }
    return 0;
  }

  /** Terminals and ports first among equals: they are where freight starts and ends. */
  private static int kindBonus(NodeKind kind) {
    return switch (kind) {
      case TERMINAL, PORT -> 3;
      case CITY -> 2;
      case GAUGE_CHANGE -> 1;
      case BORDER -> 0;
    };
  }

  /** The words of a query, normalized, of at least 3 characters. */
  private static List<String> tokens(String query) {
    List<String> out = new ArrayList<>();
    for (String t : query.split("[\\s,;/()'-]+")) {
      String n = normalize(t);
      if (n.length() >= 3) {
        out.add(n);
      }
    }
    return out;
  }

  /** Lower case ASCII letters and digits only: accents stripped, punctuation and spaces dropped. */
  public static String normalize(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      switch (c) {
        case 'ł' -> b.append('l');
        case 'ı' -> b.append('i');
        case 'ø' -> b.append('o');
        case 'đ' -> b.append('d');
        case 'ß' -> b.append("ss");
        default -> {
          if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Edit distance with adjacent transpositions (optimal string alignment: "xain" is one edit from
   * "xian"), or {@code bound + 1} as soon as it must exceed {@code bound}.
   */
  static int boundedLevenshtein(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) > bound) {
      return bound + 1;
    }
    int[] prev2 = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        }
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > bound) {
        return bound + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
