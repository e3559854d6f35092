package org.caravan.network.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.network.NodeSpec;

/**
 * The network as a GeoJSON FeatureCollection (RFC 7946): nodes as Points, link rows as LineStrings
 * between their end nodes, with the attributes a map layer styles on (kind, mode, gauge, ...).
 * Coordinates are {@code [lon, lat]}.
 */
public final class GeoJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJson() {}

  public static ObjectNode export(Network network) {
    return export(network, row -> java.util.Optional.empty());
  }

  /**
   * As {@link #export(Network)}, with the line of some link rows given by the caller (sea links
   * along their lanes) as {@code lon0, lat0, lon1, lat1, ...}; other rows are straight lines
   * between their end nodes.
   */
  public static ObjectNode export(
      Network network, java.util.function.IntFunction<java.util.Optional<double[]>> rowGeometry) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (NodeSpec n : network.spec().nodes()) {
      ObjectNode f = feature(features);
      ObjectNode g = f.putObject("geometry");
      g.put("type", "Point");
      g.putArray("coordinates").add(n.lon()).add(n.lat());
      ObjectNode p = f.putObject("properties");
      p.put("feature", "node");
      p.put("id", n.id());
      p.put("name", n.name());
      p.put("kind", n.kind().code());
      p.put("country", n.country());
      ArrayNode aliases = p.putArray("aliases");
      n.aliases().forEach(aliases::add);
    }
    for (int row = 0; row < network.spec().links().size(); row++) {
      LinkSpec l = network.spec().links().get(row);
      NodeSpec a = network.node(network.getNode(l.from()));
      NodeSpec b = network.node(network.getNode(l.to()));
      ObjectNode f = feature(features);
      ObjectNode g = f.putObject("geometry");
      g.put("type", "LineString");
      ArrayNode coords = g.putArray("coordinates");
      java.util.Optional<double[]> lane = rowGeometry.apply(row);
      if (lane.isPresent() && lane.get().length >= 4) {
        double[] c = lane.get();
        for (int i = 0; i + 1 < c.length; i += 2) {
          coords.addArray().add(Math.round(c[i] * 1e5) / 1e5).add(Math.round(c[i + 1] * 1e5) / 1e5);
        }
      } else {
        coords.addArray().add(a.lon()).add(a.lat());
        coords.addArray().add(b.lon()).add(b.lat());
      }
      ObjectNode p = f.putObject("properties");
      p.put("feature", "link");
      p.put("id", l.id());
      p.put("from", l.from());
      p.put("to", l.to());
      p.put("mode", l.mode().code());
      if (l.gauge_mm() != 0) {
        p.put("gauge", l.gauge_mm());
      }
      p.put("distance_km", l.distance_km());
      p.put("duration_h", l.duration_h());
      p.put("directed", l.directed());
      ArrayNode countries = p.putArray("countries");
      l.countries().forEach(countries::add);
      p.put("toc", l.toc());
    }
    return fc;
  }

  private static ObjectNode feature(ArrayNode features) {
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    return f;
  }
}
