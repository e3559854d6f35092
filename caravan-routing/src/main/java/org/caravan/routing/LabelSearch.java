package org.caravan.routing;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import org.caravan.network.Network;
import org.caravan.network.heap.QuadHeap;

/**
 * Multi-criteria label search over states (node, tag; the tag is the carrier class and the practice
 * state, see {@link QueryContext}): the routes no other route beats on transit time, cost, CO2e and
 * p95 transit time, or the best route(s) by one criterion. Labels are compared on (time, cost,
 * CO2e, variance), which is additive and so exact; the answer is then filtered on the p95 arrival,
 * which grows with time and variance.
 *
 * <p>Design. Multi-objective label setting after Martins [1] as surveyed by Ehrgott and Gandibleux
 * [2]: every state keeps a bag of mutually non-dominated labels; a new label is dropped when a
 * label in its bag, or a label already at the target plus a lower bound to go, dominates it (target
 * pruning with bounds [3]); otherwise it evicts the labels it dominates. Labels leave the shared
 * 4-ary heap ({@link QuadHeap}) ordered by time-to-go-bounded arrival (A*-like; the objective's key
 * in single-criterion mode). Because every criterion only grows along a route and waiting for a
 * departure is first-in-first-out, extending a dominated label can never produce a non-dominated
 * route, which makes the search exact (label-correcting with lazy deletion); the answer is the
 * non-dominated set of the labels that reached the target. With a label cap per state the answer
 * may miss routes, and says so. Single-criterion mode compares one key (plus any constrained
 * resource, so limits stay exact) and keeps up to {@code k} labels per state for k alternatives.
 *
 * <p>Data. Labels live in primitive arrays reused across queries (one search object per thread), a
 * row per label: its criteria side by side in one array, its state and links in another; bags are
 * linked lists threaded through an int array; states touched by a query are reset through a list,
 * so a query costs what it explores, not the size of the network. Nothing is allocated per link or
 * per label except when arrays grow.
 *
 * <p>[1] E. Q. V. Martins, "On a multicriteria shortest path problem", EJOR 16 (1984) 236–245. [2]
 * M. Ehrgott, X. Gandibleux, "Multiple criteria optimization: state of the art annotated
 * bibliographic surveys", Springer 2002, ch. 8. [3] A. Raith, M. Ehrgott, "A comparison of solution
 * strategies for biobjective shortest path problems", Computers &amp; OR 36 (2009) 1299–1331.
 */
final class LabelSearch {
  private final int tags; // search state tags per node (QueryContext#tagCount)
  private final int sets; // corridor sets per state class: the low part of a tag
  private final int[]
      occupied; // per (node, state class): bit t set when the bag of corridor set t is not empty

  private final int stateCount;
  private final int[] bagHead;
  private final IntArrayList touched = new IntArrayList();

  // Labels: row a of each array, fields at the offsets below. A label's criteria are read together
  // in every dominance test, so they share a cache line; the heap key is computed when queued.
  private static final int TIME = 0;
  private static final int COST = 1;
  private static final int CO2 = 2;
  private static final int VAR = 3;
  private static final int CRITERIA = 4; // longs per label
  private static final int STATE = 0;
  private static final int PRED = 1;
  private static final int LINK = 2;
  private static final int HOPS = 3;
  private static final int NEXT_IN_BAG = 4;
  private static final int REFS = 5; // ints per label
  private long[] criteria = new long[1024 * CRITERIA];
  private int[] refs = new int[1024 * REFS];
  private boolean[] dead = new boolean[1024];
  private int size;

  private final QuadHeap heap = new QuadHeap(1024);

  private final IntArrayList targetLabels = new IntArrayList();
  private final QueryContext.Step step = new QueryContext.Step();

  // bounds to the target, per node (0 when unknown)
  private final long[] lbTime;
  private final long[] lbCost;
  private final long[] lbCo2;
  private final long[] lbVar;

  // per query
  private QueryContext ctx;
  private Objective objective;
  private final Dominance dominance = new Dominance();
  private int keep;
  private int cap;
  private boolean capped;
  private long labelsCreated;

