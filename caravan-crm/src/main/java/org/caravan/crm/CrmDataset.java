package org.caravan.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.crm.CrmData.Chokepoint;
import org.caravan.crm.CrmData.Disruption;
import org.caravan.crm.CrmData.Flow;
import org.caravan.crm.CrmData.Material;
import org.caravan.crm.CrmData.Quota;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.network.Origin;
import org.caravan.network.Passage;
import org.caravan.network.Problem;
import org.caravan.network.io.TextFiles;
import org.caravan.routing.CargoClass;

/**
 * The CRM dataset: materials, flows, chokepoints, named disruptions and quotas, read from {@code
 * data/crm/} (packed into the jar) and checked against a network. Every problem names its file,
 * line and field; nothing is returned when there is one. Immutable.
 */
public record CrmDataset(List<Material> materials, List<Flow> flows, Risks risks) {

  /** Classpath folder of the packed dataset. */
  public static final String RESOURCE_DIR = "org/caravan/crm/";

  public CrmDataset {
    materials = List.copyOf(materials);
    flows = List.copyOf(flows);
  }

  /**
   * What can stop or limit the flows: chokepoints that concentrate them, named disruptions that
   * remove network elements, and annual quotas on a cargo class through a chokepoint (in file
   * order: the first binding quota applies).
   */
  public record Risks(
      List<Chokepoint> chokepoints, List<Disruption> disruptions, List<Quota> quotas) {
    public Risks {
      chokepoints = List.copyOf(chokepoints);
      disruptions = List.copyOf(disruptions);
      quotas = List.copyOf(quotas);
    }
  }

