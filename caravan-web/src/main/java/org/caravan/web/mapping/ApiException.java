package org.caravan.web.mapping;

import org.caravan.web.dto.Problem;

/**
 * A request the API refuses, with the problem document to send back. Its status is the HTTP status.
 */
public final class ApiException extends RuntimeException {
  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }
}