  LabelSearch(Network network, int tags) {
    this.tags = tags;
    this.sets = tags / QueryContext.STATE_CLASSES;
    this.occupied = new int[sets > 1 ? network.nodeCount() * QueryContext.STATE_CLASSES : 0];
    this.stateCount = network.nodeCount() * tags;
    this.bagHead = new int[stateCount];
    Arrays.fill(bagHead, -1);
    int n = network.nodeCount();
    lbTime = new long[n];
    lbCost = new long[n];
    lbCo2 = new long[n];
    lbVar = new long[n];
  }

  /**
   * Result of a search: label ids at the target (non-dominated or k best), and whether a cap cut
   * it.
   */
  record Found(int[] labels, boolean capped, long labelsCreated) {}

  /**
   * Runs one query.
   *
   * @param useBounds whether a Pareto search computes backward lower bounds first
   */
  Found run(QueryContext context, boolean useBounds) {
    this.ctx = context;
    RouteRequest r = context.request;
    this.objective = r.objective();
    dominance.configure(r, context.teuScaled);
    this.keep = objective == Objective.PARETO ? 1 : Math.max(1, r.alternatives());
    this.cap = r.labelCap() > 0 ? r.labelCap() : Integer.MAX_VALUE;
    this.capped = false;
    this.labelsCreated = 0;
    reset();
    Network net = context.network;
    int target = r.to();
    int from = r.from();
    if (useBounds && objective == Objective.PARETO) {
      Bounds.reverse(context, from, target, lbTime, lbCost, lbCo2, lbVar);
    } else {
      Arrays.fill(lbTime, 0);
      Arrays.fill(lbCost, 0);
      Arrays.fill(lbCo2, 0);
      Arrays.fill(lbVar, 0);
    }
    context.start(step);
    int origin =
        newLabel(from * tags + step.tag, step.time_s, step.cost_cents, step.co2e_g, 0, 0, -1, -1);
    insertIntoBag(origin);
    push(origin);
    while (!heap.isEmpty()) {
      int a = heap.pop();
      if (dead[a]) {
        continue;
      }
      int v = state(a) / tags;
      int tag = state(a) % tags;
      if (v == target) {
        continue; // routes end at the target; passing through it is never better
      }
      for (int i = net.firstOut(v), end = net.endOut(v); i < end; i++) {
        int l = net.outLink(i);
        if (!ctx.relax(v, tag, time(a), cost(a), co2(a), var(a), hops(a), l, step)) {
          continue;
        }
        int w = net.linkTo(l);
        if (keep > 1 && onPath(a, w)) {
          continue; // k alternatives are simple paths
        }
        if (prunedByTarget(w)) {
          continue;
        }
        int s = w * tags + step.tag;
        if (dominatedInBag(s)) {
          continue;
        }
        int b =
            newLabel(
                s,
                step.time_s,
                step.cost_cents,
                step.co2e_g,
                step.variance_s2,
                step.transshipments,
                a,
                l);
        insertIntoBag(b);
        if (w == target) {
          targetLabels.add(b);
        } else {
          push(b);
        }
      }
    }
    return new Found(finalTargetLabels(), capped, labelsCreated);
  }

  private boolean onPath(int label, int node) {
    for (int x = label; x >= 0; x = pred(x)) {
      if (state(x) / tags == node) {
        return true;
      }
    }
    return false;
  }

  /** {@link Dominance#answer} with label {@code a} on the left. */
  private boolean answerDominates(int a, long bt, long bc, long bg, long bv, int bh) {
    return dominance.answer(time(a), cost(a), co2(a), var(a), hops(a), bt, bc, bg, bv, bh);
  }

