package org.caravan.routing;

import org.caravan.network.Network;

/**
 * What routing needs to know about emissions: the well-to-wheel CO2e of moving a load over a link
 * and of a transfer at a hub. Owned by routing and implemented by the scenario module with the ISO
 * 14083 calculator, so routing never depends on the emissions module. Called once per link per
 * query, not per label.
 */
public interface EmissionModel {
  /** Grams CO2e (WTW) to move {@code mass_t} tonnes over directed link {@code link}. */
  double linkCo2e_g(Network network, int link, double mass_t);

  /** Grams CO2e (WTW) for handling {@code teu} TEU once at a hub node (transfer, lift). */
  double hubCo2e_g(Network network, int node, double teu);

  /** No emissions: for tests and when the criterion is not wanted. */
  EmissionModel NONE = perTonneKm((network, link) -> 0, 0);

  /**
   * A fixed-intensity model: a link emits its intensity times tonnes times kilometres, a hub a
   * fixed amount per TEU handled. For benchmarks and tests that need a CO2e criterion without the
   * ISO 14083 calculator.
   */
  static EmissionModel perTonneKm(LinkIntensity intensity, double hub_g_per_teu) {
    return new PerTonneKm(intensity, hub_g_per_teu);
  }

  /** Grams CO2e per tonne-kilometre on a directed link. */
  @FunctionalInterface
  interface LinkIntensity {
    double g_per_tkm(Network network, int link);
  }

  /** The model {@link #perTonneKm} returns. */
  record PerTonneKm(LinkIntensity intensity, double hub_g_per_teu) implements EmissionModel {
    @Override
    public double linkCo2e_g(Network network, int link, double mass_t) {
      return intensity.g_per_tkm(network, link) * mass_t * network.distance_m(link) / 1000.0;
    }

    @Override
    public double hubCo2e_g(Network network, int node, double teu) {
      return hub_g_per_teu * teu;
    }
  }
}
