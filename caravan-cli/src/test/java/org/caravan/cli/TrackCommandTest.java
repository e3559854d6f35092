package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The must-show flows of {@code caravan track} on a real DuckDB store in a temporary folder. */
class TrackCommandTest {
  @TempDir Path dir;

  static final Path SAMPLE = CliFuzz.REPO.resolve("data/tracking/sample-events.csv");
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void the_sample_ingests_lists_and_every_shipment_has_an_ordered_eta_band() throws Exception {
    String store = dir.resolve("store.duckdb").toString();
    Cli in = Cli.run("track", "ingest", SAMPLE.toString(), "--store", store);
    assertThat(in.code()).as(in.err()).isZero();
    long rows = Files.readAllLines(SAMPLE).size() - 1;
    assertThat(in.out()).contains(rows + " events read, " + rows + " stored, 0 already stored");

    Cli again = Cli.run("track", "ingest", SAMPLE.toString(), "--store", store);
    assertThat(again.out()).contains("0 stored, " + rows + " already stored, 0 rejected");

    Cli list = Cli.run("track", "list", "--json", "--store", store);
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode shipments = JSON.readTree(list.out());
    assertThat(shipments.size()).isEqualTo(24);
    int inTransit = 0;
    for (JsonNode s : shipments) {
      String id = s.get("shipment_id").asText();
      Cli eta = Cli.run("track", "eta", id, "--json", "--store", store);
      assertThat(eta.code()).as(eta.err()).isZero();
      JsonNode e = JSON.readTree(eta.out()).get("eta");
      Instant p10 = Instant.parse(e.get("p10").asText());
      Instant p50 = Instant.parse(e.get("p50").asText());
      Instant p90 = Instant.parse(e.get("p90").asText());
      assertThat(p10).isBeforeOrEqualTo(p50);
      assertThat(p50).isBeforeOrEqualTo(p90);
      if (s.get("status").asText().equals("in_transit")) {
        inTransit++;
        // the arrival is still ahead of the last confirmed position
        assertThat(p10).isAfterOrEqualTo(Instant.parse(s.get("position").get("time").asText()));
        assertThat(s.get("legs_left").asInt()).isPositive();
      }
    }
    assertThat(inTransit).isGreaterThan(5);
  }

  @Test
  void a_wrong_check_digit_is_named_and_the_good_events_of_the_batch_are_kept() throws Exception {
    String store = dir.resolve("store.duckdb").toString();
    Path batch = dir.resolve("batch.csv");
    Files.writeString(
        batch,
        String.join(
                "\n",
                List.of(
                    "event_id,shipment_id,container,event_type,classifier,event_time,location,facility,mode,destination,booked_route",
                    "B1,SHIP-1,CSQU3054383,GTIN,ACT,2024-03-01T08:00:00Z,CNXIA,Xinzhu,RAIL,AZBAK,",
                    "B2,SHIP-1,CSQU3054383,DEPA,ACT,2024-03-02T08:00:00Z,CNXIA,,RAIL,,",
                    "B3,SHIP-2,CSQU3054384,GTIN,ACT,2024-03-02T09:00:00Z,CNXIA,,RAIL,GEPTI,",
                    "B4,SHIP-1,CSQU3054383,ARRI,ACT,2024-03-06T08:00:00Z,KZ-DOSTYK,,RAIL,,"))
            + "\n",
        StandardCharsets.UTF_8);
    Cli in = Cli.run("track", "ingest", batch.toString(), "--store", store);
    assertThat(in.code()).isEqualTo(1);
    assertThat(in.out()).contains("4 events read, 3 stored, 0 already stored, 1 rejected");
    assertThat(in.err())
        .contains("rejected event B3 (line 4), field container")
        .contains("check digit 4, ISO 6346 gives 3")
        .doesNotContain("Exception");
    Cli show = Cli.run("track", "show", "SHIP-1", "--store", store);
    JsonNode d = JSON.readTree(show.out());
    assertThat(d.get("timeline").size()).isEqualTo(3);
    assertThat(d.get("position").get("location").asText()).isEqualTo("KZ-DOSTYK");
    assertThat(d.get("legs_done").asInt()).isGreaterThanOrEqualTo(0);
    assertThat(Cli.run("track", "eta", "SHIP-2", "--store", store).code()).isEqualTo(1);
  }

  @Test
  void bad_input_is_one_line_with_exit_code_one() throws Exception {
    String store = dir.resolve("store.duckdb").toString();
    Cli missing = Cli.run("track", "ingest", dir.resolve("none.csv").toString(), "--store", store);
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
    Path json = Files.writeString(dir.resolve("e.json"), "[{\"event_id\": 1,");
    Cli bad = Cli.run("track", "ingest", json.toString(), "--store", store);
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("not valid JSON").doesNotContain("Exception");
    Cli at = Cli.run("track", "eta", "X", "--at", "yesterday", "--store", store);
    assertThat(at.code()).isEqualTo(1);
    assertThat(at.err()).contains("--at");
  }

  @Test
  void sample_takes_its_knobs_with_their_defaults_and_refuses_a_value_of_another_type()
      throws Exception {
    Path dflt = dir.resolve("default.csv");
    Cli d = Cli.run("track", "sample", "--out", dflt.toString());
    assertThat(d.code()).as(d.err()).isZero();
    assertThat(d.out()).contains("24 shipments").contains("(synthetic: seed 7, day 120)");
    assertThat(shipments(dflt)).isEqualTo(24);

    Path small = dir.resolve("small.csv");
    Cli s =
        Cli.run(
            "track",
            "sample",
            "--out",
            small.toString(),
            "--seed",
            "11",
            "--day",
            "60",
            "--shipments",
            "3");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("3 shipments").contains("(synthetic: seed 11, day 60)");
    assertThat(shipments(small)).isEqualTo(3);

    Cli again = Cli.run("track", "sample", "--out", small.toString());
    assertThat(again.code()).isEqualTo(1);
    Cli day = Cli.run("track", "sample", "--out", dir.resolve("x.csv").toString(), "--day", "x");
    assertThat(day.code()).isEqualTo(1);
    assertThat(day.err()).contains("'--day'").contains("'x' is not an int");
    Cli noOut = Cli.run("track", "sample");
    assertThat(noOut.code()).isEqualTo(1);
    assertThat(noOut.err()).contains("Missing required option: '--out=FILE'");
    Cli perCorridor = Cli.run("track", "evaluate", "--per-corridor", "1.5");
    assertThat(perCorridor.code()).isEqualTo(1);
    assertThat(perCorridor.err()).contains("'--per-corridor'");
    assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
  }

  /** The distinct shipments of an event file (second column). */
  private static long shipments(Path events) throws Exception {
    return Files.readAllLines(events).stream().skip(1).map(l -> l.split(",")[1]).distinct().count();
  }
}
