package org.caravan.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.caravan.network.Mode;
import org.caravan.network.Passage;
import org.caravan.routing.CargoClass;
import org.caravan.routing.Objective;

/**
 * The words a user may choose from, each list read from its engine enum, so the CLI help, the error
 * messages, the web form (through {@code openapi.json}, which a test holds to these lists) and the
 * API agree.
 */
public final class Choices {
  /** Sea passages a route can avoid. */
  public static final List<String> PASSAGES = codes(Passage.values(), Passage::code);

  /** Transport modes. */
  public static final List<String> MODES = codes(Mode.values(), Mode::code);

  /** Cargo classes. */
  public static final List<String> CARGO_CLASSES = codes(CargoClass.values(), CargoClass::code);

  /** What routes are optimised for. */
  public static final List<String> OBJECTIVES = codes(Objective.values(), Objective::code);

  private Choices() {}

  /** {@code a, b or c}: a list as a message names it. */
  public static String orList(List<String> words) {
    if (words.size() < 2) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
  }

  private static <E> List<String> codes(E[] values, Function<E, String> code) {
    return Arrays.stream(values).map(code).toList();
  }
}
