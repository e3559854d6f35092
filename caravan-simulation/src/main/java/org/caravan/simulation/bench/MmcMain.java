package org.caravan.simulation.bench;

import org.caravan.simulation.model.MmcModel;

/**
 * Command-line entry of the M/M/c benchmark on the simulation module's class path alone, so {@code
 * bench/mmc-vs-simpy.sh} does not depend on the CLI wiring. Usage: {@code java -cp
 * caravan-simulation/target/classes org.caravan.simulation.bench.MmcMain CUSTOMERS SERVERS SEED}.
 * Prints the SimPy script's one-line format; exit code 1 on bad arguments.
 */
public final class MmcMain {
  private MmcMain() {}

  public static void main(String[] args) {
    long customers;
    int servers;
    long seed;
    try {
      if (args.length != 3) {
        throw new IllegalArgumentException("expected 3 arguments");
      }
      customers = Long.parseLong(args[0]);
      servers = Integer.parseInt(args[1]);
      seed = Long.parseLong(args[2]);
    } catch (IllegalArgumentException e) {
      System.err.println("usage: MmcMain CUSTOMERS SERVERS SEED (" + e.getMessage() + ")");
      System.exit(1);
      return;
    }
    if (customers <= 0 || servers <= 0) {
      System.err.println(
          "customers and servers must be > 0, got customers=" + customers + " servers=" + servers);
      System.exit(1);
      return;
    }
    System.out.println(MmcModel.run(customers, servers, seed).line());
  }
}
