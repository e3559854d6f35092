package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caravan.network.io.NetworkFiles;
import org.caravan.network.io.NetworkWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export then import gives the same network, for the fixture and for random valid networks. */
class RoundTripTest {
  @TempDir Path dir;

  @Test
  void fixture_round_trip() throws IOException {
    Network original = new Fixture().build(dir.resolve("in"));
    NetworkWriter.write(original.spec(), dir.resolve("out"));
    NetworkSpec back = NetworkFiles.readDirectory(dir.resolve("out"));
    assertThat(back.withoutOrigins()).isEqualTo(original.spec().withoutOrigins());
    assertThat(Network.build(back).linkCount()).isEqualTo(original.linkCount());
  }

  @Property(tries = 60)
  void random_valid_networks_survive_the_round_trip(@ForAll("networks") NetworkSpec spec)
      throws IOException {
    Network.build(spec); // valid by construction
    Path out = Files.createTempDirectory("caravan-roundtrip");
    try {
      NetworkWriter.write(spec, out);
      NetworkSpec back = NetworkFiles.readDirectory(out);
      assertThat(back.withoutOrigins()).isEqualTo(spec.withoutOrigins());
      Network rebuilt = Network.build(back);
      assertThat(rebuilt.linkCount()).isEqualTo(Network.build(spec).linkCount());
    } finally {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static final List<String> COUNTRIES = List.of("CN", "KZ", "AZ", "GE", "TR", "DE");

  @Provide
  Arbitrary<NetworkSpec> networks() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withChars("abcXYZ ,\"'-éțł")
            .ofMinLength(1)
            .ofMaxLength(12)
            .map(String::trim)
            .filter(s -> !s.isEmpty() && !s.startsWith("#"));
    Arbitrary<Double> optional =
        Arbitraries.doubles().between(0, 1000).injectNull(0.3).map(d -> d == null ? Double.NaN : d);
    Arbitrary<NodeSpec> node =
        Combinators.combine(
                text,
                Arbitraries.of(NodeKind.class),
                Arbitraries.of(COUNTRIES),
                Arbitraries.doubles().between(-90, 90),
                Arbitraries.doubles().between(-180, 180),
                optional,
                optional,
                text.list().ofMaxSize(2))
            .as(
                (name, kind, country, lat, lon, dwell, handling, aliases) ->
                    new NodeSpec(
                        "X",
                        name,
                        aliases,
                        kind,
                        country,
                        lat,
                        lon,
                        dwell,
                        Double.NaN,
                        dwell,
                        Double.NaN,
                        handling,
                        Double.NaN,
                        Double.NaN,
                        Status.OPERATIONAL,
                        0,
                        "",
                        new Citation(Map.of("", "T1", "coord", "EST+T1"), "")));
    return Combinators.combine(
            node.list().ofMinSize(2).ofMaxSize(12), Arbitraries.longs(), optional, text)
        .as(
            (nodes, seed, tariff, notes) -> {
              java.util.Random r = new java.util.Random(seed);
              List<NodeSpec> ns = new ArrayList<>();
              for (int i = 0; i < nodes.size(); i++) {
                NodeSpec n = nodes.get(i);
                ns.add(
                    new NodeSpec(
                        "N-" + i,
                        n.name(),
                        n.aliases().stream()
                            .map(a -> a.replace(";", ""))
                            .filter(a -> !a.isEmpty())
                            .toList(),
                        n.kind(),
                        n.country(),
                        n.lat(),
                        n.lon(),
                        n.dwell_h(),
                        n.dwell_sd_h(),
                        n.dwell_out_h(),
                        n.dwell_out_sd_h(),
                        n.handling_h(),
                        n.handling_usd_teu(),
                        n.capacity_teu_day(),
                        Status.OPERATIONAL,
                        0,
                        n.range(),
                        new Citation(n.sources(), n.notes())));
              }
              List<LinkSpec> links = new ArrayList<>();
              List<ServiceSpec> services = new ArrayList<>();
              int extra = r.nextInt(ns.size());
              for (int k = 1; k < ns.size() + extra; k++) {
                int a = k < ns.size() ? k : r.nextInt(ns.size());
                int b = k < ns.size() ? r.nextInt(k) : r.nextInt(ns.size());
                if (a == b) {
                  continue;
                }
                Mode mode = Mode.values()[r.nextInt(Mode.values().length)];
                List<String> countries =
                    ns.get(a).country().equals(ns.get(b).country())
                        ? List.of(ns.get(a).country())
                        : List.of(ns.get(a).country(), ns.get(b).country());
                String id = "L" + k;
                String service = "";
                if (mode == Mode.FERRY && r.nextBoolean()) {
                  service = "S" + k;
                  services.add(
                      new ServiceSpec(
                          service,
                          id,
                          r.nextBoolean() ? "frequency" : "timetable",
                          1 + r.nextInt(14),
                          r.nextInt(168),
                          List.of(),
                          50 + r.nextInt(300),
                          "Op, \"quoted\"",
                          new Citation(Map.of("", "EST"), notes)));
                  if (services.getLast().kind().equals("timetable")) {
                    services.set(
                        services.size() - 1,
                        new ServiceSpec(
                            service,
                            id,
                            "timetable",
                            Double.NaN,
                            Double.NaN,
                            List.of("Mon 18:00", "Thu 06:30"),
                            110,
                            "",
                            new Citation(Map.of("", "T1"), "")));
                  }
                }
                links.add(
                    new LinkSpec(
                        id,
                        ns.get(a).id(),
                        ns.get(b).id(),
                        mode,
                        false,
                        mode == Mode.RAIL ? (r.nextBoolean() ? 1520 : 1435) : 0,
                        mode == Mode.RAIL && r.nextBoolean(),
                        mode == Mode.RAIL ? "single" : "",
                        mode == Mode.FERRY ? "roro" : "",
                        1 + r.nextInt(5000) + r.nextDouble(),
                        1 + r.nextDouble() * 100,
                        r.nextDouble() * 10,
                        tariff,
                        Double.NaN,
                        countries,
                        mode == Mode.SEA && r.nextBoolean()
                            ? List.of("suez", "babelmandeb")
                            : List.of(),
                        "rail-diesel",
                        service,
                        Status.OPERATIONAL,
                        0,
                        r.nextBoolean() ? "distance_km=1..2" : "",
                        new Citation(Map.of("", "T1", "distance", "EST+T1"), notes)));
              }
              List<TransferSpec> transfers =
                  List.of(
                      new TransferSpec(
                          ns.get(0).id(),
                          CarrierClass.RAIL1520,
                          CarrierClass.RAIL1435,
                          3.5,
                          120,
                          new Citation(Map.of("", "T1"), notes)));
              List<SourceSpec> sources =
                  List.of(
                      new SourceSpec(
                          "T1",
                          "Test, \"one\"",
                          "Pub",
                          "2025-01",
                          "https://example.org/a?b=c",
                          "CC-BY-4.0"),
                      new SourceSpec(
                          "EST", "Caravan estimate", "Caravan", "2026", "", "Apache-2.0"));
              return new NetworkSpec(sources, ns, links, transfers, services, Map.of());
            });
  }
}
