package org.caravan.scenario;

/**
 * What kind of user error a {@link UserException} is; front ends map it to their own words (the
 * CLI's exit code 1, the API's RFC 9457 problem type).
 */
public enum ErrorCode {
  /** A field's value is missing, malformed, out of range or in conflict with another field. */
  INVALID_VALUE,
  /** A place name, alias or UN/LOCODE that is not on the network. */
  UNKNOWN_PLACE,
  /** The request is valid but no route satisfies it. */
  NO_ROUTE,
  /** A scenario file or text that cannot be loaded. */
  INVALID_SCENARIO,
  /** Network files (built-in or overlays) with problems. */
  INVALID_NETWORK,
  /** A request body or file that is not valid JSON. */
  MALFORMED_JSON,
  /** A transport chain with an invalid leg or field. */
  INVALID_CHAIN,
  /** A transport chain that reads well but cannot be computed (e.g. a factor out of its range). */
  UNCOMPUTABLE_CHAIN,
  /** The program cannot do what is asked in this environment (e.g. a port already taken). */
  UNAVAILABLE
}
