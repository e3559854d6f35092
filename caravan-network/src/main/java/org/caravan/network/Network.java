package org.caravan.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The immutable corridor network: nodes, directed links, transfers and schedules in compact form.
 *
 * <p>Nodes and links have dense {@code int} ids ({@code 0..nodeCount()-1}, {@code
 * 0..linkCount()-1}). Attributes are kept as struct-of-arrays in fixed-point units (metres,
 * seconds, US cents) and out-links as CSR adjacency ({@link #firstOut}/{@link #endOut}/{@link
 * #outLink}), so a search touches a few primitive arrays and allocates nothing per link. A file row
 * with {@code directed=false} becomes two links, {@code 2r} and {@code 2r+1} apart only in
 * direction. Built once by {@link #build} (which validates) and shared by every thread; no method
 * mutates it.
 */
public final class Network {
  private final NetworkSpec spec;

  // nodes
  private final String[] nodeId;
  private final NodeKind[] nodeKind;
  private final int[] nodeCountry;
  private final double[] lat;
  private final double[] lon;
  private final int[] dwell_s;
  private final int[] dwellSd_s;
  private final int[] dwellOut_s;
  private final int[] dwellOutSd_s;
  private final int[] handling_s;
  private final int[] handling_cents;
  private final Map<String, Integer> nodeIndex;

  // directed links
  private final int[] linkFrom;
  private final int[] linkTo;
  private final int[] linkRow;
  private final boolean[] linkReverse;
  private final Mode[] linkMode;
  private final byte[] linkClass;
  private final int[] distance_m;
  private final int[] duration_s;
  private final int[] durationSd_s;
  private final int[] tariff_cents;
  private final long[] countryMask;
  private final int[] passageMask;
  private final Schedule[] schedule;

  // CSR, forward and reverse
  private final int[] outStart;
  private final int[] outLinks;
  private final int[] inStart;
  private final int[] inLinks;

  // transfers: [node * C * C + from * C + to], -1 = not allowed
  private final int[] transfer_s;
  private final int[] transfer_cents;

  private final String[] countries;

  private Network(NetworkSpec spec, Compiled c) {
    this.spec = spec;
    this.nodeId = c.nodeId;
    this.nodeKind = c.nodeKind;
    this.nodeCountry = c.nodeCountry;
    this.lat = c.lat;
    this.lon = c.lon;
    this.dwell_s = c.dwell_s;
    this.dwellSd_s = c.dwellSd_s;
    this.dwellOut_s = c.dwellOut_s;
    this.dwellOutSd_s = c.dwellOutSd_s;
    this.handling_s = c.handling_s;
    this.handling_cents = c.handling_cents;
    this.nodeIndex = c.nodeIndex;
    this.linkFrom = c.linkFrom;
    this.linkTo = c.linkTo;
    this.linkRow = c.linkRow;
    this.linkReverse = c.linkReverse;
    this.linkMode = c.linkMode;
    this.linkClass = c.linkClass;
    this.distance_m = c.distance_m;
    this.duration_s = c.duration_s;
    this.durationSd_s = c.durationSd_s;
    this.tariff_cents = c.tariff_cents;
    this.countryMask = c.countryMask;
    this.passageMask = c.passageMask;
    this.schedule = c.schedule;
    this.outStart = c.outStart;
    this.outLinks = c.outLinks;
    this.inStart = c.inStart;
    this.inLinks = c.inLinks;
    this.transfer_s = c.transfer_s;
    this.transfer_cents = c.transfer_cents;
    this.countries = c.countries;
  }

  /**
   * Validates the spec and compiles it.
   *
   * @throws NetworkException listing every problem found, each with file, line and field
   */
  public static Network build(NetworkSpec spec) {
    return build(spec, BuildOptions.DEFAULT);
  }

  /**
   * Validates the whole spec (planned elements included), then compiles it; planned nodes and
   * links, and the services and transfers that belong to them, are left out unless {@code options}
   * includes them. The compiled network's {@link #spec()} is the part that was compiled.
   *
   * @throws NetworkException listing every problem found, each with file, line and field
   */
  public static Network build(NetworkSpec spec, BuildOptions options) {
    List<Problem> problems = new NetworkValidator(spec).validate();
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    NetworkSpec compiled = options.includePlanned() ? spec : spec.operational();
    if (compiled != spec) {
      problems = new NetworkValidator(compiled).validate();
      if (!problems.isEmpty()) {
        throw new NetworkException(problems);
      }
    }
    return new Network(compiled, new Compiled(compiled));
  }

  /** The editable form this network was built from. */
  public NetworkSpec spec() {
    return spec;
  }

  public int nodeCount() {
    return nodeId.length;
  }

  public int linkCount() {
    return linkFrom.length;
  }

  public String nodeId(int node) {
    return nodeId[node];
  }

  public NodeSpec node(int node) {
    return spec.nodes().get(node);
  }

  public NodeKind nodeKind(int node) {
    return nodeKind[node];
  }

  /** Country index of a node; see {@link #countryCode}. */
  public int nodeCountry(int node) {
    return nodeCountry[node];
  }

  public double lat(int node) {
    return lat[node];
  }

  public double lon(int node) {
    return lon[node];
  }

  /** Mean stop when passing through (border formalities, locomotive change), seconds. */
  public int dwell_s(int node) {
    return dwell_s[node];
  }

  public int dwellSd_s(int node) {
    return dwellSd_s[node];
  }

  /**
   * Whether a train at {@code node} going on to {@code next} leaves the node's country through a
   * border that has its own outbound stop ({@code dwell_out_h}; CPMM measures Kazakh rail crossings
   * at 7–11 h outbound against 54–78 h inbound, CPMM22KZ). The one home of the direction rule: the
   * router, the simulation's gates and the wait table all ask here.
   */
  public boolean outbound(int node, int next) {
    return dwellOut_s[node] >= 0 && nodeCountry[next] != nodeCountry[node];
  }

  /**
   * Mean stop passing {@code node} on the way to {@code next}, seconds: the outbound stop when the
   * train leaves the country there ({@link #outbound}), else {@link #dwell_s(int)}.
   */
  public int dwell_s(int node, int next) {
    return outbound(node, next) ? dwellOut_s[node] : dwell_s[node];
  }

  /** Standard deviation of {@link #dwell_s(int, int)}, seconds. */
  public int dwellSd_s(int node, int next) {
    return outbound(node, next) ? dwellOutSd_s[node] : dwellSd_s[node];
  }

  /** Time to load, unload or transship one container, seconds. */
  public int handling_s(int node) {
    return handling_s[node];
  }

  /** Cost to load, unload or transship one TEU, US cents. */
  public int handling_cents(int node) {
    return handling_cents[node];
  }

  /** The node with this exact id. */
  public OptionalInt findNode(String id) {
    Integer i = nodeIndex.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The node with this exact id; throws {@link IllegalArgumentException} when absent. */
  public int getNode(String id) {
    Integer i = nodeIndex.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no node " + id);
    }
    return i;
  }

  public int linkFrom(int link) {
    return linkFrom[link];
  }

  public int linkTo(int link) {
    return linkTo[link];
  }

  /** Index in {@code spec().links()} of the file row this directed link comes from. */
  public int linkRow(int link) {
    return linkRow[link];
  }

  /** The file row this directed link comes from. */
  public LinkSpec link(int link) {
    return spec.links().get(linkRow[link]);
  }

  public Mode linkMode(int link) {
    return linkMode[link];
  }

  /** Carrier class ordinal ({@link CarrierClass}). */
  public int linkClass(int link) {
    return linkClass[link];
  }

  public int distance_m(int link) {
    return distance_m[link];
  }

  /** Typical running or sailing time without waiting for a departure. */
  public int duration_s(int link) {
    return duration_s[link];
  }

  public int durationSd_s(int link) {
    return durationSd_s[link];
  }

  /** Price of one loaded TEU over the link, US cents (0 when the file gives none). */
  public int tariff_cents(int link) {
    return tariff_cents[link];
  }

  /** Bit {@code i} set when the link runs through country {@code i}. */
  public long countryMask(int link) {
    return countryMask[link];
  }

  /** {@link Passage} bits of the sea passages the link uses. */
  public int passageMask(int link) {
    return passageMask[link];
  }

  /**
   * The service's schedule, or {@code null} for a link usable at any time (hot path: no Optional).
   */
  public Schedule scheduleOrNull(int link) {
    return schedule[link];
  }

  /** First index into {@link #outLink} of the node's out-links. */
  public int firstOut(int node) {
    return outStart[node];
  }

  /** End (exclusive) index into {@link #outLink} of the node's out-links. */
  public int endOut(int node) {
    return outStart[node + 1];
  }

  public int outLink(int index) {
    return outLinks[index];
  }

  /**
   * First index into {@link #inLink} of the links arriving at the node (reverse CSR, for backward
   * searches).
   */
  public int firstIn(int node) {
    return inStart[node];
  }

  public int endIn(int node) {
    return inStart[node + 1];
  }

  public int inLink(int index) {
    return inLinks[index];
  }

  /**
   * Seconds to change from one carrier class to another at a node, or -1 when the node offers no
   * such transfer. Within one class it is 0, except {@code sea} to {@code sea}: a change of ship (a
   * transshipment at a hub), which only a port with a sea-sea transfer row offers.
   */
  public int transfer_s(int node, int fromClass, int toClass) {
    return transfer_s[(node * CarrierClass.COUNT + fromClass) * CarrierClass.COUNT + toClass];
  }

  /**
   * Cost in US cents per TEU of a transfer; meaningful only where {@link #transfer_s} is not -1.
   */
  public int transfer_cents(int node, int fromClass, int toClass) {
    return transfer_cents[(node * CarrierClass.COUNT + fromClass) * CarrierClass.COUNT + toClass];
  }

  public int countryCount() {
    return countries.length;
  }

  public String countryCode(int country) {
    return countries[country];
  }

  /** Index of an ISO alpha-2 country in this network, or empty when no node or link is in it. */
  public OptionalInt findCountry(String code) {
    int i = Arrays.asList(countries).indexOf(code);
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * The kilometres of a link (or of {@code length_km} of it) credited to each country it lists: an
   * even split, because the network files name a link's countries but not its length in each. The
   * one home of that rule: routing's kilometres per country and the emissions of electric rail
   * (grid mix by country) both use it.
   */
  public static double kmPerCountry(double length_km, List<String> countries) {
    return length_km / countries.size();
  }

  /** The countries of a link, in travel order of the file row (reversed for the reverse link). */
  public List<String> linkCountries(int link) {
    List<String> c = link(link).countries();
    if (isReverse(link)) {
      c = new ArrayList<>(c);
      java.util.Collections.reverse(c);
    }
    return c;
  }

  /**
   * True for the second link of a two-way row (it runs from the row's {@code to} to its {@code
   * from}).
   */
  public boolean isReverse(int link) {
    return linkReverse[link];
  }

  /** Compiles the arrays from a validated spec. */
  private static final class Compiled {
    final String[] nodeId;
    final NodeKind[] nodeKind;
    final int[] nodeCountry;
    final double[] lat;
    final double[] lon;
    final int[] dwell_s;
    final int[] dwellSd_s;
    final int[] dwellOut_s;
    final int[] dwellOutSd_s;
    final int[] handling_s;
    final int[] handling_cents;
    final Map<String, Integer> nodeIndex = new HashMap<>();
    final int[] linkFrom;
    final int[] linkTo;
    final int[] linkRow;
    final boolean[] linkReverse;
    final Mode[] linkMode;
    final byte[] linkClass;
    final int[] distance_m;
    final int[] duration_s;
    final int[] durationSd_s;
    final int[] tariff_cents;
    final long[] countryMask;
    final int[] passageMask;
    final Schedule[] schedule;
    final int[] outStart;
    final int[] outLinks;
    final int[] inStart;
    final int[] inLinks;
    final int[] transfer_s;
    final int[] transfer_cents;
    final String[] countries;

    Compiled(NetworkSpec spec) {
      List<NodeSpec> nodes = spec.nodes();
      int n = nodes.size();
      List<String> countryList = new ArrayList<>();
      Map<String, Integer> countryIndex = new HashMap<>();
      nodeId = new String[n];
      nodeKind = new NodeKind[n];
      nodeCountry = new int[n];
      lat = new double[n];
      lon = new double[n];
      dwell_s = new int[n];
      dwellSd_s = new int[n];
      dwellOut_s = new int[n];
      dwellOutSd_s = new int[n];
      handling_s = new int[n];
      handling_cents = new int[n];
      for (int i = 0; i < n; i++) {
        NodeSpec s = nodes.get(i);
        nodeId[i] = s.id();
        nodeIndex.put(s.id(), i);
        nodeKind[i] = s.kind();
        nodeCountry[i] =
            countryIndex.computeIfAbsent(
                s.country(),
                c -> {
                  countryList.add(c);
                  return countryList.size() - 1;
                });
        lat[i] = s.lat();
        lon[i] = s.lon();
        dwell_s[i] = hoursToSeconds(s.dwell_h());
        dwellSd_s[i] = hoursToSeconds(s.dwell_sd_h());
        // -1: no outbound stop of its own (the same stop both ways).
        dwellOut_s[i] = Double.isNaN(s.dwell_out_h()) ? -1 : hoursToSeconds(s.dwell_out_h());
        dwellOutSd_s[i] =
            Double.isNaN(s.dwell_out_h())
                ? dwellSd_s[i]
                : Double.isNaN(s.dwell_out_sd_h()) ? 0 : hoursToSeconds(s.dwell_out_sd_h());
        handling_s[i] = hoursToSeconds(s.handling_h());
        handling_cents[i] = usdToCents(s.handling_usd_teu());
      }
      for (LinkSpec l : spec.links()) {
        for (String c : l.countries()) {
          countryIndex.computeIfAbsent(
              c,
              k -> {
                countryList.add(k);
                return countryList.size() - 1;
              });
        }
      }
      countries = countryList.toArray(String[]::new);

      Map<String, Schedule> schedules = new HashMap<>();
      for (ServiceSpec s : spec.services()) {
        schedules.put(s.link(), toSchedule(s));
      }

      List<int[]> directed = new ArrayList<>(); // {row, reverse}
      for (int r = 0; r < spec.links().size(); r++) {
        directed.add(new int[] {r, 0});
        if (!spec.links().get(r).directed()) {
          directed.add(new int[] {r, 1});
        }
      }
      int m = directed.size();
      linkFrom = new int[m];
      linkTo = new int[m];
      linkRow = new int[m];
      linkReverse = new boolean[m];
      linkMode = new Mode[m];
      linkClass = new byte[m];
      distance_m = new int[m];
      duration_s = new int[m];
      durationSd_s = new int[m];
      tariff_cents = new int[m];
      countryMask = new long[m];
      passageMask = new int[m];
      schedule = new Schedule[m];
      for (int k = 0; k < m; k++) {
        int r = directed.get(k)[0];
        boolean reverse = directed.get(k)[1] == 1;
        LinkSpec l = spec.links().get(r);
        int a = nodeIndex.get(l.from());
        int b = nodeIndex.get(l.to());
        linkFrom[k] = reverse ? b : a;
        linkTo[k] = reverse ? a : b;
        linkRow[k] = r;
        linkReverse[k] = reverse;
        linkMode[k] = l.mode();
        linkClass[k] = (byte) CarrierClass.of(l.mode(), l.gauge_mm()).ordinal();
        distance_m[k] = (int) Math.round(l.distance_km() * 1000);
        duration_s[k] = hoursToSeconds(l.duration_h());
        durationSd_s[k] = hoursToSeconds(l.duration_sd_h());
        tariff_cents[k] = usdToCents(l.tariff_usd_teu());
        long mask = 0;
        for (String c : l.countries()) {
          mask |= 1L << countryIndex.get(c);
        }
        countryMask[k] = mask;
        int pm = 0;
        for (String p : l.passages()) {
          pm |= Passage.parse(p).orElseThrow().bit();
        }
        passageMask[k] = pm;
        schedule[k] = schedules.get(l.id());
      }

      outStart = new int[n + 1];
      outLinks = new int[m];
      csr(linkFrom, n, outStart, outLinks);
      inStart = new int[n + 1];
      inLinks = new int[m];
      csr(linkTo, n, inStart, inLinks);

      int cc = CarrierClass.COUNT;
      transfer_s = new int[n * cc * cc];
      transfer_cents = new int[n * cc * cc];
      Arrays.fill(transfer_s, -1);
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < cc; c++) {
          transfer_s[(i * cc + c) * cc + c] = 0; // staying in one class needs no transfer
        }
        // ...except at sea: two sailings in a row are two ships, a transshipment, which a port
        // offers only with a sea-sea row in transfers.csv.
        transfer_s[(i * cc + CarrierClass.SEA.ordinal()) * cc + CarrierClass.SEA.ordinal()] = -1;
      }
      for (TransferSpec t : spec.transfers()) {
        int node = nodeIndex.get(t.node());
        int x = t.fromClass().ordinal();
        int y = t.toClass().ordinal();
        int time = hoursToSeconds(t.time_h());
        int cost = usdToCents(t.cost_usd_teu());
        transfer_s[(node * cc + x) * cc + y] = time;
        transfer_s[(node * cc + y) * cc + x] = time;
        transfer_cents[(node * cc + x) * cc + y] = cost;
        transfer_cents[(node * cc + y) * cc + x] = cost;
      }
    }

    /**
     * Compressed sparse rows by count and prefix sum: the links of node i are at
     * start[i]..start[i+1].
     */
    static void csr(int[] endpoint, int n, int[] start, int[] links) {
      for (int k = 0; k < endpoint.length; k++) {
        start[endpoint[k] + 1]++;
      }
      for (int i = 0; i < n; i++) {
        start[i + 1] += start[i];
      }
      int[] fill = Arrays.copyOf(start, n);
      for (int k = 0; k < endpoint.length; k++) {
        links[fill[endpoint[k]]++] = k;
      }
    }

    static int hoursToSeconds(double h) {
      return Double.isNaN(h) ? 0 : (int) Math.round(h * 3600);
    }

    static int usdToCents(double usd) {
      return Double.isNaN(usd) ? 0 : (int) Math.round(usd * 100);
    }
  }

  /** The schedule of a validated service row. */
  static Schedule toSchedule(ServiceSpec s) {
    if (s.kind().equals("frequency")) {
      long period = Math.round(Schedule.WEEK_S / s.departures_per_week());
      return Double.isNaN(s.first_departure_h())
          ? Schedule.unpublished(period)
          : Schedule.periodic(period, Math.round(s.first_departure_h() * 3600));
    }
    int[] offsets =
        s.timetable().stream()
            .mapToInt(e -> NetworkValidator.parseWeekly(e).orElseThrow())
            .toArray();
    return Schedule.weekly(offsets);
  }
}
