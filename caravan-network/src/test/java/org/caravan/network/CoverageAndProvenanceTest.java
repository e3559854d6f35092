package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 on the built-in network: every place a shipper asked for is there (planned ones only with
 * the planned elements), every border railway meets at a border node, the provenance can be counted
 * and every value lies inside its recorded range.
 */
class CoverageAndProvenanceTest {
  private static NetworkSpec files;
  private static Network today;
  private static Network withPlanned;

  @BeforeAll
  static void load() {
    files = NetworkFiles.readDefault();
    today = Network.build(files);
    withPlanned = Network.build(files, BuildOptions.WITH_PLANNED);
  }

  /** Query (as a user types it) and the country of the place it must find. */
  private static final Map<String, String> PLACES =
      Map.ofEntries(
          Map.entry("Tashkent", "UZ"),
          Map.entry("Chukursay", "UZ"),
          Map.entry("Sergeli", "UZ"),
          Map.entry("Navoi", "UZ"),
          Map.entry("Termez", "UZ"),
          Map.entry("Bishkek", "KG"),
          Map.entry("Dushanbe", "TJ"),
          Map.entry("Turkmenabat", "TM"),
          Map.entry("Shymkent", "KZ"),
          Map.entry("Aktobe", "KZ"),
          Map.entry("Wuhan", "CN"),
          Map.entry("Hefei", "CN"),
          Map.entry("Changsha", "CN"),
          Map.entry("Łódź", "PL"),
          Map.entry("Lodz", "PL"),
          Map.entry("Prague", "CZ"),
          Map.entry("Praha", "CZ"),
          Map.entry("Gdańsk", "PL"),
          Map.entry("Gdansk", "PL"),
          Map.entry("Trieste", "IT"),
          Map.entry("Koper", "SI"),
          Map.entry("Riga", "LV"),
          Map.entry("Klaipėda", "LT"),
          Map.entry("Klaipeda", "LT"),
          Map.entry("Paris", "FR"),
          Map.entry("Lyon", "FR"),
          Map.entry("Madrid", "ES"),
          Map.entry("Mersin", "TR"),
          Map.entry("Bandar Abbas", "IR"),
          Map.entry("Anaklia", "GE"));

  @Test
  void every_place_of_the_issue_is_found_and_only_anaklia_is_planned() {
    PlaceIndex index = new PlaceIndex(withPlanned);
    PlaceIndex todayIndex = new PlaceIndex(today);
    PLACES.forEach(
        (query, country) -> {
          PlaceIndex.Match m =
              index.resolve(query).orElseThrow(() -> new AssertionError("no place for " + query));
          assertThat(m.country()).as(query).isEqualTo(country);
          assertThat(m.kind()).as(query).isIn(NodeKind.TERMINAL, NodeKind.PORT);
          boolean planned = withPlanned.node(m.node()).status() == Status.PLANNED;
          assertThat(planned).as(query + " planned").isEqualTo(query.equals("Anaklia"));
          assertThat(todayIndex.resolve(query).isPresent())
              .as(query + " in today's network")
              .isEqualTo(!planned);
        });
  }

  @Test
  void crossings_of_the_issue_are_border_nodes_with_dwell() {
    for (String id :
        List.of(
            "KZ-SARYAGASH",
            "UZ-KELES",
            "TMFAR",
            "UZ-KHODZHADAVLET",
            "UZ-KARAKALPAKSTAN",
            "KZ-OAZIS",
            "KZ-LUGOVAYA",
            "UZSYA",
            "KZMAM",
            "RU-ISILKUL",
            "RU-LOKOT",
            "RU-ILETSK")) {
      NodeSpec n = today.node(today.getNode(id));
      assertThat(n.kind()).as(id).isIn(NodeKind.BORDER, NodeKind.GAUGE_CHANGE);
      assertThat(n.dwell_h()).as(id).isPositive();
    }
  }

