#!/usr/bin/env bash
# Side-by-side M/M/c benchmark: SimPy (shared/bench/simpy_mmc.py) against Caravan's engine on the same
# customers, servers and seed, in the same run, a few repetitions each; prints every line and the ratio of
# the median customers_per_s (Caravan / SimPy).
# Usage: bench/mmc-vs-simpy.sh [CUSTOMERS [SERVERS [SEED [REPS]]]]   (defaults 2000000 1 42 3)
# Env: JAVA_CUSTOMERS_EXTRA="10000000" also runs the Java side alone at those sizes (SimPy is too slow there).
#      SIMPY_SCRIPT overrides the path of the peer script.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-2000000}"; c="${2:-1}"; seed="${3:-42}"; reps="${4:-3}"
peer="${SIMPY_SCRIPT:-$root/../shared/bench/simpy_mmc.py}"
[ -f "$peer" ] || { echo "mmc-vs-simpy: peer script not found: $peer (set SIMPY_SCRIPT)" >&2; exit 2; }

if ! /usr/bin/python3 -c 'import simpy' 2>/dev/null; then
  echo "mmc-vs-simpy: installing python3-simpy3" >&2
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y python3-simpy3 >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update >/dev/null && $sudo_cmd apt-get install -y python3-simpy3 >/dev/null; }
fi

. "$root/scripts/jdk.sh"
classes="$root/caravan-simulation/target/classes"
if [ ! -f "$classes/org/caravan/simulation/bench/MmcMain.class" ]; then
  echo "mmc-vs-simpy: compiling caravan-simulation" >&2
  (cd "$root" && mvn -B -q -pl caravan-simulation -am compile)
fi
# shellcheck disable=SC2086
java_mmc() { "$JAVA_HOME/bin/java" $CARAVAN_JVM_FLAGS -cp "$classes" org.caravan.simulation.bench.MmcMain "$@"; }
rate() { sed -n 's/.*customers_per_s=\([0-9]*\).*/\1/p'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "# machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(uname -sr)"
echo "# java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); python: $(/usr/bin/python3 --version 2>&1), simpy $(/usr/bin/python3 -c 'import simpy; print(simpy.__version__)')"
echo "# customers=$n servers=$c seed=$seed reps=$reps"
simpy_rates=(); java_rates=()
for ((i = 1; i <= reps; i++)); do
  s="$(/usr/bin/python3 "$peer" "$n" "$c" "$seed")"; echo "simpy  $s"; simpy_rates+=("$(rate <<<"$s")")
  j="$(java_mmc "$n" "$c" "$seed")"; echo "caravan $j"; java_rates+=("$(rate <<<"$j")")
done
ms="$(printf '%s\n' "${simpy_rates[@]}" | median)"
mj="$(printf '%s\n' "${java_rates[@]}" | median)"
echo "median customers_per_s: simpy=$ms caravan=$mj ratio=$(awk -v a="$mj" -v b="$ms" 'BEGIN {printf "%.1f", a / b}')"
for extra in ${JAVA_CUSTOMERS_EXTRA:-}; do
  for ((i = 1; i <= reps; i++)); do echo "caravan $(java_mmc "$extra" "$c" "$seed")"; done
done