  /**
   * The built-in dataset checked against the network.
   *
   * @throws NetworkException listing every problem (file, line, field)
   */
  public static CrmDataset loadDefault(Network network) {
    Map<String, Reader> files = new LinkedHashMap<>();
    for (String f :
        List.of("materials.csv", "flows.csv", "chokepoints.csv", "disruptions.csv", "quotas.csv")) {
      InputStream in = CrmDataset.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + f);
      if (in == null) {
        throw new IllegalStateException(RESOURCE_DIR + f + " is missing from the class path");
      }
      files.put("data/crm/" + f, new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return read(network, files);
  }

  /**
   * Reads the five tables (keys are file names ending in the table names) and checks them against a
   * network.
   */
  public static CrmDataset read(Network network, Map<String, Reader> files) {
    List<Problem> problems = new ArrayList<>();
    Loader l = new Loader(network, problems);
    try {
      for (var e : files.entrySet()) {
        String name = e.getKey();
        try (Reader r = e.getValue()) {
          if (name.endsWith("materials.csv")) {
            l.parse(
                name,
                r,
                l::material,
                "id",
                "name",
                "eu_list",
                "cargo",
                "un_class",
                "producing_node");
          } else if (name.endsWith("flows.csv")) {
            l.parse(
                name,
                r,
                l::flow,
                "id",
                "material",
                "origin",
                "destination",
                "tonnes_yr",
                "tonnes_source");
          } else if (name.endsWith("chokepoints.csv")) {
            l.parse(name, r, l::chokepoint, "id", "name", "elements", "source");
          } else if (name.endsWith("disruptions.csv")) {
            l.parse(name, r, l::disruption, "id", "name", "removes", "source");
          } else if (name.endsWith("quotas.csv")) {
            l.parse(name, r, l::quota, "chokepoint", "cargo", "un_class", "tonnes_yr", "source");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    l.crossCheck();
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return new CrmDataset(l.materials, l.flows, new Risks(l.chokepoints, l.disruptions, l.quotas));
  }

  /**
   * Reads a user's disruption file (the format of {@code data/crm/disruptions.csv}) against this
   * dataset.
   *
   * @throws NetworkException naming file, line and field
   */
  public List<Disruption> readDisruptions(Network network, Path file) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      throw new NetworkException(
          List.of(new Problem(new Origin(file.toString(), 0), "", "no such file")));
    }
    Loader l = new Loader(network, problems);
    l.chokepoints.addAll(risks.chokepoints());
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      l.parse(file.toString(), r, l::disruption, "id", "name", "removes", "source");
    } catch (IOException e) {
      problems.add(
          new Problem(new Origin(file.toString(), 0), "", "cannot read: " + e.getMessage()));
    }
    l.crossCheck();
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    if (l.disruptions.isEmpty()) {
      throw new NetworkException(
          List.of(new Problem(new Origin(file.toString(), 0), "", "no disruption rows")));
    }
    return List.copyOf(l.disruptions);
  }

  public Optional<Material> material(String id) {
    return materials.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public Optional<Chokepoint> chokepoint(String id) {
    return risks.chokepoints().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<Disruption> disruption(String id) {
    return risks.disruptions().stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** Parses rows and checks fields; collects problems rather than stopping at the first. */
  private static final class Loader {
    final Network network;
    final List<Problem> problems;
    final Set<String> linkIds;
    final List<Material> materials = new ArrayList<>();
    final List<Flow> flows = new ArrayList<>();
    final List<Chokepoint> chokepoints = new ArrayList<>();
    final List<Disruption> disruptions = new ArrayList<>();
    final List<Quota> quotas = new ArrayList<>();
    final List<Runnable> later = new ArrayList<>();

    Loader(Network network, List<Problem> problems) {
      this.network = network;
      this.problems = problems;
      this.linkIds = network.spec().links().stream().map(s -> s.id()).collect(Collectors.toSet());
    }

    void parse(String name, Reader reader, BiConsumer<Origin, CSVRecord> row, String... required)
        throws IOException {
      CSVFormat format = TextFiles.CSV;
      try (CSVParser p = CSVParser.parse(reader, format)) {
        List<String> missing =
            Arrays.stream(required).filter(c -> !p.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
          problems.add(
              new Problem(new Origin(name, 1), String.join(", ", missing), "missing column"));
          return;
        }
        for (CSVRecord rec : p) {
          Origin o = new Origin(name, p.getCurrentLineNumber());
          if (!rec.isConsistent()) {
            problems.add(
                new Problem(
                    o, "", "expected " + p.getHeaderMap().size() + " fields, found " + rec.size()));
            continue;
          }
          row.accept(o, rec);
        }
      } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
        problems.add(new Problem(new Origin(name, 0), "", "malformed CSV: " + e.getMessage()));
      }
    }

    private String get(CSVRecord r, String field) {
      return r.isMapped(field) ? r.get(field) : "";
    }

    private boolean node(Origin o, String field, String id) {
      if (network.findNode(id).isEmpty()) {
        problems.add(
            new Problem(o, field, "unknown node '" + id + "' (not in data/network/nodes.csv)"));
        return false;
      }
      return true;
    }

    private Optional<CargoClass> cargo(Origin o, CSVRecord r) {
      Optional<CargoClass> c = CargoClass.parse(get(r, "cargo"));
      if (c.isEmpty()) {
        problems.add(
            new Problem(
                o,
                "cargo",
                "unknown cargo class '"
                    + get(r, "cargo")
                    + "'; expected general, reefer, bulk or dg"));
      }
      return c;
    }

    private int unClass(Origin o, CSVRecord r, CargoClass cargo) {
      String t = get(r, "un_class");
      if (t.isEmpty()) {
        if (cargo == CargoClass.DANGEROUS) {
          problems.add(new Problem(o, "un_class", "dangerous goods need a UN class 1-9"));
        }
        return 0;
      }
      try {
        int un = Integer.parseInt(t);
        if (un >= 1 && un <= 9) {
          return un;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(new Problem(o, "un_class", "UN class must be 1-9, found '" + t + "'"));
      return -1;
    }

    private double tonnes(Origin o, CSVRecord r) {
      String t = get(r, "tonnes_yr");
      try {
        double v = Double.parseDouble(t);
        if (v >= 0 && Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(
          new Problem(o, "tonnes_yr", "tonnes per year must be a number >= 0, found '" + t + "'"));
      return -1;
    }

    private boolean sourced(Origin o, CSVRecord r, String field) {
      if (get(r, field).isEmpty()) {
        problems.add(
            new Problem(o, field, "every figure needs a source (EST+<basis> for an estimate)"));
        return false;
      }
      return true;
    }

    private List<Element> elements(Origin o, String field, String text, boolean allowChokepoint) {
      List<Element> out = new ArrayList<>();
      for (String part : text.split(";")) {
        if (part.isBlank()) {
          continue;
        }
        Optional<Element> e = Element.parse(part.trim());
        if (e.isEmpty() || (!allowChokepoint && e.get().kind() == Element.Kind.CHOKEPOINT)) {
          problems.add(
              new Problem(
                  o,
                  field,
                  "'"
                      + part.trim()
                      + "' is not node:<id>, link:<id>, passage:<code>, country:<code>"
                      + (allowChokepoint ? " or chokepoint:<id>" : "")));
          continue;
        }
        Element el = e.get();
        switch (el.kind()) {
          case NODE -> node(o, field, el.id());
          case LINK -> {
            if (!linkIds.contains(el.id())) {
              problems.add(
                  new Problem(
                      o, field, "unknown link '" + el.id() + "' (not in data/network/links.csv)"));
            }
          }
          case COUNTRY -> {
            if (network.findCountry(el.id()).isEmpty()) {
              problems.add(
                  new Problem(o, field, "unknown country '" + el.id() + "' (no link lists it)"));
            }
          }
          case PASSAGE -> {
            if (Passage.parse(el.id()).isEmpty()) {
              problems.add(new Problem(o, field, "unknown sea passage '" + el.id() + "'"));
            }
          }
          case CHOKEPOINT ->
              later.add(
                  () -> {
                    if (chokepoints.stream().noneMatch(c -> c.id().equals(el.id()))) {
                      problems.add(
                          new Problem(
                              o,
                              field,
                              "unknown chokepoint '" + el.id() + "' (not in chokepoints.csv)"));
                    }
                  });
        }
        out.add(el);
      }
      if (out.isEmpty()) {
        problems.add(new Problem(o, field, "names no element"));
      }
      return out;
    }

    void material(Origin o, CSVRecord r) {
      Optional<CargoClass> cargo = cargo(o, r);
      String euList = get(r, "eu_list");
      if (!Set.of("strategic+critical", "critical", "strategic", "not-listed").contains(euList)) {
        problems.add(
            new Problem(
                o,
                "eu_list",
                "expected strategic+critical, critical, strategic or not-listed, found '"
                    + euList
                    + "'"));
      }
      boolean ok =
          node(o, "producing_node", get(r, "producing_node")) & sourced(o, r, "eu_list_source");
      if (cargo.isEmpty()) {
        return;
      }
      int un = unClass(o, r, cargo.get());
      if (ok && un >= 0) {
        materials.add(
            new Material(
                get(r, "id"),
                get(r, "name"),
                euList,
                get(r, "form"),
                cargo.get(),
                un,
                get(r, "un_number"),
                get(r, "packaging"),
                get(r, "packaging_source"),
                get(r, "producing_node"),
                get(r, "production"),
                get(r, "production_source"),
                get(r, "exports"),
                get(r, "exports_source"),
                get(r, "eu_share"),
                get(r, "eu_share_source"),
                get(r, "notes")));
      }
    }

    void flow(Origin o, CSVRecord r) {
      boolean ok =
          node(o, "origin", get(r, "origin")) & node(o, "destination", get(r, "destination"));
      double t = tonnes(o, r);
      ok &= sourced(o, r, "tonnes_source");
      Set<String> avoid =
          Arrays.stream(get(r, "avoid_countries").split(";"))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .collect(Collectors.toSet());
      if (!avoid.isEmpty() && get(r, "avoid_source").isEmpty()) {
        problems.add(
            new Problem(
                o,
                "avoid_source",
                "a shipper policy needs a source (EST+<basis> for an estimate)"));
        ok = false;
      }
      String material = get(r, "material");
      later.add(
          () -> {
            if (materials.stream().noneMatch(m -> m.id().equals(material))) {
              problems.add(
                  new Problem(
                      o, "material", "unknown material '" + material + "' (not in materials.csv)"));
            }
          });
      if (ok && t >= 0) {
        flows.add(
            new Flow(
                get(r, "id"),
                material,
                get(r, "origin"),
                get(r, "destination"),
                t,
                get(r, "tonnes_source"),
                get(r, "destination_source"),
                avoid,
                get(r, "avoid_source"),
                get(r, "notes")));
      }
    }

    void chokepoint(Origin o, CSVRecord r) {
      List<Element> els = elements(o, "elements", get(r, "elements"), false);
      if (sourced(o, r, "source")) {
        chokepoints.add(new Chokepoint(get(r, "id"), get(r, "name"), els, get(r, "source")));
      }
    }

    void disruption(Origin o, CSVRecord r) {
      List<Element> els = elements(o, "removes", get(r, "removes"), true);
      if (sourced(o, r, "source")) {
        disruptions.add(
            new Disruption(get(r, "id"), get(r, "name"), els, get(r, "source"), get(r, "notes")));
      }
    }

    void quota(Origin o, CSVRecord r) {
      Optional<CargoClass> cargo = cargo(o, r);
      double t = tonnes(o, r);
      String cp = get(r, "chokepoint");
      later.add(
          () -> {
            if (chokepoints.stream().noneMatch(c -> c.id().equals(cp))) {
              problems.add(
                  new Problem(
                      o, "chokepoint", "unknown chokepoint '" + cp + "' (not in chokepoints.csv)"));
            }
          });
      if (cargo.isPresent() && t >= 0 && sourced(o, r, "source")) {
        int un = unClass(o, r, cargo.get());
        if (un >= 0) {
          quotas.add(new Quota(cp, cargo.get(), un, t, get(r, "source")));
        }
      }
    }

    void crossCheck() {
      later.forEach(Runnable::run);
      later.clear();
    }
  }
}
