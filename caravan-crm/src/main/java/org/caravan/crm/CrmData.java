package org.caravan.crm;

import java.util.List;
import java.util.Set;
import org.caravan.routing.CargoClass;

/**
 * The records of the CRM dataset ({@code data/crm/}); every figure keeps its source ids as text.
 */
public final class CrmData {
  private CrmData() {}

  /**
   * A material of {@code materials.csv}.
   *
   * @param euList {@code strategic+critical}, {@code critical} or {@code not-listed} (Regulation
   *     (EU) 2024/1252)
   * @param unClass UN hazard class digit for dangerous goods (routing granularity), 0 otherwise
   * @param production published production with kind and year, as text (or {@code not found})
   */
  public record Material(
      String id,
      String name,
      String euList,
      String form,
      CargoClass cargo,
      int unClass,
      String unNumber,
      String packaging,
      String packagingSource,
      String producingNode,
      String production,
      String productionSource,
      String exports,
      String exportsSource,
      String euShare,
      String euShareSource,
      String notes) {}

  /**
   * A flow of {@code flows.csv}: tonnes of a material per year from a producing node to an EU node.
   *
   * @param tonnesSource source ids, {@code EST+<ids>} for an estimate
   * @param avoidCountries countries the shipper keeps out of the route (a preference, lifted only
   *     for the conditional alternative of a stranded flow)
   * @param avoidSource source ids of that preference
   */
  public record Flow(
      String id,
      String material,
      String origin,
      String destination,
      double tonnes_yr,
      String tonnesSource,
      String destinationSource,
      Set<String> avoidCountries,
      String avoidSource,
      String notes) {
    public Flow {
      avoidCountries = Set.copyOf(avoidCountries);
    }
  }

  /** A chokepoint of {@code chokepoints.csv}: crossed when a route uses any of its elements. */
  public record Chokepoint(String id, String name, List<Element> elements, String source) {
    public Chokepoint {
      elements = List.copyOf(elements);
    }
  }

  /** A named disruption: the elements it removes from the network. */
  public record Disruption(
      String id, String name, List<Element> removes, String source, String notes) {
    public Disruption {
      removes = List.copyOf(removes);
    }
  }

  /** An annual limit on a cargo class through a chokepoint ({@code quotas.csv}). */
  public record Quota(
      String chokepoint, CargoClass cargo, int unClass, double tonnes_yr, String source) {}
}
