package org.caravan.emissions;

/**
 * One transport chain element (ISO 14083): a transport operation or a hub operation. A chain is a
 * list of them in travel order; its emissions are the sum of its elements'.
 */
public sealed interface ChainElement permits TransportLeg, HubOperation {
  /** A short name for messages and reports, e.g. "Aktau-Alat" or "line 4". */
  String label();
}
