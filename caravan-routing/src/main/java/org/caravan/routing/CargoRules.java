package org.caravan.routing;

import org.caravan.network.Network;

/** Which links a cargo class may not use (a port, ferry or country that refuses a UN class). */
public interface CargoRules {
  /** True when a shipment of this class (and UN class, 0 if none) may not use the directed link. */
  boolean refuses(Network network, int link, CargoClass cargo, int unClass);

  /** Why the link is refused, for explanations; empty when it is not. */
  default String reason(Network network, int link, CargoClass cargo, int unClass) {
    return "";
  }

  CargoRules NONE = (network, link, cargo, unClass) -> false;
}
