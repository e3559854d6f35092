package org.caravan.emissions;

import java.util.Optional;

/**
 * A transport operation category (TOC) or hub operation category (HOC) and the factor it takes from
 * the factor table; one row of {@code data/emissions/categories.csv}.
 *
 * @param method {@code intensity} (g per tkm, WTT and TTW rows), {@code electric} (kWh per tkm
 *     times the grids), {@code rail-ferry} (a ship's per-tonne factor charged on cargo plus wagon
 *     and container tare) or {@code per-teu} (hubs)
 * @param factorId id of the factor row(s) used for the central value
 * @param lowId factor for the low end of the range (the central factor when none is published)
 * @param highId factor for the high end of the range (the central factor when none is published)
 * @param dafId id of the distance adjustment factor; empty for hubs
 * @param factorBasis the distance basis the factor was published on: a DAF is applied only to an
 *     SFD leg distance when the factor assumes actual distances (ISO 14083 5.4.4)
 */
public record Category(
    String id,
    boolean hub,
    String method,
    String factorId,
    String lowId,
    String highId,
    Optional<String> dafId,
    DistanceBasis factorBasis,
    String note) {}
