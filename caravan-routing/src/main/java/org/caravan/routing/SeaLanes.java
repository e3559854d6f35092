package org.caravan.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caravan.network.Geo;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Sea lanes on the Eurostat maritime network (marnet, as shipped in {@code searoute-core} 3.6 under
 * EUPL-1.2): re-routes deep-sea links around avoided passages and gives every sea link its lane
 * geometry.
 *
 * <p>Design. The marnet GeoPackage (about 30,000 line segments at the 20 km resolution) is read
 * once into a compact undirected graph (vertices at segment ends, merged at 1e-6 degrees; edge
 * length the haversine sum along the segment; a passage bit per edge). Passages the file tags are
 * used as they are; the Bosporus, Dardanelles and Hormuz, which it does not tag, are tagged by
 * bounding boxes; the Arctic passages are never used. For a set of avoided passages, each sea link
 * whose own lane uses one of them is replaced by the shortest lane that avoids them (Dijkstra from
 * its snapped start), with duration and tariff scaled by the length ratio (a Caravan estimate: same
 * speed, same price per km). Results are computed per passage mask and cached by the router.
 * Caspian links lie outside marnet and keep their network values.
 */
public final class SeaLanes implements SeaLaneOverrides {
  private static final String RESOURCE = "marnet/marnet_plus_20km.gpkg";

  /** The packed marnet written at build time by {@link #main} (process-classes phase). */
  static final String PACKED = "/org/caravan/routing/marnet.bin";

  private static final int MAGIC = 0x4D524E31; // "MRN1"

  /**
   * A port farther than this from any lane vertex is not on marnet (the Caspian); Lianyungang is
   * 170 km off the nearest lane.
   */
  private static final double MAX_SNAP_KM = 250;

  private static final int ARCTIC = 1 << 30;

  private final double[] vLon;
  private final double[] vLat;
  private final int[] start; // CSR over undirected edges stored twice
  private final int[] target;
  private final int[] edge;
  private final double[] edgeKm;
  private final int[] edgePassages;
  private final double[][] edgeCoords; // lon,lat,... in the stored direction a -> b
  private final int[] edgeA;
  private final boolean[]
      mainComponent; // vertices of the largest connected piece: ports snap only to these

