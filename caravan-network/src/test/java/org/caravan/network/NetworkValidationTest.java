package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input: the message names the file, the line and the field. */
class NetworkValidationTest {
  @TempDir Path dir;

  private List<Problem> problems(Fixture f) {
    Path d = f.write(dir);
    try {
      Network.build(NetworkFiles.readDirectory(d));
    } catch (NetworkException e) {
      return e.problems();
    }
    throw new AssertionError("expected the network to be refused");
  }

  private static void assertOne(
      List<Problem> problems, String file, long line, String field, String message) {
    assertThat(problems)
        .as(problems.toString())
        .anySatisfy(
            p -> {
              assertThat(p.origin().file()).endsWith(file);
              assertThat(p.origin().line()).isEqualTo(line);
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void fixture_is_valid() {
    Network n = new Fixture().build(dir);
    assertThat(n.nodeCount()).isEqualTo(3);
    assertThat(n.linkCount()).isEqualTo(4);
  }

  @Test
  void broken_csv_names_the_file() {
    List<Problem> p =
        problems(new Fixture().replace("nodes.csv", "Beineu,,city", "\"Beineu,,city"));
    assertOne(p, "nodes.csv", 0, "", "malformed CSV");
  }

  @Test
  void wrong_number_of_fields() {
    List<Problem> p =
        problems(new Fixture().replace("links.csv", "KZ,rail-diesel,,T1", "KZ,rail-diesel,T1"));
    assertOne(p, "links.csv", 2, "", "expected 14 fields as in the header, found 13");
  }

  @Test
  void unknown_node_in_link() {
    List<Problem> p =
        problems(
            new Fixture().replace("links.csv", "beineu-aktau,KZ-BEINEU", "beineu-aktau,KZ-BEYNEU"));
    assertOne(p, "links.csv", 2, "from", "unknown node 'KZ-BEYNEU'");
  }

  @Test
  void negative_distance() {
    List<Problem> p = problems(new Fixture().replace("links.csv", "1520,,480", "1520,,-480"));
    assertOne(p, "links.csv", 2, "distance_km", "distance must be positive, found -480.0");
  }

  @Test
  void zero_distance() {
    List<Problem> p = problems(new Fixture().replace("links.csv", "rail,470", "rail,0"));
    assertOne(p, "links.csv", 3, "distance_km", "distance must be positive, found 0.0");
  }

  @Test
  void latitude_out_of_range() {
    List<Problem> p = problems(new Fixture().replace("nodes.csv", "45.3,55.2", "95.3,55.2"));
    assertOne(p, "nodes.csv", 3, "lat", "latitude 95.3 is outside [-90, 90]");
  }

  @Test
  void duplicate_id() {
    List<Problem> p =
        problems(new Fixture().append("nodes.csv", "KZAAU,Aktau again,,port,KZ,43.6,51.1,,T1,T1"));
    assertOne(p, "nodes.csv", 5, "id", "duplicate id 'KZAAU' (first defined at");
  }

  @Test
  void link_countries_must_include_end_countries() {
    List<Problem> p =
        problems(new Fixture().replace("links.csv", "KZ;AZ,ferry-roro", "KZ,ferry-roro"));
    assertOne(
        p, "links.csv", 3, "countries", "do not include AZ, the country of its end node AZBAK");
  }

  @Test
  void missing_source() {
    List<Problem> p =
        problems(new Fixture().replace("links.csv", "KZ,rail-diesel,,T1", "KZ,rail-diesel,,"));
    assertOne(p, "links.csv", 2, "distance_km", "value has no source");
  }

  @Test
  void unknown_source_id() {
    List<Problem> p = problems(new Fixture().replace("services.csv", "EST+T1", "EST+WB99"));
    assertOne(p, "services.csv", 2, "source", "unknown source id 'WB99'");
  }

  @Test
  void a_transfer_within_one_class_is_refused_except_sea_to_sea() {
    List<Problem> p =
        problems(new Fixture().append("transfers.csv", "KZAAU,rail1520,rail1520,4,50,EST"));
    assertOne(p, "transfers.csv", 3, "to_class", "a transfer joins two different carrier classes");
    // Sea to sea is a change of ship at a port (a transshipment): allowed, and charged.
    Network n = new Fixture().append("transfers.csv", "KZAAU,sea,sea,48,150,EST").build(dir);
    int aktau = n.findNode("KZAAU").orElseThrow();
    int sea = CarrierClass.SEA.ordinal();
    assertThat(n.transfer_s(aktau, sea, sea)).isEqualTo(48 * 3600);
    assertThat(n.transfer_s(n.findNode("AZBAK").orElseThrow(), sea, sea)).isEqualTo(-1);
    int rail = CarrierClass.RAIL1520.ordinal();
    assertThat(n.transfer_s(aktau, rail, rail)).isZero();
  }

  @Test
  void unreachable_node() {
    List<Problem> p =
        problems(new Fixture().append("nodes.csv", "GEPTI,Poti,,port,GE,42.15,41.67,,T1,T1"));
    assertOne(p, "nodes.csv", 5, "id", "node GEPTI is unreachable");
  }

  @Test
  void one_way_link_leaves_a_node_unable_to_return() {
    List<Problem> p =
        problems(
            new Fixture()
                .replace("links.csv", "id,from", "directed,id,from")
                .replace("links.csv", "beineu-aktau,", "true,beineu-aktau,")
                .replace("links.csv", "aktau-baku,", ",aktau-baku,"));
    assertOne(p, "nodes.csv", 3, "id", "node KZ-BEINEU cannot be reached from");
  }

  @Test
  void unknown_column_and_bad_values() {
    List<Problem> p = problems(new Fixture().replace("nodes.csv", "coord_source", "coords_source"));
    assertOne(p, "nodes.csv", 1, "coords_source", "unknown column");
    p = problems(new Fixture().replace("nodes.csv", "port,KZ,43.65", "harbour,KZ,4x"));
    assertOne(p, "nodes.csv", 2, "kind", "unknown value 'harbour'");
    assertOne(p, "nodes.csv", 2, "lat", "not a number: '4x'");
  }

  @Test
  void rail_link_needs_a_gauge_and_service_a_known_link() {
    List<Problem> p =
        problems(
            new Fixture()
                .replace("links.csv", "rail,1520,,480", "rail,,,480")
                .replace("services.csv", "caspian,aktau-baku", "caspian,aktau-alat"));
    assertOne(p, "links.csv", 2, "gauge", "a rail link needs gauge 1520, 1435 or 1668");
    assertOne(p, "services.csv", 2, "link", "unknown link 'aktau-alat'");
  }

  @Test
  void every_problem_is_reported_at_once_and_nothing_is_built() {
    Fixture f =
        new Fixture()
            .replace("nodes.csv", "45.3,55.2", "95.3,55.2")
            .replace("links.csv", "1520,,480", "1520,,-480");
    assertThatThrownBy(() -> f.build(dir))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("2 problems")
        .hasMessageContaining("nodes.csv:3: field 'lat'")
        .hasMessageContaining("links.csv:2: field 'distance_km'");
  }

  @Test
  void overlay_changes_a_capacity_and_adds_a_node_and_link() {
    Path base = new Fixture().write(dir.resolve("base"));
    Path overlay = dir.resolve("overlay");
    new Fixture().files.clear();
    Fixture o = new Fixture();
    o.files.clear();
    o.files.put(
        "nodes.csv",
        """
        id,capacity_teu_day,capacity_source,name,kind,country,lat,lon,source
        KZAAU,900,T1,,,,,,
        KZ-KURYK,Kuryk,port,KZ,43.2,51.65,EST
        """
            .replace(
                "KZ-KURYK,Kuryk,port,KZ,43.2,51.65,EST",
                "KZ-KURYK,,,Kuryk,port,KZ,43.2,51.65,EST"));
    o.files.put(
        "links.csv",
        """
        id,from,to,mode,gauge,distance_km,duration_h,countries,toc,source
        beineu-kuryk,KZ-BEINEU,KZ-KURYK,rail,1520,450,18,KZ,rail-diesel,EST
        """);
    o.write(overlay);
    NetworkSpec spec =
        NetworkFiles.read(
            List.of(
                NetworkFiles.layerOf(base, new java.util.ArrayList<>()),
                NetworkFiles.layerOf(overlay, new java.util.ArrayList<>())));
    Network n = Network.build(spec);
    assertThat(n.nodeCount()).isEqualTo(4);
    assertThat(n.node(n.getNode("KZAAU")).capacity_teu_day()).isEqualTo(900);
    assertThat(n.node(n.getNode("KZAAU")).name()).isEqualTo("Aktau");
    assertThat(n.spec().origin("nodes", "KZAAU", "capacity_teu_day").file()).contains("overlay");
  }

  @Test
  void overlay_problem_points_into_the_overlay_file() {
    Path base = new Fixture().write(dir.resolve("base"));
    Fixture o = new Fixture();
    o.files.clear();
    o.files.put(
        "links.csv",
        """
        id,from,to,mode,gauge,distance_km,duration_h,countries,toc,source
        beineu-kuryk,KZ-BEINEU,KZ-KURYK,rail,1520,450,18,KZ,rail-diesel,EST
        """);
    Path overlay = o.write(dir.resolve("overlay"));
    assertThatThrownBy(
            () ->
                Network.build(
                    NetworkFiles.read(
                        List.of(
                            NetworkFiles.layerOf(base, new java.util.ArrayList<>()),
                            NetworkFiles.layerOf(overlay, new java.util.ArrayList<>())))))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("overlay/links.csv:2: field 'to': unknown node 'KZ-KURYK'");
  }

  @Test
  void a_frequency_too_high_for_a_whole_second_period_is_a_problem() {
    // Found by the fuzz profile: 1e12 departures a week rounded the period to 0 s and crashed.
    assertOne(
        problems(
            new Fixture()
                .replace(
                    "services.csv",
                    "caspian,aktau-baku,frequency,3,",
                    "caspian,aktau-baku,frequency,1e12,")),
        "services.csv",
        2,
        "departures_per_week",
        "at most 10080");
  }
}
