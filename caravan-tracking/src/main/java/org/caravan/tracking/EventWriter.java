package org.caravan.tracking;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes events as the CSV {@link EventReader} reads (header of {@link EventReader#FIELDS}). */
public final class EventWriter {
  private EventWriter() {}

  public static void csv(List<TrackingEvent> events, Writer out) throws IOException {
    CSVFormat fmt =
        CSVFormat.RFC4180
            .builder()
            .setHeader(EventReader.FIELDS.toArray(String[]::new))
            .setRecordSeparator("\n")
            .get();
    try (CSVPrinter p = new CSVPrinter(out, fmt)) {
      for (TrackingEvent e : events) {
        p.printRecord(
            e.eventId(),
            e.shipmentId(),
            e.container(),
            e.type().name(),
            e.classifier().name(),
            Instant.ofEpochSecond(e.eventTime_s()).toString(),
            e.location(),
            e.facility().orElse(""),
            e.mode().map(Enum::name).orElse(""),
            e.destination().orElse(""),
            String.join(";", e.bookedRoute()));
      }
    }
  }
}
