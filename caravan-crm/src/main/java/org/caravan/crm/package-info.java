/**
 * Critical raw materials (CRM): the cited flow dataset of Central Asian materials on the EU list
 * (Regulation (EU) 2024/1252) plus uranium, and the supply-risk view over it.
 *
 * <p>Design. {@link org.caravan.crm.CrmDataset} reads {@code data/crm/} and checks every id against
 * the network, naming file, line and field of each problem. Cargo rules are not a second mechanism:
 * a material carries a routing cargo class and UN class, and {@code data/routing/cargo-rules.csv}
 * decides which links refuse it; the CRM overlay ({@link org.caravan.crm.CrmNetwork}) adds the
 * chartered-vessel links the class-7 chain needs. {@link org.caravan.crm.RiskAnalysis} routes each
 * flow with the router (least-cost allowed route, quotas on chokepoints), measures tonnes per
 * chokepoint and their Herfindahl–Hirschman concentration, and re-routes on a network where a
 * disruption's links, nodes and passages are closed (a wrapper around the cargo rules, so the
 * network is never rebuilt). Depends on network and routing only; the application layer wires
 * emissions.
 */
package org.caravan.crm;
