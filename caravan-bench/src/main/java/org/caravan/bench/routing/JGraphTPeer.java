package org.caravan.bench.routing;

import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The JGraphT peer: the same nodes and two directed edges per generated edge with the same travel
 * seconds, in JGraphT's default directed weighted graph, queried with its {@link
 * DijkstraShortestPath} (pairing heap, stops when the target is settled).
 */
public final class JGraphTPeer {
  private final Graph<Integer, DefaultWeightedEdge> graph;
  private final Integer[] vertex;
  private final DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra;

  public JGraphTPeer(RailGraph g) {
    graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    vertex = new Integer[g.nodeCount];
    for (int v = 0; v < g.nodeCount; v++) {
      vertex[v] = v;
      graph.addVertex(vertex[v]);
    }
    for (int e = 0; e < g.edgeCount; e++) {
      graph.setEdgeWeight(graph.addEdge(vertex[g.edgeA[e]], vertex[g.edgeB[e]]), g.seconds[e]);
      graph.setEdgeWeight(graph.addEdge(vertex[g.edgeB[e]], vertex[g.edgeA[e]]), g.seconds[e]);
    }
    dijkstra = new DijkstraShortestPath<>(graph);
  }

  /** Path weight in seconds, -1 when unreachable; builds the path as the other engines do. */
  public long route(int from, int to) {
    GraphPath<Integer, DefaultWeightedEdge> p = dijkstra.getPath(vertex[from], vertex[to]);
    return p == null ? -1 : Math.round(p.getWeight());
  }
}
