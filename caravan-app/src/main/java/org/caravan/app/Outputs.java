package org.caravan.app;

import org.caravan.network.io.SafeOutput;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;

/**
 * Output-target errors ({@link SafeOutput}) as the user errors front ends render: field {@code
 * out}.
 */
final class Outputs {
  private Outputs() {}

  static UserException userError(SafeOutput.OutputException e) {
    return new UserException(ErrorCode.INVALID_VALUE, "out", e.getMessage());
  }
}