  private SeaLanes(
      double[] vLon,
      double[] vLat,
      int[] edgeA,
      int[] edgeB,
      double[] edgeKm,
      int[] edgePassages,
      double[][] coords) {
    this.vLon = vLon;
    this.vLat = vLat;
    this.edgeKm = edgeKm;
    this.edgePassages = edgePassages;
    this.edgeCoords = coords;
    this.edgeA = edgeA;
    int n = vLon.length;
    int m = edgeA.length;
    start = new int[n + 1];
    for (int e = 0; e < m; e++) {
      start[edgeA[e] + 1]++;
      start[edgeB[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    target = new int[2 * m];
    edge = new int[2 * m];
    int[] fill = Arrays.copyOf(start, n);
    for (int e = 0; e < m; e++) {
      target[fill[edgeA[e]]] = edgeB[e];
      edge[fill[edgeA[e]]++] = e;
      target[fill[edgeB[e]]] = edgeA[e];
      edge[fill[edgeB[e]]++] = e;
    }
    mainComponent = largestComponent();
  }

  /** Marnet has small pieces cut off from the oceans; a port snapped to one would find no lane. */
  private boolean[] largestComponent() {
    int n = vLon.length;
    int[] comp = new int[n];
    Arrays.fill(comp, -1);
    int best = -1;
    int bestSize = 0;
    int[] stack = new int[n];
    for (int root = 0, c = 0; root < n; root++) {
      if (comp[root] >= 0) {
        continue;
      }
      int size = 0;
      int top = 0;
      stack[top++] = root;
      comp[root] = c;
      while (top > 0) {
        int v = stack[--top];
        size++;
        for (int i = start[v]; i < start[v + 1]; i++) {
          if (comp[target[i]] < 0) {
            comp[target[i]] = c;
            stack[top++] = target[i];
          }
        }
      }
      if (size > bestSize) {
        bestSize = size;
        best = c;
      }
      c++;
    }
    boolean[] main = new boolean[n];
    for (int v = 0; v < n; v++) {
      main[v] = comp[v] == best;
    }
    return main;
  }

  /**
   * Loads marnet: the packed form made at build time ({@link #PACKED}, see {@link #main}) when it
   * is on the class path, else the GeoPackage from the searoute-core jar (through SQLite and JTS,
   * several times slower).
   */
  public static SeaLanes load() {
    try (InputStream packed = SeaLanes.class.getResourceAsStream(PACKED)) {
      if (packed != null) {
        return readPacked(packed.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return loadGeoPackage();
  }

  /** Loads marnet from the GeoPackage in the searoute-core jar. */
  static SeaLanes loadGeoPackage() {
    try (InputStream in = SeaLanes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE
                + " is not on the class path (dependency eu.europa.ec.eurostat:searoute-core:3.6)");
      }
      Path tmp = Files.createTempFile("caravan-marnet", ".gpkg");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        return read(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Build step: reads the GeoPackage and writes the packed form to {@code args[0]}. Format
   * (big-endian): magic {@code MRN1}, segment count m, m passage masks, m coordinate counts, then
   * every segment's lon,lat doubles in order. Same segments, same order, same values as the
   * GeoPackage, so both loads give identical lanes (tested).
   */
  public static void main(String[] args) throws IOException {
    List<double[]> lines = new ArrayList<>();
    IntArrayList passes = new IntArrayList();
    try (InputStream in = SeaLanes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      Path tmp = Files.createTempFile("caravan-marnet", ".gpkg");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        readLines(tmp, lines, passes);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    int doubles = lines.stream().mapToInt(l -> l.length).sum();
    ByteBuffer bb = ByteBuffer.allocate(8 + 8 * lines.size() + 8 * doubles);
    bb.putInt(MAGIC).putInt(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      bb.putInt(passes.getInt(i));
    }
    for (double[] l : lines) {
      bb.putInt(l.length);
    }
    for (double[] l : lines) {
      for (double d : l) {
        bb.putDouble(d);
      }
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, bb.array());
  }

  static SeaLanes readPacked(byte[] bytes) {
    ByteBuffer bb = ByteBuffer.wrap(bytes);
    if (bytes.length < 8 || bb.getInt() != MAGIC) {
      throw new IllegalStateException(PACKED + " is damaged (rebuild the project)");
    }
    int m = bb.getInt();
    int[] passes = new int[m];
    bb.asIntBuffer().get(passes);
    bb.position(bb.position() + 4 * m);
    int[] lengths = new int[m];
    bb.asIntBuffer().get(lengths);
    bb.position(bb.position() + 4 * m);
    DoubleBuffer db = bb.asDoubleBuffer();
    List<double[]> lines = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      double[] f = new double[lengths[i]];
      db.get(f);
      lines.add(f);
    }
    return fromLines(lines, passes);
  }

  static SeaLanes read(Path gpkg) {
    List<double[]> lines = new ArrayList<>();
    IntArrayList passes = new IntArrayList();
    readLines(gpkg, lines, passes);
    return fromLines(lines, passes.toIntArray());
  }

  private static void readLines(Path gpkg, List<double[]> lines, IntArrayList passes) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select geometry, pass from type")) {
      WKBReader wkb = new WKBReader();
      while (rs.next()) {
        byte[] blob = rs.getBytes(1);
        Geometry g = wkb.read(Arrays.copyOfRange(blob, headerLength(blob), blob.length));
        Coordinate[] cs = g.getCoordinates();
        double[] flat = new double[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
          flat[2 * i] = cs[i].x;
          flat[2 * i + 1] = cs[i].y;
        }
        lines.add(flat);
        passes.add(passageBits(rs.getString(2), flat));
      }
    } catch (SQLException | ParseException e) {
      throw new IllegalStateException("cannot read marnet " + gpkg + ": " + e.getMessage(), e);
    }
  }

  private static SeaLanes fromLines(List<double[]> lines, int[] passes) {
    Long2IntOpenHashMap index = new Long2IntOpenHashMap();
    index.defaultReturnValue(-1);
    List<double[]> vertices = new ArrayList<>();
    int m = lines.size();
    int[] a = new int[m];
    int[] b = new int[m];
    double[] km = new double[m];
    for (int e = 0; e < m; e++) {
      double[] f = lines.get(e);
      a[e] = vertex(index, vertices, f[0], f[1]);
      b[e] = vertex(index, vertices, f[f.length - 2], f[f.length - 1]);
      double sum = 0;
      for (int i = 2; i < f.length; i += 2) {
        sum += Geo.km(f[i - 1], f[i - 2], f[i + 1], f[i]);
      }
      km[e] = sum;
    }
    double[] lon = new double[vertices.size()];
    double[] lat = new double[vertices.size()];
    for (int i = 0; i < lon.length; i++) {
      lon[i] = vertices.get(i)[0];
      lat[i] = vertices.get(i)[1];
    }
    return new SeaLanes(lon, lat, a, b, km, passes, lines.toArray(double[][]::new));
  }

  /** GeoPackage binary header: 8 bytes plus an envelope whose size the flags give. */
  private static int headerLength(byte[] blob) {
    int envelope = (blob[3] >> 1) & 7;
    int[] sizes = {0, 32, 48, 48, 64};
    return 8 + (envelope < sizes.length ? sizes[envelope] : 0);
  }

  private static int vertex(
      Long2IntOpenHashMap index, List<double[]> vertices, double lon, double lat) {
    long key = (Math.round(lon * 1e6) << 32) ^ (Math.round(lat * 1e6) & 0xffffffffL);
    int v = index.get(key);
    if (v < 0) {
      v = vertices.size();
      vertices.add(new double[] {lon, lat});
      index.put(key, v);
    }
    return v;
  }

  /**
   * Passage bits of a segment: the file's tag, or a bounding box for the straits marnet leaves
   * untagged.
   */
  static int passageBits(String tag, double[] coords) {
    int bits = 0;
    if (tag != null) {
      switch (tag) {
        case "northeast", "northwest" -> bits |= ARCTIC;
        default -> bits |= Passage.parse(tag).map(Passage::bit).orElse(0);
      }
    }
    for (int i = 0; i < coords.length; i += 2) {
      double lon = coords[i];
      double lat = coords[i + 1];
      if (lat > 40.95 && lat < 41.3 && lon > 28.9 && lon < 29.2) {
        bits |= Passage.BOSPORUS.bit();
      }
      if (lat > 39.95 && lat < 40.5 && lon > 26.1 && lon < 26.8) {
        bits |= Passage.DARDANELLES.bit();
      }
      if (lat > 25.8 && lat < 27.0 && lon > 55.8 && lon < 57.2) {
        bits |= Passage.HORMUZ.bit();
      }
    }
    return bits;
  }

  public int vertexCount() {
    return vLon.length;
  }

  /** A lane between two points: its length, passages and points. */
  public record Lane(double distance_km, int passageMask, double[] coords) {}

  /**
   * The shortest lane between two points avoiding the passages in the mask; empty when there is
   * none.
   */
  public java.util.Optional<Lane> lane(
      double fromLon, double fromLat, double toLon, double toLat, int avoidMask) {
    int s = nearest(fromLon, fromLat);
    int t = nearest(toLon, toLat);
    double snapS = Geo.km(fromLat, fromLon, vLat[s], vLon[s]);
    double snapT = Geo.km(toLat, toLon, vLat[t], vLon[t]);
    if (snapS > MAX_SNAP_KM || snapT > MAX_SNAP_KM) {
      return java.util.Optional.empty();
    }
    int forbidden = avoidMask | ARCTIC;
    int n = vLon.length;
    double[] dist = new double[n];
    int[] viaEdge = new int[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(viaEdge, -1);
    java.util.PriorityQueue<double[]> pq =
        new java.util.PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
    dist[s] = 0;
    pq.add(new double[] {0, s});
    while (!pq.isEmpty()) {
      double[] top = pq.poll();
      int v = (int) top[1];
      if (top[0] > dist[v]) {
        continue;
      }
      if (v == t) {
        break;
      }
      for (int i = start[v]; i < start[v + 1]; i++) {
        int e = edge[i];
        if ((edgePassages[e] & forbidden) != 0) {
          continue;
        }
        int w = target[i];
        double nd = top[0] + edgeKm[e];
        if (nd < dist[w]) {
          dist[w] = nd;
          viaEdge[w] = e;
          pq.add(new double[] {nd, w});
        }
      }
    }
    if (Double.isInfinite(dist[t])) {
      return java.util.Optional.empty();
    }
    // walk back, collecting points and passages
    List<double[]> pieces = new ArrayList<>();
    int mask = 0;
    for (int v = t; v != s; ) {
      int e = viaEdge[v];
      mask |= edgePassages[e] & ~ARCTIC;
      double[] f = edgeCoords[e];
      boolean forward = edgeA[e] != v; // stored a -> b; we arrived at v, so v is b when forward
      pieces.add(forward ? f : reverse(f));
      v = forward ? edgeA[e] : otherEnd(e, v);
    }
    java.util.Collections.reverse(pieces);
    int total = 4;
    for (double[] p : pieces) {
      total += p.length;
    }
    double[] coords = new double[total];
    int k = 0;
    coords[k++] = fromLon;
    coords[k++] = fromLat;
    for (double[] p : pieces) {
      System.arraycopy(p, 0, coords, k, p.length);
      k += p.length;
    }
    coords[k++] = toLon;
    coords[k] = toLat;
    return java.util.Optional.of(new Lane(dist[t] + snapS + snapT, mask, coords));
  }

  private int otherEnd(int e, int v) {
    for (int i = start[v]; i < start[v + 1]; i++) {
      if (edge[i] == e) {
        return target[i];
      }
    }
    throw new IllegalStateException("edge " + e + " does not touch " + v);
  }

  private static double[] reverse(double[] f) {
    double[] r = new double[f.length];
    for (int i = 0; i < f.length; i += 2) {
      r[f.length - 2 - i] = f[i];
      r[f.length - 1 - i] = f[i + 1];
    }
    return r;
  }

  private int nearest(double lon, double lat) {
    int best = 0;
    double bestKm = Double.MAX_VALUE;
    for (int v = 0; v < vLon.length; v++) {
      if (!mainComponent[v] || Math.abs(vLat[v] - lat) > 3) {
        continue;
      }
      double d = Geo.km(lat, lon, vLat[v], vLon[v]);
      if (d < bestKm) {
        bestKm = d;
        best = v;
      }
    }
    return best;
  }

  @Override
  public Result apply(Network network, int avoidMask) {
    Result r = Result.none(network.linkCount());
    for (int l = 0; l < network.linkCount(); l++) {
      if (network.linkMode(l) != Mode.SEA) {
        continue;
      }
      int from = network.linkFrom(l);
      int to = network.linkTo(l);
      boolean detour = (network.passageMask(l) & avoidMask) != 0;
      var lane =
          lane(
              network.lon(from),
              network.lat(from),
              network.lon(to),
              network.lat(to),
              detour ? avoidMask : 0);
      if (lane.isEmpty()) {
        continue; // not on marnet (Caspian) or no lane without the passages: the link keeps its
        // values
      }
      r.geometry()[l] = lane.get().coords();
      if (detour) {
        double ratio = lane.get().distance_km() * 1000 / network.distance_m(l);
        r.distance_m()[l] = Math.round(lane.get().distance_km() * 1000);
        r.duration_s()[l] = Math.round(network.duration_s(l) * ratio);
        r.tariff_cents()[l] = Math.round(network.tariff_cents(l) * ratio);
        r.passageMask()[l] = lane.get().passageMask();
      }
    }
    return r;
  }
}
