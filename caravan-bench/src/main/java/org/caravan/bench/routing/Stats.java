package org.caravan.bench.routing;

import java.util.Arrays;

/** Small helpers for benchmark output. */
public final class Stats {
  private Stats() {}

  public static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  public static String fmt(double x) {
    return String.format(java.util.Locale.ROOT, "%.3f", x);
  }

  /** Random (from, to) pairs with from != to, from one seed. */
  public static int[][] pairs(int nodes, int count, long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    int[][] p = new int[count][];
    for (int i = 0; i < count; i++) {
      int a = rnd.nextInt(nodes);
      int b = rnd.nextInt(nodes - 1);
      p[i] = new int[] {a, b >= a ? b + 1 : b};
    }
    return p;
  }

  public static String machine() {
    Runtime rt = Runtime.getRuntime();
    return "java="
        + System.getProperty("java.vm.name")
        + " "
        + Runtime.version()
        + " cpus="
        + rt.availableProcessors()
        + " maxHeapMiB="
        + rt.maxMemory() / (1 << 20);
  }
}
