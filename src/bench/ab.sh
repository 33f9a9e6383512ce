#!/usr/bin/env bash
# Side-by-side comparison of gateway configurations on a shared machine: starts every configuration
# at once (local mode, response cache off: the executed path), warms each, then measures them in
# turns, round after round, so that the machine's ups and downs fall on all of them alike. Reports
# the median and lowest CPU time per operation and the median req/s of each configuration in each
# scenario, (a) and (b) as in benchmark.sh.
#
# Usage: src/bench/ab.sh "name|jar|java options|gateway arguments" ...
#   jar empty: the packaged gateway (target/); java options and arguments may be empty.
#   Example, observations and tracing off against the defaults:
#     src/bench/ab.sh "default||" "quiet|||--management.observations.enable.all=false --management.tracing.enabled=false"
# Environment (defaults in brackets): AB_ROUNDS [6], AB_WARMUP [40] seconds of (a) per configuration
#   (and half as long of (b)), AB_WINDOW [6] seconds per measurement, AB_PORT [18200] (the first
#   configuration's port; the others follow), JAVA [a JDK 25 under /usr/lib/jvm, else java].
# Writes target/bench/ab/: each configuration's log and wrk scripts, results.txt (every window).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh

if [ "$#" -lt 2 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi
ROUNDS="${AB_ROUNDS:-6}"
WARMUP="${AB_WARMUP:-40}"
WINDOW="${AB_WINDOW:-6}"
PORT="${AB_PORT:-18200}"
JAVA="${JAVA:-$(default_java)}"
OUT=target/bench/ab
rm -rf "$OUT"
mkdir -p "$OUT"

names=()
pids=()
ports=()
trap 'for pid in "${pids[@]}"; do stop_process "$pid"; done' EXIT
for configuration in "$@"; do
  IFS='|' read -r name jar java_options arguments <<<"$configuration"
  jar="${jar:-$(gateway_jar)}"
  port=$((PORT + ${#names[@]}))
  require_free_port "$port" AB_PORT
  echo "$name: $jar $java_options $arguments (port $port)"
  # shellcheck disable=SC2086
  WORKOS_API_KEY= "$JAVA" $PRODUCTION_JAVA_OPTS $(runtime_options "$JAVA") $java_options -jar "$jar" \
    --server.port="$port" --gateway.graphql.response-cache.enabled=false $arguments >"$OUT/$name.log" 2>&1 &
  pids+=($!)
  wait_for_answer "http://127.0.0.1:$port/graphql" "${pids[-1]}" "$OUT/$name.log" 300
  seed_organizations "http://127.0.0.1:$port" 100 "$OUT/$name.seed" >"$OUT/$name.ids"
  wrk_script_a "$OUT/$name.ids" "$OUT/$name-a.lua"
  wrk_script_fixed "$(body_b)" "$OUT/$name-b.lua"
  names+=("$name")
  ports+=("$port")
done

# One window of load on configuration i: "req/s CPU-us/op p99-ms errors".
window() { # index, scenario, seconds
  local before after line
  before=$(cpu_ticks "${pids[$1]}")
  line=$(wrk -t2 -c32 --timeout 10s -d"$3s" -s "$OUT/${names[$1]}-$2.lua" "http://127.0.0.1:${ports[$1]}/graphql" |
    grep '^RESULT')
  after=$(cpu_ticks "${pids[$1]}")
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '{printf "%s %.0f %s %s", $3, ticks * 1e6 / hz / $2, $5, $6}' <<<"$line"
}

echo "Warming each configuration: ${WARMUP} s of (a), $((WARMUP / 2)) s of (b)"
for i in "${!names[@]}"; do
  window "$i" a "$WARMUP" >/dev/null
  window "$i" b $((WARMUP / 2)) >/dev/null
done
echo "round scenario configuration req/s cpu_us_per_op p99_ms errors" >"$OUT/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  for scenario in a b; do
    for i in "${!names[@]}"; do
      echo "$round $scenario ${names[$i]} $(window "$i" "$scenario" "$WINDOW")" | tee -a "$OUT/results.txt"
    done
  done
done

median() { # of sorted numbers, one a line
  awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
echo
echo "Over $ROUNDS rounds of $WINDOW s: CPU us/op median (lowest), req/s median"
for scenario in a b; do
  for name in "${names[@]}"; do
    cpu=$(awk -v s="$scenario" -v n="$name" '$2 == s && $3 == n {print $5}' "$OUT/results.txt" | sort -n)
    rps=$(awk -v s="$scenario" -v n="$name" '$2 == s && $3 == n {print $4}' "$OUT/results.txt" | sort -n)
    printf '(%s) %-20s %6s (%s)  %9s\n' "$scenario" "$name" "$(median <<<"$cpu")" "$(head -1 <<<"$cpu")" "$(median <<<"$rps")"
  done
done
