package org.caravan.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caravan.network.NetworkSpec;
import org.caravan.network.io.NetworkFiles;
import org.caravan.network.io.Table;

/**
 * The network the CRM view routes on: the built-in network plus the CRM overlay ({@code
 * data/crm/network/}), which adds the chartered-vessel links the class-7 chain uses (no scheduled
 * liner carries uranium) and the historical uranium route through St Petersburg (WNN221220). The
 * overlay is an ordinary network layer, so its rows are checked like any other network file.
 */
public final class CrmNetwork {
  /** Classpath location of the overlay's links. */
  public static final String OVERLAY_LINKS = CrmDataset.RESOURCE_DIR + "network/links.csv";

  /** Classpath location of the overlay's nodes. */
  public static final String OVERLAY_NODES = CrmDataset.RESOURCE_DIR + "network/nodes.csv";

  private CrmNetwork() {}

  /**
   * The default network with the CRM overlay on top (throws NetworkException on a bad overlay row).
   */
  public static NetworkSpec spec() {
    return NetworkFiles.read(
        List.of(
            NetworkFiles.defaultLayer(),
            List.of(
                input("data/crm/network/nodes.csv", Table.NODES, OVERLAY_NODES),
                input("data/crm/network/links.csv", Table.LINKS, OVERLAY_LINKS),
                input(
                    "data/crm/network/transfers.csv",
                    Table.TRANSFERS,
                    CrmDataset.RESOURCE_DIR + "network/transfers.csv"))));
  }

  private static NetworkFiles.Input input(String name, Table table, String resource) {
    return new NetworkFiles.Input(
        name,
        table,
        () -> {
          InputStream in = CrmNetwork.class.getClassLoader().getResourceAsStream(resource);
          if (in == null) {
            throw new IOException("resource " + resource + " is missing from the class path");
          }
          return new InputStreamReader(in, StandardCharsets.UTF_8);
        });
  }
}
