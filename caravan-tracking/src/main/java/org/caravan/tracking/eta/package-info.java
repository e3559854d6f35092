/**
 * Predicted arrival distributions for shipments in progress.
 *
 * <p>Design. {@link org.caravan.tracking.eta.EtaEngine} samples the segments still ahead of a
 * container (each a wait at its start and a run to its end, priors from the route planner) and
 * blends in recent observations of the same segments by other containers ({@link
 * org.caravan.tracking.eta.Observations}, sorted by completion time so a recent window is a binary
 * search) as the Dirichlet-process posterior predictive (Ferguson 1973). The module knows nothing
 * of the network or the router: the gateway builds the segments from the planner's route and the
 * observations from the stored events or, in the evaluation, from the simulation's traces.
 */
package org.caravan.tracking.eta;
