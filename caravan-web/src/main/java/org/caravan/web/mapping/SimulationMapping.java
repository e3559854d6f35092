package org.caravan.web.mapping;

import java.math.BigDecimal;
import java.util.List;
import org.caravan.app.SimulationRuns;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioLimits;
import org.caravan.web.dto.Problem.FieldError;
import org.caravan.web.dto.SimulationRequest;

/**
 * {@link SimulationRequest} → a checked {@link Scenario}, with this server's limits on replications
 * and horizon. (The results document of a finished job is built by {@link
 * SimulationRuns#resultsDocument}.) Stateless.
 */
public final class SimulationMapping {
  /** Most replications one job may ask for. */
  public static final int MAX_REPLICATIONS = 200;

  /** Longest measured horizon one job may ask for, in years of 365 days. */
  public static final double MAX_YEARS = 5;

  /**
   * Largest job (estimated events, {@link ScenarioLimits#estimatedEvents}) this server starts:
   * 2·10^8, about ten seconds of one core, a fifth of the command line's limit, since two jobs
   * share the server.
   */
  public static final long MAX_EVENTS = 200_000_000L;

  /** Name of a scenario given as text without a {@code name} of its own. */
  public static final String UPLOADED = "uploaded";

  private SimulationMapping() {}

  /**
   * The scenario to run: the uploaded text or the built-in default, with the request's overrides
   * applied and the limits checked.
   *
   * @throws ApiException a 400 problem naming the field: a request field, or for a bad scenario the
   *     scenario's own field as the scenario loader names it (e.g. {@code
   *     demand.flows[1].teu_per_year})
   */
  public static Scenario toScenario(SimulationRequest r, SimulationRuns runs) {
    r.replications()
        .ifPresent(
            n -> {
              if (n < 1 || n > MAX_REPLICATIONS) {
                throw Problems.invalidField(
                    "replications",
                    "replications must be from 1 to " + MAX_REPLICATIONS + ", got " + n);
              }
            });
    r.years()
        .ifPresent(
            y -> {
              if (!(y > 0) || y > MAX_YEARS) {
                throw Problems.invalidField(
                    "years", "years must be > 0 and <= " + fmt(MAX_YEARS) + ", got " + fmt(y));
              }
            });
    Scenario sc;
    try {
      sc =
          r.scenarioYaml().isPresent()
              ? runs.parse(r.scenarioYaml().get(), UPLOADED)
              : runs.loadDefault();
    } catch (UserException e) {
      String field = e.field() == null ? "" : e.field();
      String detail = "scenario_yaml: " + e.getMessage();
      throw new ApiException(
          Problems.of(
              Problems.Type.INVALID_SCENARIO,
              detail,
              List.of(new FieldError(field, "/scenario_yaml", e.getMessage()))));
    }
    if (r.years().isPresent()) {
      sc = sc.withYears(r.years().get());
    }
    if (r.replications().isPresent()) {
      sc = sc.withReplications(r.replications().get());
    }
    if (r.seed().isPresent()) {
      sc = sc.withSeed(r.seed().get());
    }
    if (sc.replications() > MAX_REPLICATIONS) {
      throw Problems.invalidField(
          "replications",
          "the scenario asks for "
              + sc.replications()
              + " replications; at most "
              + MAX_REPLICATIONS
              + " run on this server (set replications)");
    }
    if (sc.horizonDays() > MAX_YEARS * 365 + 1e-9) {
      throw Problems.invalidField(
          "years",
          "the scenario's horizon is "
              + fmt(sc.horizonDays())
              + " days; at most "
              + fmt(MAX_YEARS)
              + " years ("
              + fmt(MAX_YEARS * 365)
              + " days) run on this server (set years)");
    }
    try {
      ScenarioLimits.checkCost(sc, MAX_EVENTS);
    } catch (UserException e) {
      throw new ApiException(
          Problems.of(
              Problems.Type.INVALID_SCENARIO,
              e.getMessage(),
              List.of(new FieldError("scenario_yaml", "/scenario_yaml", e.getMessage()))));
    }
    return sc;
  }

  private static String fmt(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