  /**
   * A label is pruned when a route already at the target beats a lower bound of every completion:
   * the bounds are admissible and p95 grows with arrival and variance, so any completion would be
   * filtered out.
   */
  private boolean prunedByTarget(int w) {
    if (lbTime[w] == Bounds.UNREACHABLE) {
      return true;
    }
    long t = step.time_s + lbTime[w];
    long c = step.cost_cents + lbCost[w];
    long g = step.co2e_g + lbCo2[w];
    long v = step.variance_s2 + lbVar[w];
    int count = 0;
    for (int i = 0; i < targetLabels.size(); i++) {
      int a = targetLabels.getInt(i);
      if (!dead[a] && answerDominates(a, t, c, g, v, step.transshipments)) {
        if (++count >= keep) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Checks the bag of the candidate's state; evicts what the candidate dominates. With one label
   * kept per state, bags of the same node and state class whose corridor set holds the candidate's
   * are checked too, and bags whose set lies inside it are cleaned: a label that can still use
   * every corridor another can, and is no worse on every criterion, has every completion the other
   * has, at least as good (so this stays exact).
   */
  /** Whether label {@code a} is at least as good as the step being relaxed in every criterion. */
  private boolean weaklyDominatesStep(int a) {
    return dominance.weakly(
        time(a),
        cost(a),
        co2(a),
        var(a),
        hops(a),
        step.time_s,
        step.cost_cents,
        step.co2e_g,
        step.variance_s2,
        step.transshipments);
  }

  private boolean dominatedInBag(int s) {
    int set = s % sets;
    int base = s - set;
    int occ = sets > 1 && keep == 1 ? occupied[base / sets] & ~(1 << set) : 0;
    for (int bits = occ; bits != 0; bits &= bits - 1) {
      int t = Integer.numberOfTrailingZeros(bits);
      if ((t & set) == set) {
        for (int a = bagHead[base + t]; a >= 0; a = nextInBag(a)) {
          if (weaklyDominatesStep(a)) {
            return true;
          }
        }
      }
    }
    int count = 0;
    int bagSize = 0;
    for (int a = bagHead[s]; a >= 0; a = nextInBag(a)) {
      bagSize++;
      if (weaklyDominatesStep(a)) {
        if (++count >= keep) {
          return true;
        }
      }
    }
    if (bagSize >= cap) {
      capped = true;
      return true;
    }
    if (keep == 1 || objective == Objective.PARETO) {
      evictDominated(s);
    }
    for (int bits = occ; bits != 0; bits &= bits - 1) {
      int u = Integer.numberOfTrailingZeros(bits);
      if ((u & set) == u) {
        evictDominated(base + u);
      }
    }
    return false;
  }

  private void evictDominated(int s) {
    int prev = -1;
    for (int a = bagHead[s]; a >= 0; a = nextInBag(a)) {
      if (dominance.weakly(
          step.time_s,
          step.cost_cents,
          step.co2e_g,
          step.variance_s2,
          step.transshipments,
          time(a),
          cost(a),
          co2(a),
          var(a),
          hops(a))) {
        dead[a] = true;
        if (prev < 0) {
          bagHead[s] = nextInBag(a);
        } else {
          refs[prev * REFS + NEXT_IN_BAG] = nextInBag(a);
        }
      } else {
        prev = a;
      }
    }
  }

  private int[] finalTargetLabels() {
    IntArrayList alive = new IntArrayList();
    for (int i = 0; i < targetLabels.size(); i++) {
      int a = targetLabels.getInt(i);
      if (!dead[a]) {
        alive.add(a);
      }
    }
    IntArrayList out = new IntArrayList();
    if (objective == Objective.PARETO) {
      for (int i = 0; i < alive.size(); i++) {
        int b = alive.getInt(i);
        boolean dominated = false;
        for (int j = 0; j < alive.size() && !dominated; j++) {
          int a = alive.getInt(j);
          if (a != b
              && answerDominates(a, time(b), cost(b), co2(b), var(b), hops(b))
              && (!answerDominates(b, time(a), cost(a), co2(a), var(a), hops(a)) || j < i)) {
            dominated = true;
          }
        }
        if (!dominated) {
          out.add(b);
        }
      }
      int[] res = out.toIntArray();
      sortBy(res, 0);
      return res;
    }
    int[] res = alive.toIntArray();
    sortBy(res, 1);
    return Arrays.copyOf(res, Math.min(res.length, keep));
  }

  private void sortBy(int[] labels, int mode) {
    Integer[] boxed = Arrays.stream(labels).boxed().toArray(Integer[]::new);
    Arrays.sort(
        boxed,
        (x, y) -> {
          int c =
              mode == 1
                  ? Long.compare(
                      dominance.key(time(x), cost(x), co2(x)),
                      dominance.key(time(y), cost(y), co2(y)))
                  : 0;
          if (c == 0) {
            c = Long.compare(time(x), time(y));
          }
          if (c == 0) {
            c = Long.compare(cost(x), cost(y));
          }
          if (c == 0) {
            c = Long.compare(co2(x), co2(y));
          }
          return c != 0 ? c : Long.compare(var(x), var(y));
        });
    for (int i = 0; i < labels.length; i++) {
      labels[i] = boxed[i];
    }
  }

  // ---- labels and bags
  // ---------------------------------------------------------------------------------------

  private int newLabel(int s, long t, long c, long g, long v, int h, int p, int l) {
    if (size == dead.length) {
      int n = size * 2;
      criteria = Arrays.copyOf(criteria, n * CRITERIA);
      refs = Arrays.copyOf(refs, n * REFS);
      dead = Arrays.copyOf(dead, n);
    }
    int a = size++;
    int o = a * CRITERIA;
    criteria[o + TIME] = t;
    criteria[o + COST] = c;
    criteria[o + CO2] = g;
    criteria[o + VAR] = v;
    int r = a * REFS;
    refs[r + STATE] = s;
    refs[r + PRED] = p;
    refs[r + LINK] = l;
    refs[r + HOPS] = h;
    refs[r + NEXT_IN_BAG] = -1;
    dead[a] = false;
    labelsCreated++;
    return a;
  }

  private long time(int a) {
    return criteria[a * CRITERIA + TIME];
  }

  private long cost(int a) {
    return criteria[a * CRITERIA + COST];
  }

  private long co2(int a) {
    return criteria[a * CRITERIA + CO2];
  }

  private long var(int a) {
    return criteria[a * CRITERIA + VAR];
  }

  private int state(int a) {
    return refs[a * REFS + STATE];
  }

  private int pred(int a) {
    return refs[a * REFS + PRED];
  }

  private int link(int a) {
    return refs[a * REFS + LINK];
  }

  private int hops(int a) {
    return refs[a * REFS + HOPS];
  }

  private int nextInBag(int a) {
    return refs[a * REFS + NEXT_IN_BAG];
  }

  private void insertIntoBag(int a) {
    int s = state(a);
    if (bagHead[s] < 0) {
      touched.add(s);
    }
    if (occupied.length > 0) {
      occupied[s / sets] |= 1 << (s % sets);
    }
    refs[a * REFS + NEXT_IN_BAG] = bagHead[s];
    bagHead[s] = a;
  }

  private void reset() {
    for (int i = 0; i < touched.size(); i++) {
      int st = touched.getInt(i);
      bagHead[st] = -1;
      if (occupied.length > 0) {
        occupied[st / sets] = 0;
      }
    }
    touched.clear();
    targetLabels.clear();
    size = 0;
    heap.clear();
  }

  /**
   * Queues label {@code a} by its key: the time-bounded arrival for a Pareto or fastest search,
   * else the objective's key. Ties leave by label id (creation order), which keeps runs
   * deterministic.
   */
  private void push(int a) {
    long key =
        objective == Objective.PARETO || objective == Objective.TIME
            ? time(a) + lbTime[state(a) / tags]
            : dominance.key(time(a), cost(a), co2(a));
    heap.push(key, a, a);
  }

  // ---- path access for the router
  // ----------------------------------------------------------------------------

  /** Links of the route that ends in label {@code a}, origin first. */
  int[] links(int a) {
    IntArrayList out = new IntArrayList();
    for (int x = a; x >= 0 && link(x) >= 0; x = pred(x)) {
      out.add(link(x));
    }
    int[] res = out.toIntArray();
    for (int i = 0, j = res.length - 1; i < j; i++, j--) {
      int t = res[i];
      res[i] = res[j];
      res[j] = t;
    }
    return res;
  }
}
