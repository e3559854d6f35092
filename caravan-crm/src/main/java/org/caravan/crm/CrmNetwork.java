package org.caravan.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.List;
import org.caravan.network.NetworkSpec;
import org.caravan.network.io.NetworkFiles;
import org.caravan.network.io.Table;

/**
 * The network the CRM view routes on: the built-in network plus the CRM overlay ({@code
 * data/crm/network/}), which adds the chartered-vessel links the class-7 chain uses (no scheduled
 * liner carries uranium). The overlay is an ordinary network layer, so its rows are checked like
 * any other network file.
 */
public final class CrmNetwork {
  /** Classpath location of the overlay's links. */
  public static final String OVERLAY_LINKS = CrmDataset.RESOURCE_DIR + "network/links.csv";

  private CrmNetwork() {}

  /**
   * The default network with the CRM overlay on top (throws NetworkException on a bad overlay row).
   */
  public static NetworkSpec spec() {
    NetworkFiles.Input overlay =
        new NetworkFiles.Input(
            "data/crm/network/links.csv",
            Table.LINKS,
            () -> {
              InputStream in = CrmNetwork.class.getClassLoader().getResourceAsStream(OVERLAY_LINKS);
              if (in == null) {
                throw new IOException(
                    "resource " + OVERLAY_LINKS + " is missing from the class path");
              }
              return new InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8);
            });
    return NetworkFiles.read(List.of(NetworkFiles.defaultLayer(), List.of(overlay)));
  }
}
