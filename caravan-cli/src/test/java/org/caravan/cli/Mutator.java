package org.caravan.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Breaks real input files the way users and attackers do: cells replaced by hostile values (NaN,
 * 1e400, quotes, control characters, huge strings, path tricks), lines deleted, duplicated or
 * swapped, text cut off, a byte order mark added, columns removed. Driven by a seed that jqwik
 * generates, so a failure names the seed that reproduces it.
 */
final class Mutator {
  static final List<String> HOSTILE =
      List.of(
          "",
          " ",
          "NaN",
          "nan",
          "Infinity",
          "-Infinity",
          "1e400",
          "-1e400",
          "1e308",
          "4.9e-324",
          "-1",
          "0",
          "-0",
          "99999999999999999999",
          "0x10",
          "1,5",
          "\"",
          "\"\"",
          "a\"b",
          ";;;",
          "\u2603",
          "\u0000",
          "\u202e",
          "\ufeff",
          "\r\n",
          "%00",
          "9".repeat(400),
          "1e-400",
          "-0.0",
          "+1",
          "\uff11\uff12",
          "${jndi:ldap://x}",
          "\t",
          "CNXIA",
          "DEDUI",
          "AZBAK",
          "KZAAU",
          "rail",
          "ferry",
          "sea",
          "road",
          "true",
          "false",
          "1435",
          "1520",
          "KZ",
          "XX",
          "x".repeat(5000),
          "../../etc/passwd",
          "=cmd|' /C calc'!A0",
          "2026-02-30",
          "-5",
          "1e10",
          "100000000",
          "0.01",
          ".nan",
          ".inf",
          "[]",
          "{}",
          "~",
          "null",
          "&a",
          "*a",
          "!!binary AAAA",
          "'x'",
          "- a",
          "{a: [b, {c: d}]}",
          "?",
          "%",
          "#",
          "|",
          ">");

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

  /**
   * Applies 1 to 6 mutations to CSV text (cells split on commas, which is wrong on purpose for
   * quoted cells).
   */
  String csv(String text) {
    return mutate(text, ',');
  }

  /** Applies 1 to 6 mutations to YAML text (values after {@code ": "} replaced). */
  String yaml(String text) {
    return mutate(text, ':');
  }

  static final List<String> JSON_VALUES =
      List.of(
          "1e400",
          "-1e400",
          "NaN",
          "Infinity",
          "null",
          "-1",
          "0",
          "1e10",
          "100000000",
          "0.01",
          "\"\"",
          "\"x\"",
          "[]",
          "{}",
          "[1,2]",
          "true",
          "\"1e400\"",
          "\"NaN\"",
          "1.5",
          "99999999999999999999999",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"\\ud800x.csv\"",
          "\"" + "y".repeat(3000) + "\"",
          "\"2026-02-30\"",
          "{\"a\":1}");

  /**
   * Applies 1 to 4 mutations to a JSON document: values replaced by hostile ones, text cut, bytes
   * inserted.
   */
  String json(String text) {
    String out = text;
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(6)) {
        case 0, 1, 2 -> {
          int colon = nth(out, ':');
          if (colon >= 0) {
            int end = colon + 1;
            int depth = 0;
            while (end < out.length()) {
              char c = out.charAt(end);
              if ((c == ',' || c == '}' || c == ']') && depth == 0) {
                break;
              }
              depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
              end++;
            }
            out =
                out.substring(0, colon + 1)
                    + JSON_VALUES.get(random.nextInt(JSON_VALUES.size()))
                    + out.substring(end);
          }
        }
        case 3 -> out = out.substring(0, random.nextInt(out.length() + 1));
        case 4 -> {
          int at = random.nextInt(out.length() + 1);
          out = out.substring(0, at) + hostile() + out.substring(at);
        }
        default -> {
          int colon = nth(out, ':');
          if (colon > 0) {
            out =
                out.substring(0, colon) + "_x\"" + out.substring(colon); // an unknown or broken key
          }
        }
      }
    }
    return out;
  }

  private int nth(String s, char c) {
    int count = (int) s.chars().filter(x -> x == c).count();
    if (count == 0) {
      return -1;
    }
    int k = random.nextInt(count);
    int at = -1;
    for (int i = 0; i <= k; i++) {
      at = s.indexOf(c, at + 1);
    }
    return at;
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
        case 8 ->
            lines.set(
                at,
                " ".repeat(random.nextInt(4)) + lines.get(at) + (random.nextBoolean() ? "\r" : ""));
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
