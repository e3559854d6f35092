#!/usr/bin/env bash
# Study engines and store (docs/BENCHMARKS.md, "Studies"): the same study on the local engine (threads) and on
# Spark local[N], into DuckDB and (when Debian's PostgreSQL is installed) a throwaway PostgreSQL cluster; each
# configuration RUNS times on a fresh store. Prints the command's summary lines: replications run, wall time,
# store rows and the time spent writing them.
# Usage: bench/study-engines.sh [REPLICATIONS [YEARS [RUNS [THREADS]]]]   (defaults 10 0.25 3 2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reps="${1:-10}"; years="${2:-0.25}"; runs="${3:-3}"; threads="${4:-2}"
work="$(mktemp -d)"; chmod 755 "$work"
pg_stop=""
cleanup() { [ -n "$pg_stop" ] && eval "$pg_stop" >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
cat >"$work/bench.yaml" <<YAML
name: bench
baseline: default-2024
seed: 2030
replications: $reps
years: $years
variants:
  - name: more-ferries
    source: EST
    set:
      network.crossings[link=KZKUR-AZ-ALAT-ferry].fleet: 24
YAML
run() { # label, store, extra args...
  local label="$1" store="$2"; shift 2
  for i in $(seq 1 "$runs"); do
    local s="$store"; [ "${s#jdbc:}" = "$s" ] && s="$work/$label-$i.duckdb"
    local out
    out="$("$root/caravan" study run "$work/bench.yaml" --store "$s" "$@" 2>/dev/null)"
    echo "$label run $i: $(echo "$out" | sed -n 's/.*ran \([0-9]*\), already stored [0-9]*; \([0-9.]*\) s/ran \1 in \2 s/p')" \
      "$(echo "$out" | sed -n 's/.*(\([0-9]*\) rows written in \([0-9.]*\) s)/store \1 rows in \2 s/p')"
    if [ "${store#jdbc:}" != "$store" ]; then # a fresh study name per run on the shared server
      sed -i "s/^name: .*/name: bench-$i-$RANDOM/" "$work/bench.yaml"
    fi
  done
  sed -i "s/^name: .*/name: bench/" "$work/bench.yaml"
}
run "local-threads-$threads" duckdb --threads "$threads"
run "local-threads-1" duckdb --threads 1
run "spark-local-$threads" duckdb --engine spark --master "local[$threads]"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1)"
if [ -n "$bin" ] && [ -x "$bin/initdb" ]; then
  as=(); [ "$(id -u)" = 0 ] && { chown -R postgres "$work"; as=(runuser -u postgres --); }
  port=$((20000 + RANDOM % 20000))
  "${as[@]}" "$bin/initdb" -D "$work/pg" -U caravan --auth=trust -E UTF8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
  pg_stop="${as[*]} $bin/pg_ctl -D $work/pg -m immediate stop"
  run "local-threads-$threads-postgresql" "jdbc:postgresql://127.0.0.1:$port/postgres?user=caravan" --threads "$threads"
else
  echo "PostgreSQL not installed (/usr/lib/postgresql/*/bin/initdb): PostgreSQL runs skipped"
fi
