package org.caravan.network;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The editable form of a whole network, as read from (or written to) the five network files, with
 * the file and line each row came from. {@link Network#build(NetworkSpec)} validates it and
 * compiles the compact form.
 *
 * @param origins where each row (key {@code table/id}) or overridden cell (key {@code
 *     table/id#field}) was read
 */
public record NetworkSpec(
    List<SourceSpec> sources,
    List<NodeSpec> nodes,
    List<LinkSpec> links,
    List<TransferSpec> transfers,
    List<ServiceSpec> services,
    Map<String, Origin> origins) {

  public NetworkSpec {
    sources = List.copyOf(sources);
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    transfers = List.copyOf(transfers);
    services = List.copyOf(services);
    origins = Map.copyOf(origins);
  }

  /** The origin of a field of a row, falling back to the row's origin. */
  public Origin origin(String table, String id, String field) {
    return Optional.ofNullable(origins.get(table + "/" + id + "#" + field))
        .or(() -> Optional.ofNullable(origins.get(table + "/" + id)))
        .orElse(Origin.UNKNOWN);
  }

  /**
   * The network as it runs today: planned nodes and links left out, with the services on those
   * links and the transfers at those nodes. Returns this spec when nothing is planned.
   */
  public NetworkSpec operational() {
    return operationalWith(Set.of());
  }

  /**
   * As {@link #operational()}, but keeping the planned links named in {@code keep} and the planned
   * nodes at their ends (with the services on those links and the transfers at those nodes):
   * today's network plus chosen planned infrastructure, e.g. the project a study variant adds.
   */
  public NetworkSpec operationalWith(Set<String> keep) {
    Set<String> keptNodes =
        links.stream()
            .filter(l -> keep.contains(l.id()))
            .flatMap(l -> Stream.of(l.from(), l.to()))
            .collect(Collectors.toSet());
    Set<String> plannedNodes =
        nodes.stream()
            .filter(n -> n.status() == Status.PLANNED && !keptNodes.contains(n.id()))
            .map(NodeSpec::id)
            .collect(Collectors.toSet());
    Set<String> plannedLinks =
        links.stream()
            .filter(l -> l.status() == Status.PLANNED && !keep.contains(l.id()))
            .map(LinkSpec::id)
            .collect(Collectors.toSet());
    if (plannedNodes.isEmpty() && plannedLinks.isEmpty()) {
      return this;
    }
    return new NetworkSpec(
        sources,
        nodes.stream().filter(n -> !plannedNodes.contains(n.id())).toList(),
        links.stream().filter(l -> !plannedLinks.contains(l.id())).toList(),
        transfers.stream().filter(t -> !plannedNodes.contains(t.node())).toList(),
        services.stream().filter(s -> !plannedLinks.contains(s.link())).toList(),
        origins);
  }

  /** The same network without file positions: what round-trip tests compare. */
  public NetworkSpec withoutOrigins() {
    return new NetworkSpec(sources, nodes, links, transfers, services, Map.of());
  }
}
