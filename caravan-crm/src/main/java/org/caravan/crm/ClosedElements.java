package org.caravan.crm;

import java.util.BitSet;
import org.caravan.network.Network;
import org.caravan.routing.CargoClass;
import org.caravan.routing.CargoRules;

/**
 * Cargo rules with some links closed to every cargo: how a disruption (or a used-up quota) removes
 * links and nodes without rebuilding the network. Everything else is decided by the wrapped rules,
 * so the cargo-class table stays the one home of which cargo may use which link.
 */
final class ClosedElements implements CargoRules {
  private final CargoRules base;
  private final BitSet closed;
  private final String why;

  ClosedElements(CargoRules base, BitSet closed, String why) {
    this.base = base;
    this.closed = (BitSet) closed.clone();
    this.why = why;
  }

  @Override
  public boolean refuses(Network network, int link, CargoClass cargo, int unClass) {
    return closed.get(link) || base.refuses(network, link, cargo, unClass);
  }

  @Override
  public String reason(Network network, int link, CargoClass cargo, int unClass) {
    return closed.get(link) ? why : base.reason(network, link, cargo, unClass);
  }
}
