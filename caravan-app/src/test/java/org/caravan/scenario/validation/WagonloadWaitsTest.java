package org.caravan.scenario.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.caravan.network.Network;
import org.caravan.routing.ExpectedWaits;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.UserException;
import org.junit.jupiter.api.Test;

/**
 * The wait table's {@code wagonload} rows as the router reads them: the measured rate at the node
 * that has a row, the mean of its country's rows at the other stations of that country, and none at
 * a border station (cargo there rides the through block trains) or in another country.
 */
class WagonloadWaitsTest {
  private static final Network NET = Caravan.openDefault().network();

  private static final String TABLE =
      String.join(",", WaitTable.COLUMNS)
          + "\n"
          + "wagonload,KZALA,,,,all,60,18,Almaty\n"
          + "wagonload,KZKGF,,,,all,80,24,Karaganda\n";

  @Test
  void a_station_without_a_row_takes_its_countrys_mean_and_a_border_takes_none() throws Exception {
    List<WaitTable.Row> rows = WaitTable.read(new StringReader(TABLE), "waits.csv");
    ExpectedWaits w = WaitTable.waits(rows, NET);
    assertThat(w.wagonload_hPer1000km(NET.getNode("KZALA"))).isEqualTo(60);
    assertThat(w.wagonloadSd_hPer1000km(NET.getNode("KZKGF"))).isEqualTo(24);
    assertThat(w.wagonload_hPer1000km(NET.getNode("KZ-SHYMKENT"))).isEqualTo(70);
    assertThat(w.wagonloadSd_hPer1000km(NET.getNode("KZ-SHYMKENT"))).isEqualTo(21);
    assertThat(w.wagonload_hPer1000km(NET.getNode("KZAAU"))).isEqualTo(70);
    assertThat(w.wagonload_hPer1000km(NET.getNode("KZ-DOSTYK"))).isZero();
    assertThat(w.wagonload_hPer1000km(NET.getNode("KZHOR"))).isZero();
    assertThat(w.wagonload_hPer1000km(NET.getNode("CNXIA"))).isZero();
    // Every season reads the year's rows.
    for (org.caravan.network.Season s : org.caravan.network.Season.values()) {
      assertThat(w.inSeason(s).wagonload_hPer1000km(NET.getNode("KZ-SHYMKENT"))).isEqualTo(70);
    }
  }

  @Test
  void a_negative_rate_is_named_with_its_line() {
    String bad = TABLE.replace("all,80,24", "all,-80,24");
    assertThatThrownBy(() -> WaitTable.read(new StringReader(bad), "waits.csv"))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("waits.csv:3: field 'mean_h'");
  }
}
