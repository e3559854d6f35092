package org.caravan.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caravan.network.io.NetworkFiles;

/**
 * A tiny three-node corridor as network files in a temporary directory, with helpers to break it.
 */
final class Fixture {
  static final String SOURCES =
      """
      id,title,publisher,date,url,licence
      T1,Test source,Caravan,2026,,CC0-1.0
      EST,Caravan project estimate,Caravan,2026,,Apache-2.0
      """;
  static final String NODES =
      """
      id,name,aliases,kind,country,lat,lon,handling_h,source,coord_source
      KZAAU,Aktau,Aqtau;Актау,port,KZ,43.65,51.15,20,T1,EST+T1
      KZ-BEINEU,Beineu,,city,KZ,45.3,55.2,,T1,EST
      AZBAK,Baku,Alat;Alyat,port,AZ,39.98,49.44,20,T1,T1
      """;
  static final String LINKS =
      """
      id,from,to,mode,gauge,ferry_type,distance_km,duration_h,duration_sd_h,tariff_usd_teu,countries,toc,service,source
      beineu-aktau,KZ-BEINEU,KZAAU,rail,1520,,480,20,4,300,KZ,rail-diesel,,T1
      aktau-baku,KZAAU,AZBAK,ferry,1520,rail,470,20,3,900,KZ;AZ,ferry-roro,caspian,T1
      """;
  static final String TRANSFERS =
      """
      node,from_class,to_class,time_h,cost_usd_teu,source
      KZAAU,rail1520,ferry,12,80,EST
      """;
  static final String SERVICES =
      """
      id,link,kind,departures_per_week,first_departure_h,timetable,capacity_teu,source
      caspian,aktau-baku,frequency,3,18,,110,EST+T1
      """;

  final Map<String, String> files = new LinkedHashMap<>();

  Fixture() {
    files.put("sources.csv", SOURCES);
    files.put("nodes.csv", NODES);
    files.put("links.csv", LINKS);
    files.put("transfers.csv", TRANSFERS);
    files.put("services.csv", SERVICES);
  }

  /** Replaces a text in one file (the text must be present). */
  Fixture replace(String file, String from, String to) {
    String content = files.get(file);
    if (!content.contains(from)) {
      throw new IllegalArgumentException(file + " has no '" + from + "'");
    }
    files.put(file, content.replace(from, to));
    return this;
  }

  Fixture append(String file, String line) {
    files.put(file, files.get(file) + line + "\n");
    return this;
  }

  Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      for (var e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Network build(Path dir) {
    return Network.build(NetworkFiles.readDirectory(write(dir)));
  }
}
