package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/EMISSIONS.md: one FEU (2 TEU, 20 t of cargo) from Xi'an to Duisburg
 * by the Middle Corridor and by the Northern route, and Shanghai to Rotterdam by sea via Suez. Each
 * expected value is written out by hand from the cited factors; the module must agree within 0.1 %.
 */
class WorkedExamplesTest {
  // Factors, as in data/emissions/factors.csv (g CO2e per tkm unless stated).
  // Electric container train: VTT LIPASTO 0.027 kWh per net tkm at net 686 t / gross 1,659 t,
  // turned into energy per
  // gross tkm, times gross/net of a corridor block train per TEU slot (wagon 9 t, box 2 t, cargo 10
  // t, 90 % of
  // slots loaded, half the return run empty), times 1 + 10.47 % grid T&D losses (DESNZ 2025 UK
  // ratio).
  static final double TRAIN_GROSS_PER_NET =
      (9 + 0.9 * (2 + 10) + 0.5 * (9 + 0.9 * 2)) / (0.9 * 10); // 2.8
  static final double E_RAIL_kWh_per_tkm =
      0.027 * 686 / 1659 * TRAIN_GROSS_PER_NET * 1.1047; // 0.03453
  // Rail ferry: a loaded wagon's gross/net on board (no empty return): (9 + 0.9 x 12) / 9 = 2.2
  static final double FERRY_GROSS_PER_NET = (9 + 0.9 * (2 + 10)) / (0.9 * 10);
  static final double GRID_CN = 557.50,
      GRID_AZ = 632.89,
      GRID_GE = 143.06,
      GRID_TR = 469.70; // Ember 2025, g/kWh
  static final double GRID_EU = 213.02,
      GRID_CZ = 413.86,
      GRID_DE = 342.06,
      GRID_RU = 446.17; // Ember 2025
  static final double GRID_BY = 313.62, GRID_PL = 614.98; // Ember 2025
  static final double RAIL_DIESEL_WTT = 6.91, RAIL_DIESEL_TTW = 27.79; // DESNZ 2025 freight train
  static final double RORO_WTT = 11.70, RORO_TTW = 51.58; // DESNZ 2025 RoRo-Ferry average
  // Asia-Europe lane: midpoint of DESNZ 8000+ TEU (2.87 + 12.66) and Clean Cargo 7.2 split in the
  // same shares
  static final double LANE_WTT = 2.100, LANE_TTW = 9.265;
  // No DAF on sea, ferry or rail: sea factors are on an SFD basis; rail's DAF is 1.00
  static final double HUB_TTW_g_per_TEU = 17_500; // Budiyanto et al. 2021, WTT 0
  static final double MASS_t = 20; // one FEU = 2 TEU x 10 t
  static final double TEU = 2;

  final EmissionCalculator calculator = EmissionCalculator.withDefaults();
  final ChainFileReader reader = new ChainFileReader(calculator.factors(), Optional.empty());

  @Test
  void middleCorridor_matchesHandCalculation() {
    double wtt_g =
        MASS_t * 2100 * E_RAIL_kWh_per_tkm * GRID_CN // Xi'an-Khorgos, electric, CN
            + MASS_t * 3200 * RAIL_DIESEL_WTT // Altynkol-Aktau, diesel, KZ
            + MASS_t * 420 * FERRY_GROSS_PER_NET * RORO_WTT // Caspian rail ferry Aktau-Alat
            + MASS_t
                * E_RAIL_kWh_per_tkm
                * (430 * GRID_AZ + 220 * GRID_GE) // Alat-Kars, km-weighted
            + MASS_t * 2323 * E_RAIL_kWh_per_tkm * GRID_TR // Kars-Istanbul
            + MASS_t * 2790 * E_RAIL_kWh_per_tkm * GRID_EU // Istanbul-Prague at the EU-27 average
            + MASS_t * E_RAIL_kWh_per_tkm * (150 * GRID_CZ + 550 * GRID_DE); // Prague-Duisburg
    double ttw_g =
        MASS_t * 3200 * RAIL_DIESEL_TTW
            + MASS_t * 420 * FERRY_GROSS_PER_NET * RORO_TTW
            + 4 * TEU * HUB_TTW_g_per_TEU; // Xi'an, Altynkol, Akhalkalaki, Duisburg
    // = 3,013.67 kg WTT + 2,871.76 kg TTW = 5,885.43 kg WTW

    ChainResult result = calculator.compute(middleCorridor());

    assertThat(result.total().wtt_g()).isCloseTo(wtt_g, within(wtt_g * 0.001));
    assertThat(result.total().ttw_g()).isCloseTo(ttw_g, within(ttw_g * 0.001));
    assertThat(result.total().wtw_g()).isCloseTo(5_885_429, within(5_885_429 * 0.001));
    assertThat(result.range().low_g()).isLessThan(result.total().wtw_g());
    assertThat(result.range().high_g()).isGreaterThan(result.total().wtw_g());
  }

