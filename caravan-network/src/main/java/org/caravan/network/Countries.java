package org.caravan.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which country a point lies in, and which countries a straight road leg crosses, from the Natural
 * Earth 1:110m country polygons (public domain; {@code data/geo/countries.geojson}, written by
 * {@code tools/network/countries.py}). Point-in-polygon tests use JTS prepared geometries behind an
 * STR-tree of their envelopes. At 1:110m a border is good to some kilometres, which is enough to
 * tell the countries of a road leg of tens to hundreds of kilometres; a point on water or just off
 * a generalised coast belongs to no polygon. Immutable after loading; safe to share.
 */
public final class Countries {
  /** Classpath location of the default polygons. */
  public static final String DEFAULT_RESOURCE = "org/caravan/network/geo/countries.geojson";

  /**
   * Spacing of the samples along a leg, km: finer than the narrowest stretch of country a road leg
   * may cross.
   */
  public static final double SAMPLE_KM = 2.0;

  /**
   * A country crossed between the leg's first and last country for less than this many kilometres
   * is taken as an artefact of the 1:110m generalisation (borders there are off by up to about 10
   * km) and dropped: a straight line from Tashkent to a terminal south-west of it would otherwise
   * clip Kazakhstan.
   */
  public static final double MIN_CROSSING_KM = 10.0;

  private final STRtree index = new STRtree();
  private final int size;

  private record Entry(String code, PreparedGeometry shape) {}

  /**
   * The countries a leg crosses, in travel order, with the kilometres in each (summing to the leg's
   * length).
   */
  public record Crossing(List<String> countries, Map<String, Double> km) {
    public Crossing {
      countries = List.copyOf(countries);
      km = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(km));
    }
  }

  private Countries(List<Entry> entries) {
    for (Entry e : entries) {
      index.insert(e.shape().getGeometry().getEnvelopeInternal(), e);
    }
    index.build();
    size = entries.size();
  }

  /** The polygons packed in the jar. */
  public static Countries loadDefault() {
    try (InputStream in = Countries.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + DEFAULT_RESOURCE + " is missing from the class path");
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features whose property {@code
   * iso_a2} (or {@code ISO_A2}) is the country code.
   */
  public static Countries parse(JsonNode featureCollection) {
    GeometryFactory gf = new GeometryFactory();
    List<Entry> entries = new ArrayList<>();
    for (JsonNode f : featureCollection.path("features")) {
      JsonNode props = f.path("properties");
      String code =
          props.has("iso_a2") ? props.path("iso_a2").asText() : props.path("ISO_A2").asText();
      JsonNode g = f.path("geometry");
      List<Polygon> polygons = new ArrayList<>();
      if ("Polygon".equals(g.path("type").asText())) {
        polygons.add(polygon(gf, g.path("coordinates")));
      } else if ("MultiPolygon".equals(g.path("type").asText())) {
        for (JsonNode p : g.path("coordinates")) {
          polygons.add(polygon(gf, p));
        }
      }
      if (code.matches("[A-Z]{2}") && !polygons.isEmpty()) {
        Geometry shape = gf.createMultiPolygon(polygons.toArray(Polygon[]::new));
        entries.add(new Entry(code, PreparedGeometryFactory.prepare(shape)));
      }
    }
    return new Countries(entries);
  }

  private static Polygon polygon(GeometryFactory gf, JsonNode rings) {
    LinearRing shell = ring(gf, rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(gf, rings.get(i));
    }
    return gf.createPolygon(shell, holes);
  }

  private static LinearRing ring(GeometryFactory gf, JsonNode pts) {
    Coordinate[] cs = new Coordinate[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      cs[i] = new Coordinate(pts.get(i).get(0).asDouble(), pts.get(i).get(1).asDouble());
    }
    return gf.createLinearRing(cs);
  }

  /** Number of countries loaded. */
  public int size() {
    return size;
  }

  /**
   * The country (ISO 3166-1 alpha-2) containing a point, or empty on water or outside the polygons.
   */
  public Optional<String> at(double lat, double lon) {
    Point p = new GeometryFactory().createPoint(new Coordinate(lon, lat));
    @SuppressWarnings("unchecked")
    List<Entry> hits = index.query(p.getEnvelopeInternal());
    for (Entry e : hits) {
      if (e.shape().covers(p)) {
        return Optional.of(e.code());
      }
    }
    return Optional.empty();
  }

  /**
   * The countries a straight leg crosses, sampled every {@link #SAMPLE_KM} or finer. Samples on
   * water or off a generalised coast count for the country before them (or, at the start, the first
   * country found); a third country crossed for less than {@link #MIN_CROSSING_KM} is dropped; a
   * leg that touches no polygon at all crosses no known country (empty lists).
   *
   * @param length_km length to distribute over the countries (the road length, longer than the
   *     straight line)
   */
  public Crossing along(double lat0, double lon0, double lat1, double lon1, double length_km) {
    double straight = Geo.km(lat0, lon0, lat1, lon1);
    int n = Math.max(1, (int) Math.ceil(straight / SAMPLE_KM));
    List<String> seq = new ArrayList<>(n + 1);
    for (int i = 0; i <= n; i++) {
      double f = (double) i / n;
      seq.add(at(lat0 + f * (lat1 - lat0), lon0 + f * (lon1 - lon0)).orElse(null));
    }
    String last = seq.stream().filter(c -> c != null).findFirst().orElse(null);
    if (last == null) {
      return new Crossing(List.of(), Map.of());
    }
    String first = last;
    String end = null;
    for (int i = seq.size() - 1; i >= 0 && end == null; i--) {
      end = seq.get(i);
    }
    double per = length_km / (n + 1);
    double step = straight / (n + 1);
    Map<String, Double> straightKm = new LinkedHashMap<>();
    for (String c : seq) {
      if (c != null) {
        straightKm.merge(c, step, Double::sum);
      }
    }
    List<String> order = new ArrayList<>();
    Map<String, Double> km = new LinkedHashMap<>();
    for (String c : seq) {
      String code = c == null ? last : c;
      if (!code.equals(first) && !code.equals(end) && straightKm.get(code) < MIN_CROSSING_KM) {
        code = last; // a sliver of a third country: generalisation artefact
      }
      if (!order.contains(code)) {
        order.add(code);
      }
      km.merge(code, per, Double::sum);
      last = code;
    }
    return new Crossing(order, km);
  }
}
