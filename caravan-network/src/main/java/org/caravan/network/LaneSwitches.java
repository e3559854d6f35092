package org.caravan.network;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * Dated sea-lane switches ({@code data/network/lanes.csv}): in a period, deep-sea sailings keep
 * away from named passages and sail the best lane that avoids them, as the Red Sea diversion round
 * the Cape of Good Hope from December 2023. A departure in the period routes every sea link whose
 * usual lane crosses such a passage along the detour (distance, time, CO2e), exactly as if the user
 * had asked to avoid the passages; the dated rate tables price the sailing. One row per period:
 * {@code id, name, valid_from, valid_to, avoid_passages, kind, source, notes}. Periods of one id
 * must not overlap. Validation collects every problem with file, line and field. Immutable.
 */
public final class LaneSwitches {
  /** Classpath location of the default file (packed from {@code data/network}). */
  public static final String DEFAULT_LANES = "org/caravan/network/default/lanes.csv";

  /** No switches: every sea link sails its usual lane. */
  public static final LaneSwitches NONE = new LaneSwitches(List.of());

  private static final List<String> COLUMNS =
      List.of("id", "name", "valid_from", "valid_to", "avoid_passages", "kind", "source", "notes");

  /**
   * One switch in one period (both dates inclusive).
   *
   * @param kind {@code observed} (carriers announced and sailed it) or {@code estimate} (carried
   *     forward past the last report; the source names the basis)
   */
  public record Switch(
      String id,
      String name,
      LocalDate validFrom,
      LocalDate validTo,
      Set<Passage> avoid,
      String kind,
      String source,
      String notes) {
    public Switch {
      avoid = avoid.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(avoid));
    }

    public boolean covers(LocalDate day) {
      return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** The avoided passages as codes, in the enum's order. */
    public List<String> passageCodes() {
      return EnumSet.copyOf(avoid).stream().map(Passage::code).toList();
    }
  }

  private final List<Switch> switches;

  private LaneSwitches(List<Switch> switches) {
    this.switches = List.copyOf(switches);
  }

  public List<Switch> switches() {
    return switches;
  }

  /** The switches in force on a day (empty when every lane is the usual one). */
  public List<Switch> on(LocalDate day) {
    return switches.stream().filter(s -> s.covers(day)).toList();
  }

  /** The default file packed in the jar, its source ids checked against the network's sources. */
  public static LaneSwitches readDefault(NetworkSpec network) {
    return TextFiles.readResource(
        DEFAULT_LANES, "data/network/lanes.csv", (name, r) -> read(name, () -> r, network));
  }

  /**
   * Reads and checks a lanes file.
   *
   * @throws NetworkException listing every problem (file, line, field)
   */
  public static LaneSwitches read(String name, RateTables.Opener opener, NetworkSpec network) {
    Set<String> sourceIds = DatedRows.sourceIds(network);
    return new LaneSwitches(
        DatedRows.read(
            name,
            opener,
            COLUMNS,
            (rec, o, before, problems) -> {
              Optional<Switch> s = row(rec, o, sourceIds, problems);
              for (Switch q : before) {
                if (s.isPresent()
                    && q.id().equals(s.get().id())
                    && !q.validFrom().isAfter(s.get().validTo())
                    && !s.get().validFrom().isAfter(q.validTo())) {
                  problems.add(
                      new Problem(
                          o, "valid_from", "period overlaps another period of " + s.get().id()));
                }
              }
              return s;
            }));
  }

  private static Optional<Switch> row(
      CSVRecord rec, Origin o, Set<String> sourceIds, List<Problem> bad) {
    int before = bad.size();
    String id = DatedRows.cell(rec, "id");
    if (!id.matches("[A-Z0-9][A-Z0-9-]*")) {
      bad.add(new Problem(o, "id", "lane switch id '" + id + "' must be [A-Z0-9-]"));
    }
    Optional<LocalDate> from = DatedRows.date(rec, "valid_from", o, bad);
    Optional<LocalDate> to = DatedRows.date(rec, "valid_to", o, bad);
    DatedRows.checkPeriod(from, to, o, bad);
    Set<Passage> avoid = EnumSet.noneOf(Passage.class);
    for (String code : DatedRows.cell(rec, "avoid_passages").split(";")) {
      if (code.isBlank()) {
        continue;
      }
      Passage.parse(code.trim())
          .ifPresentOrElse(
              avoid::add,
              () ->
                  bad.add(
                      new Problem(
                          o, "avoid_passages", "unknown sea passage '" + code.trim() + "'")));
    }
    if (avoid.isEmpty() && bad.size() == before) {
      bad.add(new Problem(o, "avoid_passages", "a lane switch must avoid at least one passage"));
    }
    String kind = DatedRows.cell(rec, "kind");
    if (!kind.equals("observed") && !kind.equals("estimate")) {
      bad.add(new Problem(o, "kind", "expected observed or estimate, found '" + kind + "'"));
    }
    String source = DatedRows.cell(rec, "source");
    DatedRows.checkSource(source, "lane switch", sourceIds, o, bad);
    if (bad.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Switch(
            id,
            DatedRows.cell(rec, "name"),
            from.orElseThrow(),
            to.orElseThrow(),
            avoid,
            kind,
            source,
            DatedRows.cell(rec, "notes")));
  }
}
