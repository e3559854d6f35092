#!/usr/bin/env bash
# Routing benchmarks (issue #3). Builds caravan-bench and caravan-bench-graphhopper (verify, no tests, never
# install), then runs one of:
#   bench/routing-bench.sh default [PASSES [WARMUP]]        default network: all terminal/port pairs, Pareto and
#                                                           time latency p50/p99 and OD-matrix wall time
#   bench/routing-bench.sh big [NODES [QUERIES [CAPS [PARETO_QUERIES [SEED]]]]]
#                                                           1M-node generated rail graph: Network.build time,
#                                                           Dijkstra vs router time query, Pareto with label caps
#   bench/routing-bench.sh peers [NODES [QUERIES [ROUNDS [SEED]]]]
#                                                           1M-node graph: Caravan Dijkstra vs JGraphT vs
#                                                           GraphHopper 11 Dijkstra, interleaved, weights checked
#   bench/routing-bench.sh jmh [JMH ARGS...]                the JMH benchmarks in caravan-bench (RoutingJmh)
# Environment: HEAP (default 8g), SKIP_BUILD=1 to reuse the last build, BENCH_JAVA_OPTS (e.g.
# -Dcaravan.epsilon=0.05 for the Pareto tolerance of every Pareto query; default exact).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/jdk.sh"
cmd="${1:-default}"; shift || true
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -B -q -pl caravan-bench,caravan-bench-graphhopper -am -DskipTests verify \
     dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
fi
heap="${HEAP:-8g}"
bench_cp="$root/caravan-bench/target/classes:$(cat "$root/caravan-bench/target/classpath.txt")"
gh_cp="$root/caravan-bench-graphhopper/target/classes:$(cat "$root/caravan-bench-graphhopper/target/classpath.txt")"
# shellcheck disable=SC2086
case "$cmd" in
  default|big) exec "$JAVA_HOME/bin/java" $CARAVAN_JVM_FLAGS ${BENCH_JAVA_OPTS:-} -Xmx"$heap" -cp "$bench_cp" org.caravan.bench.routing.RoutingBench "$cmd" "$@" ;;
  peers) exec "$JAVA_HOME/bin/java" $CARAVAN_JVM_FLAGS -Xmx"$heap" -cp "$gh_cp" org.caravan.bench.graphhopper.PeerBench "$@" ;;
  jmh) exec "$JAVA_HOME/bin/java" $CARAVAN_JVM_FLAGS -cp "$bench_cp" org.openjdk.jmh.Main "$@" ;;
  *) echo "usage: bench/routing-bench.sh default|big|peers|jmh [args]" >&2; exit 2 ;;
esac
