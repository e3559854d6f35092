package org.caravan.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.caravan.simulation.stats.StudentT;
import org.junit.jupiter.api.Test;

/**
 * The blocking buffer against queueing theory: one exponential server behind a buffer of K places,
 * fed by a Poisson source that stops while its arrival is held (back-pressure, nothing dropped).
 * The chain is a birth-death process on 0..K+1 (K+1 = "K inside and one held"), i.e. M/M/1/(K+1),
 * and arrivals only happen in states 0..K, so the share of arrivals held is the M/M/1/K blocking
 * probability P_K = (1 - rho) rho^K / (1 - rho^(K+1)) (Kleinrock, Queueing Systems I, §3.6), a held
 * arrival waits one service time on average (1/mu), and the source is held a share pi_(K+1) = (1 -
 * rho) rho^(K+1) / (1 - rho^(K+2)) of the time.
 */
class BlockingBufferTest {
  private static final int ARRIVE = 0;
  private static final int DONE = 1;
  private static final long TICKS = 1_000_000; // ticks per mean service time

  /** One replication's held share of arrivals, mean held time (services) and held time share. */
  private record Run(double heldShare, double meanHeld, double heldTime) {}

  private static Run mm1k(double rho, int k, int arrivals, long seed) {
    EventEngine engine = new EventEngine(TICKS, 64);
    BlockingBuffer buffer = new BlockingBuffer(engine, k, new EntityLinks(1));
    SplittableRandom rng = new SplittableRandom(seed);
    long[] offered = {0};
    double[] heldSum = {0};
    long[] admitted = {0};
    engine.schedule(exp(rng, rho), ARRIVE, 0);
    engine.run(
        (type, e) -> {
          if (type == ARRIVE) {
            offered[0]++;
            if (buffer.offer(0, 1)) {
              buffer.enter(1);
              if (buffer.level() == 1) {
                engine.scheduleIn(exp(rng, 1), DONE, 0);
              }
              if (offered[0] < arrivals) {
                engine.scheduleIn(exp(rng, rho), ARRIVE, 0);
              }
            }
          } else {
            buffer.leave(1);
            if (buffer.admitNext() != BlockingBuffer.NONE) {
              buffer.enter(1);
              heldSum[0] += (double) buffer.lastHeldTicks() / TICKS;
              admitted[0]++;
              if (offered[0] < arrivals) {
                engine.scheduleIn(exp(rng, rho), ARRIVE, 0);
              }
            }
            if (buffer.level() > 0) {
              engine.scheduleIn(exp(rng, 1), DONE, 0);
            }
          }
        });
    return new Run(
        (double) buffer.heldCount() / buffer.offers(), heldSum[0] / admitted[0], buffer.meanHeld());
  }

  /** An exponential time with the given rate (per mean service time), in ticks. */
  private static long exp(SplittableRandom rng, double rate) {
    return Math.round(-Math.log(1 - rng.nextDouble()) / rate * TICKS);
  }

  @Test
  void the_share_of_arrivals_held_is_the_mm1k_blocking_probability() {
    double rho = 0.8;
    int k = 5;
    int reps = 20;
    double[] share = new double[reps];
    double[] held = new double[reps];
    double[] time = new double[reps];
    SplittableRandom seeds = new SplittableRandom(13);
    for (int r = 0; r < reps; r++) {
      Run run = mm1k(rho, k, 100_000, seeds.nextLong());
      share[r] = run.heldShare();
      held[r] = run.meanHeld();
      time[r] = run.heldTime();
    }
    double pK = (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1));
    double piHeld = (1 - rho) * Math.pow(rho, k + 1) / (1 - Math.pow(rho, k + 2));

    // P_K = 0.0888 for rho 0.8, K 5; each estimate's 95 % interval over 20 replications covers it.
    assertThat(pK).isCloseTo(0.08882, org.assertj.core.data.Offset.offset(1e-5));
    assertCovers(share, pK);
    assertCovers(held, 1.0);
    assertCovers(time, piHeld);
  }

  @Test
  void nothing_is_dropped_and_held_arrivals_enter_in_order_when_room_is_made() {
    EventEngine engine = new EventEngine(1);
    BlockingBuffer b = new BlockingBuffer(engine, 10, new EntityLinks(4));
    assertThat(b.offer(0, 6)).isTrue();
    b.enter(6);
    assertThat(b.offer(1, 5)).isFalse(); // 6 + 5 > 10: held
    assertThat(b.offer(2, 1)).isFalse(); // fits, but no overtaking of the held arrival
    assertThat(b.heldNow()).isEqualTo(2);
    assertThat(b.admitNext()).isEqualTo(BlockingBuffer.NONE);
    b.leave(6);
    assertThat(b.admitNext()).isEqualTo(1);
    b.enter(5);
    assertThat(b.admitNext()).isEqualTo(2);
    b.enter(1);
    assertThat(b.level()).isEqualTo(6);
    assertThat(b.offers()).isEqualTo(3);
    assertThat(b.heldCount()).isEqualTo(2);
    // An arrival larger than the whole buffer enters when the buffer is empty.
    b.leave(6);
    assertThat(b.offer(3, 50)).isTrue();
    assertThrows(IllegalStateException.class, () -> b.leave(51));
  }

  private static void assertCovers(double[] x, double expected) {
    int n = x.length;
    double mean = 0;
    for (double v : x) {
      mean += v / n;
    }
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double hw = StudentT.twoSidedQuantile(0.95, n - 1) * Math.sqrt(ss / (n - 1) / n);
    assertThat(expected).as("mean %s ± %s", mean, hw).isBetween(mean - hw, mean + hw);
  }
}
