#!/usr/bin/env bash
# The gateway's benchmark: starts the packaged gateway in local mode, measures the time to
# its first answered query and its idle RSS, warms it, then drives it with wrk from a
# separate process and prints requests/s and latency for
#   (a) a warm organization(id) with a typical mobile selection (POST /graphql),
#   (b) the first page of organizations (POST /graphql),
#   (c) the same bytes as (a) from a trivial endpoint on the same HTTP stack (the ceiling),
# with the (a)/(c) ratio and the upstream calls each operation cost.
#
# The gateway runs as documented for production: the extracted jar with a class data
# sharing archive, which src/bench/cds.sh writes (once per jar) before the measurement.
#
# Usage: src/bench/benchmark.sh [--profile]
#   --profile         also records a JFR profile of (a) and prints its hottest frames
# Environment: BENCH_DURATION (15s), BENCH_WARMUP (60s), BENCH_CONNECTIONS (32),
#   BENCH_THREADS (2), BENCH_PORT (18080), BENCH_JAVA_OPTS (see below), JAVA (java on PATH),
#   BENCH_CDS (true; false runs the plain jar without an archive).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${BENCH_DURATION:-15s}"
WARMUP="${BENCH_WARMUP:-60s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
PORT="${BENCH_PORT:-18080}"
JAVA="${JAVA:-java}"
# Serial GC and a bounded heap: the live set is ~20 MB plus caches, and on 2 cores G1's
# concurrent threads and larger default heap cost RSS without helping latency. The heap
# starts at 64 MB and grows when needed, instead of touching a 256 MB one from the start.
JAVA_OPTS="${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx256m}"
CDS="${BENCH_CDS:-true}"
PROFILE=false
[ "${1:-}" = "--profile" ] && PROFILE=true

OUT=target/bench
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing wrk from Debian's packages..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || {
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is missing: install it (Debian/Ubuntu: sudo apt-get install wrk; macOS: brew install wrk)" >&2
    exit 1
  fi
fi

JAR=$(ls target/organizations-gateway-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
  echo "Packaging the gateway (mvn package, tests skipped)..."
  mvn -q -B -DskipTests package
  JAR=$(ls target/organizations-gateway-*.jar | grep -v plain | head -1)
fi

RUN_JAR="$JAR"
if [ "$CDS" = true ]; then
  CDS_DIR=target/cds
  RUN_JAR="$CDS_DIR/$(basename "$JAR")"
  if [ ! -s "$CDS_DIR/app.jsa" ] || [ ! -f "$RUN_JAR" ] || [ "$JAR" -nt "$CDS_DIR/app.jsa" ]; then
    echo "Writing the class data sharing archive (src/bench/cds.sh, a training run)..."
    CDS_JAVA_OPTS="$JAVA_OPTS" src/bench/cds.sh "$JAR" "$CDS_DIR"
  fi
  JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$CDS_DIR/app.jsa"
fi

if curl -s -o /dev/null "$BASE/actuator/health"; then
  echo "Port $PORT is taken; set BENCH_PORT" >&2
  exit 1
fi

post() { curl -s -X POST "$BASE$1" -H 'Content-Type: application/json' --data-binary "$2"; }

# --- start, time to first answered query -------------------------------------------------
FIRST='{"query":"{ organizations(first: 1) { edges { node { id } } } }"}'
start_ns=$(date +%s%N)
# WORKOS_API_KEY is cleared so that the benchmark always runs against the local API. An
# organization is reloaded once per time to live however busy it is; the longer one here keeps
# that reload out of the measured windows, so the upstream-calls column shows what warm reads cost.
WORKOS_API_KEY= "$JAVA" $JAVA_OPTS -jar "$RUN_JAR" --server.port="$PORT" --gateway.benchmark.enabled=true \
  --gateway.cache.organization-ttl=10m \
  >"$OUT/gateway.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until answer=$(post /graphql "$FIRST" 2>/dev/null) && [[ "$answer" == *'"id":"org_'* ]]; do
  kill -0 $PID 2>/dev/null || { echo "The gateway did not start; see $OUT/gateway.log" >&2; exit 1; }
  sleep 0.02
done
ttfq_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
ID=$(printf '%s' "$answer" | grep -o '"id":"org_[^"]*"' | head -1 | cut -d'"' -f4)
sleep 5
idle_rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 ))

