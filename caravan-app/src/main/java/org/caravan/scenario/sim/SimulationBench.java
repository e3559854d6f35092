package org.caravan.scenario.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.caravan.scenario.Caravan;
import org.caravan.simulation.corridor.CorridorResult;

/**
 * Times the default scenario for {@code docs/BENCHMARKS.md}: {@code SimulationBench YEARS
 * REPLICATIONS [THREADS]} prints one line with the wall time of loading the network and building
 * the model, of the replications, events per second and the peak heap. A fresh JVM per call, so JIT
 * warm-up is included.
 */
public final class SimulationBench {
  private SimulationBench() {}

  /**
   * CPU time of the whole process (all threads, JIT and GC included), so busy neighbours show up as
   * wall time only.
   */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    double years = Double.parseDouble(args[0]);
    int reps = Integer.parseInt(args[1]);
    int threads =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    Caravan caravan = Caravan.openDefault();
    Scenario sc =
        ScenarioLoader.loadResource(ScenarioLoader.DEFAULT, caravan)
            .withYears(years)
            .withReplications(reps);
    long t1 = System.nanoTime();
    long c1 = cpuNanos();
    SimulationService.Run run = new SimulationService(caravan).run(sc, threads, i -> {});
    long t2 = System.nanoTime();
    long c2 = cpuNanos();
    CorridorResult r = run.result();
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    double sim_s = (t2 - t1) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "years=%s replications=%d threads=%d load_build_s=%.2f simulate_s=%.2f simulate_cpu_s=%.2f "
            + "per_replication_ms=%.1f events=%d events_per_s=%.0f peak_heap_mb=%.0f middle_mt=%.3f%n",
        args[0],
        reps,
        threads,
        (t1 - t0) / 1e9,
        sim_s,
        (c2 - c1) / 1e9,
        1000 * sim_s / reps,
        r.events(),
        r.events() / sim_s,
        peak / 1048576.0,
        r.kpi("throughput.middle.tonnes_per_year").orElseThrow().mean() / 1e6);
  }
}
