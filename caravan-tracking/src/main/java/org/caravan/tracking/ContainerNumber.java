package org.caravan.tracking;

import java.util.Locale;
import java.util.Optional;

/**
 * ISO 6346 container numbers: owner code (three letters), equipment category ({@code U} freight
 * container, {@code J} detachable equipment, {@code Z} trailer or chassis), six-digit serial and a
 * check digit.
 *
 * <p>Design. ISO 6346:2022 §6 and Annex A: each letter has a value from 10 to 38 that skips the
 * multiples of 11 (A=10, B=12, ..., K=21, L=23, ..., U=32, V=34, ..., Z=38), each digit its own
 * value; the ten values are weighted by {@code 2^i} (position {@code i} from 0), summed, and the
 * sum taken modulo 11 and then modulo 10 (a remainder of 10 gives check digit 0; the standard
 * advises owners not to issue such serials, but they occur and are valid).
 */
public final class ContainerNumber {
  private ContainerNumber() {}

  /** ISO 6346 letter values, A..Z: 10 upwards, skipping the multiples of 11. */
  private static final int[] LETTER = new int[26];

  static {
    int v = 10;
    for (int i = 0; i < 26; i++) {
      if (v % 11 == 0) {
        v++;
      }
      LETTER[i] = v++;
    }
  }

  /** The ISO 6346 value of an upper-case letter A..Z. */
  static int letterValue(char c) {
    return LETTER[c - 'A'];
  }

  /**
   * The check digit of the first ten characters (owner code, category, serial), or empty when they
   * are not four letters and six digits.
   */
  public static Optional<Integer> checkDigit(String first10) {
    if (first10.length() < 10) {
      return Optional.empty();
    }
    long sum = 0;
    for (int i = 0; i < 10; i++) {
      char c = first10.charAt(i);
      int v;
      if (i < 4) {
        if (c < 'A' || c > 'Z') {
          return Optional.empty();
        }
        v = letterValue(c);
      } else {
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
        v = c - '0';
      }
      sum += (long) v << i;
    }
    return Optional.of((int) (sum % 11 % 10));
  }

  /**
   * Spaces and hyphens removed, upper case: {@code "csqu 305438-3"} becomes {@code CSQU3054383}.
   */
  public static String normalise(String s) {
    return s.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
  }

  /**
   * Why a container number is not valid, or empty when it is: eleven characters, the fourth {@code
   * U}, {@code J} or {@code Z}, and the check digit right.
   */
  public static Optional<String> problem(String number) {
    String n = normalise(number);
    if (!n.matches("[A-Z]{3}[UJZ][0-9]{7}")) {
      return Optional.of(
          "'"
              + number
              + "' is not an ISO 6346 container number (3 letters, U/J/Z, 6 digits, check digit)");
    }
    int expected = checkDigit(n).orElseThrow();
    int given = n.charAt(10) - '0';
    if (expected != given) {
      return Optional.of(
          "container number " + n + " has check digit " + given + ", ISO 6346 gives " + expected);
    }
    return Optional.empty();
  }

  /** A valid number for an owner code (4 letters ending in U/J/Z) and a serial below 1,000,000. */
  public static String of(String ownerAndCategory, int serial) {
    String first10 = ownerAndCategory + String.format(Locale.ROOT, "%06d", serial);
    return first10 + checkDigit(first10).orElseThrow();
  }
}