# --- the three requests ------------------------------------------------------------------
QUERY_A='query OrganizationCard($id: ID) { organization(id: $id) { id name externalId domains { domain state } } }'
BODY_A="{\"query\":\"$QUERY_A\",\"variables\":{\"id\":\"$ID\"},\"operationName\":\"OrganizationCard\"}"
BODY_B='{"query":"query FirstPage { organizations(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }","operationName":"FirstPage"}'
warm_answer=$(post /graphql "$BODY_A")
curl -s -X PUT "$BASE/benchmark/static" -H 'Content-Type: application/json' --data-binary "$warm_answer" >/dev/null
[ "$(post /benchmark/static "$BODY_A")" = "$warm_answer" ] || { echo "The static endpoint does not echo (a)'s bytes" >&2; exit 1; }

lua_for() { # name, body -> a wrk script that POSTs the body and prints one summary line
  local body_escaped
  body_escaped=$(printf '%s' "$2" | sed 's/\\/\\\\/g; s/"/\\"/g')
  cat >"$OUT/$1.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body_escaped"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %d %.1f %.3f %.3f %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors))
end
LUA
}
lua_for a "$BODY_A"
lua_for b "$BODY_B"
lua_for c "$BODY_A"
path_of() { [ "$1" = c ] && echo /benchmark/static || echo /graphql; }

upstream_calls() {
  curl -s "$BASE/actuator/prometheus" | awk '/^http_client_requests_seconds_count/ {sum += $NF} END {printf "%d", sum}'
}

declare -A RESULT CALLS
for s in a b c; do
  # Each scenario is warmed right before it is measured, so that (a)'s organization is
  # still within the cache's 60 s TTL while it is measured.
  echo "Warming up and measuring ($s): $WARMUP + $DURATION..."
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/$s.lua" "$BASE$(path_of $s)" >/dev/null
  if [ "$s" = a ] && $PROFILE; then
    jcmd $PID JFR.start name=bench settings=profile filename="$(pwd)/$OUT/a.jfr" >/dev/null
  fi
  before=$(upstream_calls)
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$OUT/$s.lua" "$BASE$(path_of $s)" | grep '^RESULT')
  after=$(upstream_calls)
  if [ "$s" = a ] && $PROFILE; then
    jcmd $PID JFR.stop name=bench >/dev/null
  fi
  RESULT[$s]="$line"
  CALLS[$s]=$(( after - before ))
done

field() { echo "${RESULT[$1]}" | awk -v f="$2" '{print $f}'; }
per_op() { awk -v c="${CALLS[$1]}" -v n="$(field "$1" 2)" 'BEGIN {printf "%.5f (%d)", (n > 0 ? c / n : 0), c}'; }

echo
echo "Organizations Gateway benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $("$JAVA" -version 2>&1 | head -1), options: $JAVA_OPTS"
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per scenario after $WARMUP warm-up, loopback"
echo
printf '| %-44s | %9s | %8s | %8s | %6s | %-22s |\n' "Scenario" "req/s" "p50 ms" "p99 ms" "errors" "upstream calls/op (n)"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "-----------:" "---------:" "---------:" "-------:" "------------------------"
for s in a b c; do
  case $s in
    a) name="(a) organization(id), mobile selection" ;;
    b) name="(b) organizations(first: 10)" ;;
    c) name="(c) static bytes of (a), same HTTP stack" ;;
  esac
  printf '| %-44s | %9s | %8s | %8s | %6s | %-22s |\n' "$name" "$(field $s 3)" "$(field $s 4)" "$(field $s 5)" "$(field $s 6)" "$(per_op $s)"
done
echo
ratio=$(awk -v a="$(field a 3)" -v c="$(field c 3)" 'BEGIN {printf "%.2f", a / c}')
echo "(a)/(c) throughput ratio: $ratio   (target >= 0.5)"
echo "p99 of (a): $(field a 5) ms   (target < 10 ms)"
echo "Upstream calls during (a): ${CALLS[a]}   (target 0)"
echo "Time to first answered query: ${ttfq_ms} ms   (target < 3000 ms, JVM launch included)"
echo "Idle RSS after the first query: ${idle_rss_mb} MB   (target < 256 MB)"

if $PROFILE; then
  echo
  echo "Hottest frames of (a), from $OUT/a.jfr (top of stack, share of execution samples):"
  jfr print --events jdk.ExecutionSample "$OUT/a.jfr" | awk '
    /stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); top[$0]++; n++}
    END {for (f in top) printf "%6.2f%%  %s\n", 100 * top[f] / n, f}' | sort -rn | head -25
fi