  /** A railway that crosses a border starts or ends at a border (or gauge-change) node. */
  @Test
  void every_cross_border_railway_touches_a_border_node() {
    List<String> bad = new ArrayList<>();
    for (LinkSpec l : files.links()) {
      NodeSpec a = node(l.from());
      NodeSpec b = node(l.to());
      if (l.mode() == Mode.RAIL
          && !a.country().equals(b.country())
          && !isBorder(a)
          && !isBorder(b)) {
        bad.add(l.id());
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void batumi_and_poti_meet_at_samtredia() {
    Set<String> batumi = neighbours("GEBUS", Mode.RAIL);
    Set<String> poti = neighbours("GEPTI", Mode.RAIL);
    assertThat(batumi).containsExactly("GESTD");
    assertThat(neighbours("GE-SENAKI", Mode.RAIL)).contains("GESTD");
    assertThat(poti).contains("GE-SENAKI").doesNotContain("GETBS");
  }

  @Test
  void planned_elements_are_left_out_unless_asked_for() {
    List<String> plannedLinks =
        files.links().stream().filter(l -> l.status() == Status.PLANNED).map(LinkSpec::id).toList();
    assertThat(plannedLinks)
        .contains(
            "KZ-AYAGOZ-KZ-BAKHTY-rail", "CN-TORUGART-KGJLD-rail", "GE-ANAKLIA-GE-SENAKI-rail");
    for (String id : plannedLinks) {
      assertThat(today.spec().links()).extracting(LinkSpec::id).doesNotContain(id);
      assertThat(withPlanned.spec().links()).extracting(LinkSpec::id).contains(id);
      LinkSpec l =
          withPlanned.spec().links().stream()
              .filter(x -> x.id().equals(id))
              .findFirst()
              .orElseThrow();
      assertThat(l.openingYear()).as(id).isBetween(2025, 2040);
    }
    assertThat(today.findNode("GE-ANAKLIA")).isEmpty();
    assertThat(withPlanned.findNode("GE-ANAKLIA")).isPresent();
    assertThat(today.linkCount()).isLessThan(withPlanned.linkCount());
  }

  @Test
  void provenance_has_no_bare_estimate() {
    Map<Provenance.Kind, Integer> c = new EnumMap<>(Provenance.Kind.class);
    Provenance.forEach(files, v -> c.merge(v.kind(), 1, Integer::sum));
    assertThat(c).doesNotContainKey(Provenance.Kind.BARE_ESTIMATE);
    assertThat(c.get(Provenance.Kind.PUBLICATION)).isPositive();
    assertThat(c.get(Provenance.Kind.DATASET)).isGreaterThanOrEqualTo(200);
    // every value's source names known ids; estimates name a basis
    Provenance.forEach(
        files,
        v -> {
          if (v.kind() == Provenance.Kind.ESTIMATE) {
            assertThat(v.source()).as(v.key()).matches("(EST\\+)?[A-Za-z0-9-]+(\\+[A-Za-z0-9-]+)*");
          }
        });
    // the classifier itself
    Set<String> ds = Set.of("UNLOCODE");
    Set<String> ms = Set.of("M-RAILGC");
    assertThat(Provenance.classify("EST", ds, ms)).isEqualTo(Provenance.Kind.BARE_ESTIMATE);
    assertThat(Provenance.classify("EST+CPMM23KZ", ds, ms)).isEqualTo(Provenance.Kind.ESTIMATE);
    assertThat(Provenance.classify("M-RAILGC", ds, ms)).isEqualTo(Provenance.Kind.ESTIMATE);
    assertThat(Provenance.classify("UNLOCODE", ds, ms)).isEqualTo(Provenance.Kind.DATASET);
    assertThat(Provenance.classify("UNLOCODE+JRTR", ds, ms)).isEqualTo(Provenance.Kind.PUBLICATION);
  }

  private static final Pattern RANGE = Pattern.compile("(\\w+)=([0-9.]+)\\.\\.([0-9.]+)");

  /** Each {@code field=lo..hi} in a row's range column holds the row's value of that field. */
  @Test
  void every_value_lies_inside_its_recorded_range() {
    int checked = 0;
    List<String> outside = new ArrayList<>();
    for (NodeSpec n : files.nodes()) {
      checked +=
          check(
              "nodes/" + n.id(),
              n.range(),
              Map.of(
                  "dwell_h",
                  n.dwell_h(),
                  "dwell_out_h",
                  n.dwell_out_h(),
                  "capacity_teu_day",
                  n.capacity_teu_day(),
                  "handling_h",
                  n.handling_h(),
                  "handling_usd_teu",
                  n.handling_usd_teu()),
              outside);
    }
    for (LinkSpec l : files.links()) {
      checked +=
          check(
              "links/" + l.id(),
              l.range(),
              Map.of(
                  "distance_km",
                  l.distance_km(),
                  "duration_h",
                  l.duration_h(),
                  "tariff_usd_teu",
                  l.tariff_usd_teu(),
                  "capacity_teu_day",
                  l.capacity_teu_day()),
              outside);
    }
    assertThat(outside).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(30);
    LinkSpec potiConstanta =
        files.links().stream()
            .filter(l -> l.id().equals("GEPTI-ROCND-sea"))
            .findFirst()
            .orElseThrow();
    assertThat(potiConstanta.duration_h()).isBetween(48.0, 120.0);
  }

  private static int check(
      String row, String range, Map<String, Double> values, List<String> outside) {
    if (range.isBlank()) {
      return 0;
    }
    int n = 0;
    Matcher m = RANGE.matcher(range);
    while (m.find()) {
      Double v = values.get(m.group(1));
      assertThat(v).as(row + " range names a numeric field: " + m.group(1)).isNotNull();
      if (!v.isNaN()
          && (v < Double.parseDouble(m.group(2)) || v > Double.parseDouble(m.group(3)))) {
        outside.add(
            row + "#" + m.group(1) + "=" + v + " outside " + m.group(2) + ".." + m.group(3));
      }
      n++;
    }
    assertThat(n).as(row + " range '" + range + "' parses").isPositive();
    return n;
  }

  @Test
  void services_follow_from_the_fleet() {
    Map<String, ServiceSpec> byId =
        files.services().stream().collect(Collectors.toMap(ServiceSpec::id, s -> s));
    // ASCO Baku-Turkmenbashi: 7 vessels (RUSSHIP); round trip = 2 x sailing + 2 x 30 h in port
    // (TREND250603)
    ServiceSpec tmb = byId.get("SVC-CASP-TMB-ALAT");
    LinkSpec tmbLink =
        files.links().stream().filter(l -> l.id().equals(tmb.link())).findFirst().orElseThrow();
    double expected = 7 * 168 / (2 * tmbLink.duration_h() + 2 * 30);
    assertThat(tmb.departures_per_week())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
    // the two feeder operators of Aktau-Alat carry the published 89,000 TEU/yr together (SIA25)
    double teuYear =
        52
            * (byId.get("SVC-CASP-FEEDER").departures_per_week()
                    * byId.get("SVC-CASP-FEEDER").capacity_teu()
                + byId.get("SVC-CASP-FEEDER-ASCO").departures_per_week()
                    * byId.get("SVC-CASP-FEEDER-ASCO").capacity_teu());
    assertThat(teuYear).isCloseTo(89_000, org.assertj.core.data.Percentage.withPercentage(2));
  }

  private static final Pattern FLEET =
      Pattern.compile(
          "Departures/week = (\\d+) vessels? x 168 h / round trip ([0-9.]+) h \\(2 x ([0-9.]+) h"
              + " sailing \\+ 2 x ([0-9.]+) h in port\\) = ([0-9.]+)");

  /**
   * Every service whose departures follow from its fleet (M-FLEET) states the formula in its note;
   * the note's sailing time is its link's and the departures are vessels x 168 h / round trip.
   */
  @Test
  void every_fleet_service_note_matches_its_link_and_its_departures() {
    int checked = 0;
    for (ServiceSpec s : files.services()) {
      Matcher m = FLEET.matcher(s.notes());
      if (!m.find()) {
        continue;
      }
      LinkSpec l =
          files.links().stream().filter(x -> x.id().equals(s.link())).findFirst().orElseThrow();
      double vessels = Double.parseDouble(m.group(1));
      double sailing = Double.parseDouble(m.group(3));
      double port = Double.parseDouble(m.group(4));
      assertThat(sailing).as(s.id() + " sailing time = link duration").isEqualTo(l.duration_h());
      assertThat(Double.parseDouble(m.group(2)))
          .as(s.id() + " round trip")
          .isCloseTo(2 * sailing + 2 * port, org.assertj.core.data.Offset.offset(0.05));
      double perWeek = vessels * 168 / (2 * sailing + 2 * port);
      assertThat(s.departures_per_week())
          .as(s.id() + " departures per week, rounded to 0.1")
          .isEqualTo(Math.round(perWeek * 10) / 10.0);
      assertThat(Double.parseDouble(m.group(5))).isEqualTo(s.departures_per_week());
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  private static NodeSpec node(String id) {
    return files.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  private static boolean isBorder(NodeSpec n) {
    return n.kind() == NodeKind.BORDER || n.kind() == NodeKind.GAUGE_CHANGE;
  }

  private static Set<String> neighbours(String id, Mode mode) {
    return files.links().stream()
        .filter(l -> l.mode() == mode && l.status() == Status.OPERATIONAL)
        .filter(l -> l.from().equals(id) || l.to().equals(id))
        .map(l -> l.from().equals(id) ? l.to() : l.from())
        .collect(Collectors.toSet());
  }
}
