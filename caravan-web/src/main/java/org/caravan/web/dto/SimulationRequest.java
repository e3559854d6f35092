package org.caravan.web.dto;

import java.util.Optional;

/**
 * The body of {@code POST /api/simulations}: which scenario to simulate and the run settings that
 * override the scenario's own. Every field is optional; an empty body ({@code {}}) runs the
 * built-in default scenario as it is.
 *
 * @param scenarioYaml the text of a scenario file (docs/SIMULATION.md); empty runs the built-in
 *     {@code default-2024}
 * @param years measured horizon in years of 365 days, (0, 5]; empty keeps the scenario's {@code
 *     horizon_days}
 * @param replications 1 to 200; empty keeps the scenario's
 * @param seed any 64-bit integer; empty keeps the scenario's
 */
public record SimulationRequest(
    Optional<String> scenarioYaml,
    Optional<Double> years,
    Optional<Integer> replications,
    Optional<Long> seed) {}
