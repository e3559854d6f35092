package org.caravan.emissions;

import java.util.Optional;

/**
 * A transport operation category (TOC) or hub operation category (HOC) and the factor it takes
 * from the factor table; one row of {@code data/emissions/categories.csv}.
 *
 * @param method {@code intensity} (g per tkm, WTT and TTW rows), {@code electric} (kWh per tkm
 *     times the grids) or {@code per-teu} (hubs)
 * @param factorId id of the factor row(s) used
 * @param dafId id of the distance adjustment factor; empty for hubs
 */
public record Category(
    String id, boolean hub, String method, String factorId, Optional<String> dafId, String note) {}
