package org.caravan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.caravan.network.Episodes.Kind;
import org.caravan.network.io.NetworkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dated land episodes: the release rule, the default file and the file's checks. */
class EpisodesTest {
  private static final NetworkSpec FILES = NetworkFiles.readDefault();
  private static final long DAY = 86_400;

  private static long at(int y, int m, int d) {
    return LocalDate.of(y, m, d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }

  @Property
  void release_is_first_in_first_out_and_never_early(
      @ForAll @LongRange(min = 0, max = 100 * DAY) long start,
      @ForAll @LongRange(min = 0, max = 60 * DAY) long length,
      @ForAll @LongRange(min = 0, max = 20 * DAY) long delay,
      @ForAll @LongRange(min = -10 * DAY, max = 200 * DAY) long t,
      @ForAll @LongRange(min = 0, max = 10 * DAY) long later) {
    for (Kind k : Kind.values()) {
      long d = k == Kind.CLOSURE ? 0 : delay;
      long r = Episodes.release_s(k, start, start + length, d, t);
      assertThat(r).isGreaterThanOrEqualTo(t);
      assertThat(Episodes.release_s(k, start, start + length, d, t + later))
          .as("a later arrival never leaves earlier")
          .isGreaterThanOrEqualTo(r);
      // Nobody is held longer than the closure or the delay.
      assertThat(r - t).isLessThanOrEqualTo(k == Kind.CLOSURE ? length : delay);
    }
  }

  @Test
  void a_congestion_delays_arrivals_in_its_period_and_its_backlog_drains_after_it() {
    long start = 10 * DAY;
    long end = 20 * DAY;
    long delay = 8 * DAY;
    Kind c = Kind.CONGESTION;
    assertThat(Episodes.release_s(c, start, end, delay, start - 1)).isEqualTo(start - 1);
    assertThat(Episodes.release_s(c, start, end, delay, start)).isEqualTo(start + delay);
    assertThat(Episodes.release_s(c, start, end, delay, 15 * DAY)).isEqualTo(23 * DAY);
    // Just after the period: behind the backlog, until end + delay.
    assertThat(Episodes.release_s(c, start, end, delay, 21 * DAY)).isEqualTo(28 * DAY);
    assertThat(Episodes.release_s(c, start, end, delay, 28 * DAY)).isEqualTo(28 * DAY);
    assertThat(Episodes.release_s(Kind.CLOSURE, start, end, 0, 12 * DAY)).isEqualTo(end);
    assertThat(Episodes.release_s(Kind.CLOSURE, start, end, 0, end)).isEqualTo(end);
  }

  @Test
  void the_default_file_holds_westbound_trains_at_the_chinese_border_in_spring_2024() {
    Episodes all = Episodes.readDefault(FILES);
    assertThat(all.on(LocalDate.of(2024, 3, 31))).isEmpty();
    assertThat(all.on(LocalDate.of(2024, 4, 20)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo("CN-KZ-CONGESTION-2024");
              assertThat(e.source()).isEqualTo("RF-CONG24");
              assertThat(e.delay_s()).isEqualTo(Math.round(8.5 * DAY));
            });
    Network net = Network.build(FILES);
    Episodes.Compiled on = all.compile(net);
    int akl = net.findNode("CNAKL").getAsInt();
    int dostyk = net.findNode("KZ-DOSTYK").getAsInt();
    int jinghe = net.findNode("CN-JINGHE").getAsInt();
    long t = at(2024, 4, 20);
    assertThat(on.release_s(akl, dostyk, t)).isEqualTo(t + Math.round(8.5 * DAY));
    assertThat(on.variance_s2(akl, dostyk, t))
        .isEqualTo(Math.round(2.5 * DAY) * Math.round(2.5 * DAY));
    // Eastbound (into China) the congestion does not hold the train.
    assertThat(on.release_s(akl, jinghe, t)).isEqualTo(t);
    assertThat(on.release_s(dostyk, akl, t)).isEqualTo(t);
    // Poland's closure: a train at Brest on 15 Sep 2025 waits for the reopening on 26 Sep 00:00.
    int brest = net.findNode("BYBQT").getAsInt();
    int mal = net.findNode("PLMAA").getAsInt();
    assertThat(on.release_s(brest, mal, at(2025, 9, 15))).isEqualTo(at(2025, 9, 26));
  }

  @Test
  void an_overlay_adds_its_episodes_and_may_not_reuse_an_id(@TempDir Path dir) throws IOException {
    String header =
        "id,name,nodes,toward,valid_from,valid_to,kind,delay_days,delay_sd_days,evidence,source,notes\n";
    Files.writeString(
        dir.resolve("episodes.csv"),
        header + "WHATIF,w,KZ-DOSTYK,,2026-12-01,2026-12-14,closure,,,estimate,EST,\n");
    // A directory holding only episodes.csv is a valid overlay of the network files.
    List<Problem> problems = new ArrayList<>();
    assertThat(NetworkFiles.layerOf(dir, problems)).isEmpty();
    assertThat(problems).isEmpty();
    Episodes with = Episodes.readWith(FILES, List.of(dir));
    assertThat(with.episodes())
        .extracting(Episodes.Episode::id)
        .contains("CN-KZ-CONGESTION-2024", "WHATIF");
    Files.writeString(
        dir.resolve("episodes.csv"),
        header
            + "CN-KZ-CONGESTION-2024,again,CNAKL,,2026-12-01,2026-12-14,closure,,,estimate,EST,\n");
    assertThatThrownBy(() -> Episodes.readWith(FILES, List.of(dir)))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("CN-KZ-CONGESTION-2024")
        .hasMessageContaining("already defined");
  }

  @Test
  void an_unterminated_quote_is_named_without_a_java_type() {
    // CliFuzz found it: the parser's message came wrapped in its exception's class name.
    String csv =
        "id,name,nodes,toward,valid_from,valid_to,kind,delay_days,delay_sd_days,evidence,source,notes\n"
            + "A,\"never closed,CNAKL\n";
    assertThatThrownBy(() -> Episodes.read("episodes.csv", () -> new StringReader(csv), FILES))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("episodes.csv")
        .hasMessageContaining("EOF reached before encapsulated token finished")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void bad_rows_are_reported_with_line_and_field() {
    String csv =
        "id,name,nodes,toward,valid_from,valid_to,kind,delay_days,delay_sd_days,evidence,source,notes\n"
            + "A,a,NOWHERE,KZ,2024-01-01,2023-01-01,congestion,0,,observed,RF-CONG24,\n"
            + "B,b,CNAKL,XX,2024-01-01,2024-02-01,queue,3,,guess,NO-SUCH-ID,\n"
            + "D,d,CNAKL,,2024-01-01,2024-01-05,closure,4,,observed,TE25,\n"
            + "C,c,CNAKL,,2024-01-01,2024-01-05,closure,,,observed,TE25,\n"
            + "C,c,CNAKL,,2024-03-01,2024-03-05,closure,,,observed,TE25,\n";
    assertThatThrownBy(() -> Episodes.read("episodes.csv", () -> new StringReader(csv), FILES))
        .isInstanceOfSatisfying(
            NetworkException.class,
            e -> {
              String all = String.join("\n", e.problems().stream().map(Problem::toString).toList());
              assertThat(all)
                  .contains("episodes.csv:2: field 'nodes': unknown node 'NOWHERE'")
                  .contains("episodes.csv:2: field 'valid_to'")
                  .contains("episodes.csv:2: field 'delay_days': a congestion needs a delay")
                  .contains("episodes.csv:3: field 'toward': country 'XX'")
                  .contains("episodes.csv:3: field 'kind': expected closure or congestion")
                  .contains("episodes.csv:3: field 'evidence'")
                  .contains("episodes.csv:3: field 'source': unknown source id 'NO-SUCH-ID'")
                  .contains("episodes.csv:4: field 'delay_days': a closure holds trains")
                  .contains("episodes.csv:6: field 'id': episode id 'C' is used twice");
            });
  }
}
