package org.caravan.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/EMISSIONS.md: one FEU (2 TEU, 20 t of cargo) from Xi'an to Duisburg by
 * the Middle Corridor and by the Northern route, and Shanghai to Rotterdam by sea via Suez. Each
 * expected value is written out by hand from the cited factors; the module must agree within 0.1 %.
 */
class WorkedExamplesTest {
  // Factors, as in data/emissions/factors.csv (g CO2e per tkm unless stated).
  static final double E_RAIL_kWh_per_tkm = 0.027; // VTT LIPASTO electric container train 2016
  static final double GRID_CN = 557.50, GRID_AZ = 632.89, GRID_GE = 143.06, GRID_TR = 469.70; // Ember 2025, g/kWh
  static final double GRID_EU = 213.02, GRID_CZ = 413.86, GRID_DE = 342.06, GRID_RU = 446.17; // Ember 2025
  static final double GRID_BY = 313.62, GRID_PL = 614.98; // Ember 2025
  static final double RAIL_DIESEL_WTT = 6.91, RAIL_DIESEL_TTW = 27.79; // DESNZ 2025 freight train
  static final double RORO_WTT = 11.70, RORO_TTW = 51.58; // DESNZ 2025 RoRo-Ferry average
  static final double SHIP_8000_WTT = 2.87, SHIP_8000_TTW = 12.66; // DESNZ 2025 container ship 8000+ TEU
  static final double DAF_SEA = 1.15; // ISO 14083 5.4.4 as transcribed (rail 1.00)
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
            + MASS_t * 420 * DAF_SEA * RORO_WTT // Caspian ferry Aktau-Alat
            + MASS_t * E_RAIL_kWh_per_tkm * (430 * GRID_AZ + 220 * GRID_GE) // Alat-Kars, km-weighted
            + MASS_t * 2323 * E_RAIL_kWh_per_tkm * GRID_TR // Kars-Istanbul
            + MASS_t * 2790 * E_RAIL_kWh_per_tkm * GRID_EU // Istanbul-Prague at the EU-27 average
            + MASS_t * E_RAIL_kWh_per_tkm * (150 * GRID_CZ + 550 * GRID_DE); // Prague-Duisburg
    double ttw_g =
        MASS_t * 3200 * RAIL_DIESEL_TTW
            + MASS_t * 420 * DAF_SEA * RORO_TTW
            + 4 * TEU * HUB_TTW_g_per_TEU; // Xi'an, Altynkol, Akhalkalaki, Duisburg
    // = 2,396.67 kg WTT + 2,416.82 kg TTW = 4,813.49 kg WTW

    ChainResult result = calculator.compute(middleCorridor());

    assertThat(result.total().wtt_g()).isCloseTo(wtt_g, within(wtt_g * 0.001));
    assertThat(result.total().ttw_g()).isCloseTo(ttw_g, within(ttw_g * 0.001));
    assertThat(result.total().wtw_g()).isCloseTo(4_813_494, within(4_813_494 * 0.001));
  }

  @Test
  void middleCorridor_csvExampleFileGivesTheSameTotal() {
    List<ChainElement> chain = reader.read(
        Path.of("..", "data", "emissions", "examples", "xian-duisburg-middle-corridor.csv"), ChainFileReader.Format.AUTO);
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
    // = 2,030.90 kg WTT + 1,223.81 kg TTW = 3,254.71 kg WTW

    ChainResult result = calculator.compute(reader.read(
        Path.of("..", "data", "emissions", "examples", "xian-duisburg-northern.csv"), ChainFileReader.Format.AUTO));

    assertThat(result.total().wtt_g()).isCloseTo(wtt_g, within(wtt_g * 0.001));
    assertThat(result.total().ttw_g()).isCloseTo(ttw_g, within(ttw_g * 0.001));
    assertThat(result.total().wtw_g()).isCloseTo(3_254_709, within(3_254_709 * 0.001));
  }

  @Test
  void shanghaiRotterdamBySea_matchesHandCalculation() {
    double distance_km = 10_600 * 1.852; // 10,600 nm via Suez (corridor-facts 2.1, PEM-ROUTE) = 19,631.2 km
    double wtt_g = MASS_t * distance_km * DAF_SEA * SHIP_8000_WTT;
    double ttw_g = MASS_t * distance_km * DAF_SEA * SHIP_8000_TTW + 2 * TEU * HUB_TTW_g_per_TEU;
    // = 1,295.86 kg WTT + 5,786.21 kg TTW = 7,082.07 kg WTW

    ChainResult result = calculator.compute(reader.read(
        Path.of("..", "data", "emissions", "examples", "shanghai-rotterdam-sea.json"), ChainFileReader.Format.AUTO));

    assertThat(result.total().wtt_g()).isCloseTo(wtt_g, within(wtt_g * 0.001));
    assertThat(result.total().ttw_g()).isCloseTo(ttw_g, within(ttw_g * 0.001));
    assertThat(result.total().wtw_g()).isCloseTo(7_082_068, within(7_082_068 * 0.001));
  }

  @Test
  void everyLegNamesItsFactorsAndDataKind() {
    ChainResult result = calculator.compute(middleCorridor());
    ElementResult kz = result.elements().get(3);
    assertThat(kz.factorIds()).containsExactly("desnz25.rail-freight-train", "daf.rail");
    assertThat(kz.dataKind()).isEqualTo(DataKind.DEFAULT);
    ElementResult azGe = result.elements().get(5);
    assertThat(azGe.factorIds()).contains("lipasto16.rail-electric-container", "grid.AZ", "grid.GE");
    assertThat(azGe.emissions().ttw_g()).isZero();
    assertThat(result.elements().get(4).adjustedDistance_km()).isCloseTo(420 * 1.15, within(1e-9));
  }

  static List<ChainElement> middleCorridor() {
    return List.of(
        new HubOperation("Xi'an terminal", "hub-rail-terminal", TEU, MASS_t),
        TransportLeg.of("Xi'an-Khorgos", "rail-electric", 2100, MASS_t, List.of(new CountryKm("CN", 2100))),
        new HubOperation("Altynkol gauge change", "hub-gauge-change", TEU, MASS_t),
        TransportLeg.of("Altynkol-Aktau", "rail-diesel", 3200, MASS_t, List.of()),
        TransportLeg.of("Aktau-Alat ferry", "ferry-roro", 420, MASS_t, List.of()),
        TransportLeg.of("Alat-Kars", "rail-electric", 650, MASS_t,
            List.of(new CountryKm("AZ", 430), new CountryKm("GE", 220))),
        new HubOperation("Akhalkalaki gauge change", "hub-gauge-change", TEU, MASS_t),
        TransportLeg.of("Kars-Istanbul", "rail-electric", 2323, MASS_t, List.of(new CountryKm("TR", 2323))),
        TransportLeg.of("Istanbul-Prague", "rail-electric", 2790, MASS_t, List.of(new CountryKm("EU", 2790))),
        TransportLeg.of("Prague-Duisburg", "rail-electric", 700, MASS_t,
            List.of(new CountryKm("CZ", 150), new CountryKm("DE", 550))),
        new HubOperation("Duisburg terminal", "hub-rail-terminal", TEU, MASS_t));
  }
}
