#!/usr/bin/env bash
# Raw event-loop throughput of the simulation engine (hold model, see EventLoopBench): events per second
# for a few event-list sizes. Usage: bench/event-loop.sh [EVENTS [PENDING...]]  (defaults 100000000; 16 1000 100000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-100000000}"; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(16 1000 100000)
. "$root/scripts/jdk.sh"
classes="$root/caravan-simulation/target/classes"
[ -f "$classes/org/caravan/simulation/bench/EventLoopBench.class" ] || (cd "$root" && mvn -B -q -pl caravan-simulation -am compile)
for p in "${sizes[@]}"; do
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" $CARAVAN_JVM_FLAGS -cp "$classes" org.caravan.simulation.bench.EventLoopBench "$events" "$p" 42
done
