package org.caravan.network;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A network could not be loaded or built: the files have user errors. Carries every problem found,
 * so a user fixes them in one pass; no partial network is ever returned alongside.
 */
public final class NetworkException extends RuntimeException {
  private final List<Problem> problems;

  public NetworkException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * The problems on one line, separated by "; ", for a user error: user errors are one line by
   * design (each front end prints them after a prefix), where {@link #getMessage} lists one problem
   * per line.
   */
  public String oneLine() {
    return head(problems)
        + ": "
        + problems.stream().map(Object::toString).collect(Collectors.joining("; "));
  }

  private static String head(List<Problem> problems) {
    return problems.size() == 1
        ? "1 problem in the network files"
        : problems.size() + " problems in the network files";
  }

  private static String summary(List<Problem> problems) {
    return head(problems)
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
