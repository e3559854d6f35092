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
  EmissionModel NONE =
      new EmissionModel() {
        @Override
        public double linkCo2e_g(Network network, int link, double mass_t) {
          return 0;
        }

        @Override
        public double hubCo2e_g(Network network, int node, double teu) {
          return 0;
        }
      };
}