  @Test
  void middleCorridor_csvExampleFileGivesTheSameTotal() {
    List<ChainElement> chain =
        reader.read(
            Path.of("..", "data", "emissions", "examples", "xian-duisburg-middle-corridor.csv"),
            ChainFileReader.Format.AUTO);
    assertThat(calculator.compute(chain).total().wtw_g())
        .isCloseTo(calculator.compute(middleCorridor()).total().wtw_g(), within(1e-6));
  }

  @Test
  void northernRoute_matchesHandCalculation() {
    double wtt_g =
        MASS_t * 2100 * E_RAIL_kWh_per_tkm * GRID_CN
            + MASS_t * 1950 * RAIL_DIESEL_WTT // KZ, diesel
            + MASS_t * 2850 * E_RAIL_kWh_per_tkm * GRID_RU
            + MASS_t * 610 * E_RAIL_kWh_per_tkm * GRID_BY
            + MASS_t * 660 * E_RAIL_kWh_per_tkm * GRID_PL
            + MASS_t * 650 * E_RAIL_kWh_per_tkm * GRID_DE;
    double ttw_g = MASS_t * 1950 * RAIL_DIESEL_TTW + 4 * TEU * HUB_TTW_g_per_TEU;
    // = 2,522.38 kg WTT + 1,223.81 kg TTW = 3,746.19 kg WTW

    ChainResult result =
        calculator.compute(
            reader.read(
                Path.of("..", "data", "emissions", "examples", "xian-duisburg-northern.csv"),
                ChainFileReader.Format.AUTO));

    assertThat(result.total().wtt_g()).isCloseTo(wtt_g, within(wtt_g * 0.001));
    assertThat(result.total().ttw_g()).isCloseTo(ttw_g, within(ttw_g * 0.001));
    assertThat(result.total().wtw_g()).isCloseTo(3_746_192, within(3_746_192 * 0.001));
  }

  @Test
  void shanghaiRotterdamBySea_matchesHandCalculation() {
    double distance_km =
        10_600 * 1.852; // 10,600 nm via Suez (corridor-facts 2.1, PEM-ROUTE) = 19,631.2 km
    double wtt_g = MASS_t * distance_km * LANE_WTT;
    double ttw_g = MASS_t * distance_km * LANE_TTW + 2 * TEU * HUB_TTW_g_per_TEU;
    // = 824.51 kg WTT + 3,707.66 kg TTW = 4,532.17 kg WTW

    ChainResult result =
        calculator.compute(
            reader.read(
                Path.of("..", "data", "emissions", "examples", "shanghai-rotterdam-sea.json"),
                ChainFileReader.Format.AUTO));

    assertThat(result.total().wtt_g()).isCloseTo(wtt_g, within(wtt_g * 0.001));
    assertThat(result.total().ttw_g()).isCloseTo(ttw_g, within(ttw_g * 0.001));
    assertThat(result.total().wtw_g()).isCloseTo(4_532_172, within(4_532_172 * 0.001));
  }

  @Test
  void everyLegNamesItsFactorsAndDataKind() {
    ChainResult result = calculator.compute(middleCorridor());
    ElementResult kz = result.elements().get(3);
    assertThat(kz.factorIds()).containsExactly("desnz25.rail-freight-train");
    assertThat(kz.dataKind()).isEqualTo(DataKind.DEFAULT);
    ElementResult azGe = result.elements().get(5);
    assertThat(azGe.factorIds())
        .contains("lipasto16.rail-electric-container", "grid.AZ", "grid.GE");
    assertThat(azGe.emissions().ttw_g()).isZero();
    assertThat(result.elements().get(4).adjustedDistance_km()).isCloseTo(420, within(1e-9));
    assertThat(result.elements().get(4).factorIds())
        .contains("desnz25.roro-ferry-avg", "tare.wagon-per-teu");
  }

  static List<ChainElement> middleCorridor() {
    return List.of(
        new HubOperation("Xi'an terminal", "hub-rail-terminal", TEU, MASS_t),
        TransportLeg.of(
            "Xi'an-Khorgos", "rail-electric", 2100, MASS_t, List.of(new CountryKm("CN", 2100))),
        new HubOperation("Altynkol gauge change", "hub-gauge-change", TEU, MASS_t),
        TransportLeg.of("Altynkol-Aktau", "rail-diesel", 3200, MASS_t, List.of()),
        TransportLeg.of("Aktau-Alat ferry", "ferry-rail", 420, MASS_t, List.of()),
        TransportLeg.of(
            "Alat-Kars",
            "rail-electric",
            650,
            MASS_t,
            List.of(new CountryKm("AZ", 430), new CountryKm("GE", 220))),
        new HubOperation("Akhalkalaki gauge change", "hub-gauge-change", TEU, MASS_t),
        TransportLeg.of(
            "Kars-Istanbul", "rail-electric", 2323, MASS_t, List.of(new CountryKm("TR", 2323))),
        TransportLeg.of(
            "Istanbul-Prague", "rail-electric", 2790, MASS_t, List.of(new CountryKm("EU", 2790))),
        TransportLeg.of(
            "Prague-Duisburg",
            "rail-electric",
            700,
            MASS_t,
            List.of(new CountryKm("CZ", 150), new CountryKm("DE", 550))),
        new HubOperation("Duisburg terminal", "hub-rail-terminal", TEU, MASS_t));
  }
}
