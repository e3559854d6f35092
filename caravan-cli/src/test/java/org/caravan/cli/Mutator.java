package org.caravan.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Breaks real input files the way users and attackers do: cells replaced by hostile values (NaN, 1e400,
 * quotes, control characters, huge strings, path tricks), lines deleted, duplicated or swapped, text cut
 * off, a byte order mark added, columns removed. Driven by a seed that jqwik generates, so a failure names
 * the seed that reproduces it.
 */
final class Mutator {
  static final List<String> HOSTILE = List.of("", " ", "NaN", "nan", "Infinity", "-Infinity", "1e400", "-1e400",
      "1e308", "4.9e-324", "-1", "0", "-0", "99999999999999999999", "0x10", "1,5", "\"", "\"\"", "a\"b", ";;;",
      "\u2603", "\u0000", "\u202e", "\t", "CNXIA", "DEDUI", "AZBAK", "KZAAU", "rail", "ferry", "sea", "road",
      "true", "false", "1435", "1520", "KZ", "XX", "x".repeat(5000), "../../etc/passwd", "=cmd|' /C calc'!A0",
      "2026-02-30", "-5", "1e10", "100000000", "0.01", ".nan", ".inf", "[]", "{}", "~", "null", "&a", "*a",
      "!!binary AAAA", "'x'", "- a", "{a: [b, {c: d}]}", "?", "%", "#", "|", ">");

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  String hostile() {
    return HOSTILE.get(random.nextInt(HOSTILE.size()));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Applies 1 to 6 mutations to CSV text (cells split on commas, which is wrong on purpose for quoted cells). */
  String csv(String text) {
    return mutate(text, ',');
  }

  /** Applies 1 to 6 mutations to YAML text (values after {@code ": "} replaced). */
  String yaml(String text) {
    return mutate(text, ':');
  }

  private String mutate(String text, char sep) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(10)) {
        case 0, 1, 2, 3 -> lines.set(at, replaceCell(lines.get(at), sep));
        case 4 -> lines.remove(at);
        case 5 -> lines.add(at, lines.get(at));
        case 6 -> {
          int other = random.nextInt(lines.size());
          String t = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, t);
        }
        case 7 -> {
          String l = lines.get(at);
          lines.set(at, l.substring(0, random.nextInt(l.length() + 1)));
        }
        case 8 -> lines.set(at, " ".repeat(random.nextInt(4)) + lines.get(at) + (random.nextBoolean() ? "\r" : ""));
        default -> lines.add(at, hostile());
      }
    }
    String out = String.join("\n", lines);
    if (random.nextInt(10) == 0) {
      out = "\uFEFF" + out;
    }
    if (random.nextInt(10) == 0) {
      out = out.substring(0, random.nextInt(out.length() + 1));
    }
    return out;
  }

  private String replaceCell(String line, char sep) {
    if (sep == ':') {
      int c = line.indexOf(": ");
      return c < 0 ? line + ": " + hostile() : line.substring(0, c + 2) + hostile();
    }
    String[] cells = line.split(",", -1);
    cells[random.nextInt(cells.length)] = hostile();
    return String.join(",", cells);
  }
}
