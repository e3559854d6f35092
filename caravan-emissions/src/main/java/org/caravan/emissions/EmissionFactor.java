package org.caravan.emissions;

/**
 * One row of the factor table ({@code data/emissions/factors.csv}): a published number with its
 * unit, scope, source and licence, so every result can say where its numbers came from.
 *
 * @param id factor id; a factor published with a WTT and a TTW part has one row per scope
 * @param kind transport, energy, loss, grid, hub, teu-mass, daf or fuel
 * @param value the number as published, in {@code unit}
 * @param scope WTT or TTW for emission factors; empty for parameters (energy, masses, ratios)
 * @param sourceRef row id, commit or DOI inside the source
 * @param confidence A (publisher's own data) to D (our derivation), as in the project reference
 */
public record EmissionFactor(
    String id,
    String kind,
    double value,
    String unit,
    java.util.Optional<Scope> scope,
    String source,
    String sourceRef,
    int year,
    String licence,
    String confidence,
    String note) {}
