#!/usr/bin/env bash
# The gateway's benchmark, against references outside its own code, in one run on one machine.
#
# Targets, each started by this script and measured one after the other:
#   gateway    the gateway in local mode, run with the production command (docs/performance.md):
#              the extracted jar with its start-up cache (src/bench/aot.sh), default settings;
#   executed   the same with gateway.graphql.response-cache.enabled=false: every request runs;
#   apollo     Apollo Server 5 + RESTDataSource in Node (src/bench/apollo-peer), over the same
#              upstream: the local Organizations API of the gateway started last;
#   reference  Spring for GraphQL answering from a HashMap (src/bench/reference), the ceiling of
#              the gateway's stack, and its POST /static with fixed bytes (no GraphQL);
#   stack      the same reference built with -Pstack: plus the stack features the gateway keeps
#              (actuator and Prometheus meters, tracing sampled at 10 %, a Spring Security chain
#              that lets everyone in), none of the gateway's own: their floor under any gateway;
#   nginx      Debian's nginx answering (a)'s response bytes: the machine's ceiling;
#   curve      only the gateway's cold start and warm-up curve (part of "gateway" otherwise).
# Scenarios, POST /graphql with wrk (own process, loopback), each warmed before it is measured:
#   (a) organization(id) over 100 organizations round robin;
#   (b) organizations(first: 10).
# The gateway's first start is also the warm-up curve: (a)'s load begins as soon as it answered and
# its 100 organizations exist, and responses are counted for each second of the warm-up, with the
# gateway's CPU per thread group (JIT compilers, event loops, the rest) in the same seconds.
#
# Usage: src/bench/benchmark.sh [--profile]
#   --profile   start the gateways with a JFR recording (settings=profile) and print the hottest
#               frames and packages of each measured window (without the AOT cache, which does
#               not run with JFR; the timed starts keep it)
# Environment (defaults in brackets):
#   BENCH_TARGETS ["gateway executed apollo reference stack nginx"], BENCH_WARMUP [60] and
#   BENCH_DURATION [15] seconds, BENCH_CONNECTIONS [32], BENCH_THREADS [2],
#   BENCH_STARTS [3] timed starts before the run (0: none), BENCH_PORT [18180] (gateway),
#   BENCH_PEER_PORT [18181], BENCH_REFERENCE_PORT [18182], BENCH_NGINX_PORT [18183],
#   JAVA [a JDK 25 under /usr/lib/jvm, else java], BENCH_JAVA_OPTS [PRODUCTION_JAVA_OPTS in lib.sh],
#   BENCH_AOT [true; false runs the plain jar], BENCH_GATEWAY_ARGS [none; more --name=value for
#   both gateways], BENCH_PEER_WORKERS [one per core].
# Writes target/bench/: results.json (every number), curve.tsv and curve-threads.tsv (the warm-up's
# seconds), logs, the generated wrk and nginx files.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh

PROFILE=false
for arg in "$@"; do
  case "$arg" in
    --profile) PROFILE=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

TARGETS=" ${BENCH_TARGETS:-gateway executed apollo reference stack nginx} "
WARMUP="${BENCH_WARMUP:-60}"
WARMUP="${WARMUP%s}"
DURATION="${BENCH_DURATION:-15}"
DURATION="${DURATION%s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
# wrk leaves a request that takes longer than its timeout out of the latencies (and counts it as
# an error), so the timeout is long: a slow answer shows in the p99.
TIMEOUT=10s
# Frames JFR keeps of each sampled stack with --profile: the executed path's Reactor stacks reach
# 500 frames (JFR's default, 64, and the 256 kept before cut them).
STACK_DEPTH=1024
STARTS="${BENCH_STARTS:-3}"
PORT="${BENCH_PORT:-18180}"
PEER_PORT="${BENCH_PEER_PORT:-18181}"
REFERENCE_PORT="${BENCH_REFERENCE_PORT:-18182}"
NGINX_PORT="${BENCH_NGINX_PORT:-18183}"
JAVA="${JAVA:-$(default_java)}"
JAVA_OPTS="${BENCH_JAVA_OPTS:-$PRODUCTION_JAVA_OPTS}"
AOT="${BENCH_AOT:-true}"
GATEWAY_ARGS="${BENCH_GATEWAY_ARGS:-}"
PEER_WORKERS="${BENCH_PEER_WORKERS:-$(nproc)}"
ORGANIZATIONS=100
RESPONSE_CACHE_OFF=--gateway.graphql.response-cache.enabled=false
OUT=target/bench
BASE="http://127.0.0.1:$PORT"
selected() { [[ "$TARGETS" == *" $1 "* ]]; }

# --- prerequisites ------------------------------------------------------------------------
missing=()
for tool in wrk jq curl; do command -v $tool >/dev/null 2>&1 || missing+=("$tool"); done
if selected nginx && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then missing+=(nginx-light); fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from Debian's packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
  else
    echo "Missing: ${missing[*]} (Debian/Ubuntu: sudo apt-get install wrk jq curl nginx-light)" >&2
    exit 1
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if selected apollo && ! command -v npm >/dev/null 2>&1; then
  echo "The Apollo peer needs Node.js 20+ and npm on the PATH" >&2
  exit 1
fi
for port_var in PORT PEER_PORT REFERENCE_PORT NGINX_PORT; do
  require_free_port "${!port_var}" "BENCH_$port_var"
done
rm -rf "$OUT"/gateway "$OUT"/executed "$OUT"/upstream "$OUT"/starts "$OUT"/nginx "$OUT"/*.tsv "$OUT"/*.txt \
  "$OUT"/*.log "$OUT"/results.json
mkdir -p "$OUT"

# --- builds (not measured) ------------------------------------------------------------------
JAR=$(gateway_jar)
if [ -z "$JAR" ] || [ -n "$(find src/main schema pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "Packaging the gateway (mvn package, tests skipped)..."
  mvn -q -B -ntp -DskipTests package
  JAR=$(gateway_jar)
fi
RUN_JAR="$JAR"
CACHE_OPTIONS=""
if [ "$AOT" = true ]; then
  AOT_DIR=target/aot
  CACHE=$(cache_file "$JAVA" "$AOT_DIR")
  JVM_ID="$("$JAVA" -version 2>&1 | tr '\n' ' ') $JAVA_OPTS"
  if [ ! -s "$CACHE" ] || [ "$JAR" -nt "$CACHE" ] || [ "$(cat "$AOT_DIR/jvm.txt" 2>/dev/null)" != "$JVM_ID" ]; then
    echo "Writing the start-up cache (src/bench/aot.sh: a training run of about a minute)..."
    JAVA="$JAVA" AOT_JAVA_OPTS="$JAVA_OPTS" src/bench/aot.sh "$JAR" "$AOT_DIR"
    echo "$JVM_ID" >"$AOT_DIR/jvm.txt"
  fi
  RUN_JAR="$AOT_DIR/$(basename "$JAR")"
  CACHE_OPTIONS=$(cache_options "$JAVA" "$AOT_DIR")
fi
GATEWAY_COMMAND="$JAVA $JAVA_OPTS $(runtime_options "$JAVA") $CACHE_OPTIONS -jar $RUN_JAR"
REFERENCE_JAR="$OUT/reference/benchmark-reference.jar"
if selected reference && { [ ! -f "$REFERENCE_JAR" ] ||
    [ -n "$(find src/bench/reference src/bench/schema.graphqls -newer "$REFERENCE_JAR" -print -quit)" ]; }; then
  echo "Packaging the reference app (src/bench/reference)..."
  mvn -q -B -ntp -f src/bench/reference/pom.xml -DskipTests package
fi
STACK_JAR="$OUT/reference-stack/benchmark-reference-stack.jar"
if selected stack && { [ ! -f "$STACK_JAR" ] ||
    [ -n "$(find src/bench/reference src/bench/schema.graphqls -newer "$STACK_JAR" -print -quit)" ]; }; then
  echo "Packaging the reference app with the stack's features (src/bench/reference, -Pstack)..."
  mvn -q -B -ntp -f src/bench/reference/pom.xml -Pstack -DskipTests package
fi
PEER_DIR=src/bench/apollo-peer
if selected apollo && { [ ! -f "$PEER_DIR/node_modules/.package-lock.json" ] ||
    [ "$PEER_DIR/package-lock.json" -nt "$PEER_DIR/node_modules/.package-lock.json" ]; }; then
  echo "Installing the Apollo peer's packages (npm ci)..."
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- the run's context ------------------------------------------------------------------------
RUN_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
MACHINE="$(nproc) cores ($CPU), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
JAVA_VERSION=$("$JAVA" -version 2>&1 | sed -n 2p)
{
  echo "Organizations Gateway benchmark, $RUN_DATE"
  echo "Machine: $MACHINE"
  echo "Load before the run (uptime): $LOAD_BEFORE"
  echo "Gateway: $GATEWAY_COMMAND"
  echo "JVM: $JAVA_VERSION"
  selected apollo && echo "Node: $(node --version), Apollo peer workers: $PEER_WORKERS"
  selected nginx && echo "nginx: $("$NGINX" -v 2>&1 | sed 's/.*: //')"
  echo "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s measured after ${WARMUP} s of warm-up, loopback"
  echo "Targets:$TARGETS"
} | tee "$OUT/header.txt"
echo

: >"$OUT/results.tsv"
: >"$OUT/windows.tsv"
: >"$OUT/starts.tsv"
GATEWAY_PID=""
DATA=""

gateway_calls() { # upstream calls the gateway made (its HTTP client)
  curl -s "$BASE/actuator/prometheus" | awk '/^http_client_requests_seconds_count/ {n += $NF} END {printf "%d", n}'
}
local_api_calls() { # requests the gateway's local Organizations API served
  curl -s "$BASE/actuator/prometheus" |
    awk '/^http_server_requests_seconds_count\{.*uri="\/organizations/ {n += $NF} END {printf "%d", n}'
}
no_calls() { echo -; }

# Warms a target up with a wrk script; quiet.
warm() { # url, script
  echo "  warm-up ${WARMUP} s"
  wrk -t"$THREADS" -c"$CONNECTIONS" --timeout "$TIMEOUT" -d"${WARMUP}s" -s "$2" "$1" >/dev/null
}

# Each thread's CPU ticks: "tid group ticks", the group being C1 or C2 (the JIT's compiler threads),
# loops (the server's event loops) or other.
thread_ticks() { # pid
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{
    name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
    split(substr($0, index($0, ")") + 2), f, " ")
    group = (name ~ /^C2 /) ? "C2" : (name ~ /^C1 /) ? "C1" : (name ~ /^webflux-http/) ? "loops" : "other"
    print $1, group, f[12] + f[13]}'
}

# Where the process's CPU went, about every second: "second C1 C2 loops other", in % of one core.
# Per thread, since the JVM starts and ends compiler threads as its queues grow and shrink.
sample_threads() { # pid, seconds
  local hz previous current
  hz=$(getconf CLK_TCK)
  previous=$(mktemp)
  current=$(mktemp)
  thread_ticks "$1" >"$previous"
  for second in $(seq 1 "$2"); do
    sleep 1
    kill -0 "$1" 2>/dev/null || break
    thread_ticks "$1" >"$current"
    awk -v s="$second" -v hz="$hz" 'NR == FNR {p[$1] = $3; next} {d[$2] += $3 - p[$1]}
      END {printf "%d\t%.0f\t%.0f\t%.0f\t%.0f\n", s, 100 * d["C1"] / hz, 100 * d["C2"] / hz, 100 * d["loops"] / hz, 100 * d["other"] / hz}' \
      "$previous" "$current"
    mv "$current" "$previous"
  done
  rm -f "$previous" "$current"
}

# Measures one target in one scenario and appends a line to results.tsv: requests, req/s, p50,
# p99, errors, upstream calls and the CPU time the target used per request (its own process
# tree: less sensitive than req/s to whatever else the machine runs).
measure() { # scenario, target, url, script, calls function, pid
  local before after line cpu_before cpu_after
  echo "  measure ${DURATION} s"
  before=$($5)
  cpu_before=$(cpu_ticks "$6")
  printf '%s\t%s\t%s\t' "$2" "$1" "$(date +%H:%M:%S.%3N)" >>"$OUT/windows.tsv"
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" --timeout "$TIMEOUT" -d"${DURATION}s" -s "$4" "$3" | grep '^RESULT')
  date +%H:%M:%S.%3N >>"$OUT/windows.tsv"
  cpu_after=$(cpu_ticks "$6")
  after=$($5)
  local calls=-
  [ "$before" = - ] || calls=$((after - before))
  # shellcheck disable=SC2086
  set -- "$1" "$2" $line "$calls" "$((cpu_after - cpu_before))"
  local cpu_us
  cpu_us=$(awk -v t="${10}" -v n="$4" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", (n > 0) ? t * 1e6 / hz / n : 0}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$4" "$5" "$6" "$7" "$8" "$9" "$cpu_us" >>"$OUT/results.tsv"
  echo "  $(awk -F'\t' 'END {printf "%s req/s, p50 %s ms, p99 %s ms, %s errors, %s upstream calls, %s CPU us/op", $4, $5, $6, $7, $8, $9}' "$OUT/results.tsv")"
}

# Fails the run unless a response is the expected one (as JSON, key order aside).
check_response() { # what, actual, expected file
  if ! diff <(jq -S . <<<"$2" 2>/dev/null) <(jq -S . "$3") >/dev/null; then
    echo "Wrong answer from $1:" >&2
    echo "  got:      $(head -c 600 <<<"$2")" >&2
    echo "  expected: $(head -c 600 "$3")" >&2
    exit 1
  fi
  echo "  sample response checked: $1"
}

# Starts the gateway with the production command and waits for its first answer. Sets
# GATEWAY_PID and FIRST_ANSWER_MS.
start_gateway() { # name, log, extra arguments...
  local name=$1 log=$2 jvm=$GATEWAY_COMMAND_NO_JAR started
  shift 2
  if $PROFILE && [ "$name" != starts ]; then
    # JFR adds the jdk.jfr module, which an AOT cache trained without it refuses to run with; the
    # profiled windows come after the warm-up, where the cache no longer matters.
    jvm="$JAVA $JAVA_OPTS $(runtime_options "$JAVA")"
    jvm="$jvm -XX:FlightRecorderOptions=stackdepth=$STACK_DEPTH"
    jvm="$jvm -XX:StartFlightRecording=filename=$OUT/$name/recording.jfr,settings=profile,dumponexit=true"
  fi
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  WORKOS_API_KEY= $jvm -jar "$RUN_JAR" --server.port="$PORT" $GATEWAY_ARGS "$@" \
    >"$log" 2>&1 &
  GATEWAY_PID=$!
  wait_for_answer "$BASE/graphql" "$GATEWAY_PID" "$log" 300
  FIRST_ANSWER_MS=$((($(date +%s%N) - started) / 1000000))
  if grep -q '\[error *\]\[aot\]\|\[error *\]\[cds\]' "$log"; then
    echo "The JVM could not use the start-up cache:" >&2
    grep '\]\[aot\]\|\]\[cds\]' "$log" | head -5 >&2
    exit 1
  fi
}
GATEWAY_COMMAND_NO_JAR="$JAVA $JAVA_OPTS $(runtime_options "$JAVA") $CACHE_OPTIONS"

stop_gateway() {
  if [ -n "$GATEWAY_PID" ]; then stop_process "$GATEWAY_PID"; fi
  GATEWAY_PID=""
}
OTHER_PID=""
trap 'stop_gateway; if [ -n "$OTHER_PID" ]; then stop_process "$OTHER_PID"; fi' EXIT

# Seeds the organizations into the running gateway's local API and makes the run's data set in a
# directory: ids.txt, organizations.json (for the reference), expected-a.json and expected-b.json
# (the gateway's answers, which every other target must give too), a.lua and b.lua.
make_data() { # directory
  mkdir -p "$1"
  seed_organizations "$BASE" "$ORGANIZATIONS" "$1/seed.curl" >"$1/ids.txt"
  if [ "$(grep -c '^org_' "$1/ids.txt")" != "$ORGANIZATIONS" ]; then
    echo "Seeding the local API failed; see $1/seed.curl" >&2
    exit 1
  fi
  dump_organizations "$BASE" >"$1/organizations.json"
  wrk_script_a "$1/ids.txt" "$1/a.lua"
  wrk_script_a "$1/ids.txt" "$1/curve.lua" curve
  wrk_script_fixed "$(body_b)" "$1/b.lua"
  graphql_post "$BASE/graphql" "$(body_a "$(head -1 "$1/ids.txt")")" >"$1/expected-a.json"
  graphql_post "$BASE/graphql" "$(body_b)" >"$1/expected-b.json"
  jq -e --arg id "$(head -1 "$1/ids.txt")" '.errors == null and .data.organization.id == $id' "$1/expected-a.json" >/dev/null ||
    { echo "The gateway's answer to (a) is wrong: $(cat "$1/expected-a.json")" >&2; exit 1; }
  jq -e '.errors == null and (.data.organizations.edges | length) == 10 and .data.organizations.pageInfo.hasNextPage' \
    "$1/expected-b.json" >/dev/null ||
    { echo "The gateway's answer to (b) is wrong: $(cat "$1/expected-b.json")" >&2; exit 1; }
  DATA=$1
}

check_both() { # what, url
  check_response "$1 (a)" "$(graphql_post "$2" "$(body_a "$(head -1 "$DATA/ids.txt")")")" "$DATA/expected-a.json"
  check_response "$1 (b)" "$(graphql_post "$2" "$(body_b)")" "$DATA/expected-b.json"
}

# --- start: time to the first answer and idle RSS ---------------------------------------------
if [ "$STARTS" -gt 0 ]; then
  mkdir -p "$OUT/starts"
  echo "Start: $STARTS timed starts (first answered query, then RSS after 5 s idle)"
  for i in $(seq 1 "$STARTS"); do
    start_gateway starts "$OUT/starts/gateway-$i.log"
    sleep 5
    rss=$(($(awk '/VmRSS/ {print $2}' "/proc/$GATEWAY_PID/status") / 1024))
    stop_gateway
    printf '%s\t%s\n' "$FIRST_ANSWER_MS" "$rss" >>"$OUT/starts.tsv"
    echo "  start $i: first answer after $FIRST_ANSWER_MS ms, idle RSS $rss MB"
  done
fi

# --- the gateway, response cache on; its start is the warm-up curve -----------------------------
CURVE_LINE=""
if selected gateway || selected curve; then
  mkdir -p "$OUT/gateway"
  echo "gateway: cold start, then (a)'s load at once for ${WARMUP} s, counted per second"
  start_gateway gateway "$OUT/gateway/gateway.log"
  CURVE_FIRST_ANSWER_MS=$FIRST_ANSWER_MS
  seeded_at=$(date +%s%N)
  make_data "$OUT/gateway"
  SEED_MS=$((($(date +%s%N) - seeded_at) / 1000000))
  echo "  first answer after $CURVE_FIRST_ANSWER_MS ms; $ORGANIZATIONS organizations seeded in $SEED_MS ms"
  sample_threads "$GATEWAY_PID" "$WARMUP" >"$OUT/curve-threads.tsv" &
  SAMPLER_PID=$!
  wrk -t"$THREADS" -c"$CONNECTIONS" --timeout "$TIMEOUT" -d"${WARMUP}s" -s "$OUT/gateway/curve.lua" "$BASE/graphql" >"$OUT/gateway/curve.txt"
  wait "$SAMPLER_PID"
  awk -v d="$WARMUP" '/^SECOND/ && $2 <= d {print $2 "\t" $3 "\t" $4}' "$OUT/gateway/curve.txt" >"$OUT/curve.tsv"
  check_both gateway "$BASE/graphql"
  if selected gateway; then
    measure a gateway "$BASE/graphql" "$DATA/a.lua" gateway_calls "$GATEWAY_PID"
    warm "$BASE/graphql" "$DATA/b.lua"
    measure b gateway "$BASE/graphql" "$DATA/b.lua" gateway_calls "$GATEWAY_PID"
  fi
  stop_gateway
fi

# --- the gateway, response cache off ----------------------------------------------------------
if selected executed; then
  mkdir -p "$OUT/executed"
  echo "executed: the gateway with $RESPONSE_CACHE_OFF"
  start_gateway executed "$OUT/executed/gateway.log" "$RESPONSE_CACHE_OFF"
  make_data "$OUT/executed"
  check_both executed "$BASE/graphql"
  warm "$BASE/graphql" "$DATA/a.lua"
  measure a executed "$BASE/graphql" "$DATA/a.lua" gateway_calls "$GATEWAY_PID"
  warm "$BASE/graphql" "$DATA/b.lua"
  measure b executed "$BASE/graphql" "$DATA/b.lua" gateway_calls "$GATEWAY_PID"
  selected apollo || stop_gateway
fi

# --- the Apollo peer, over the local API of the gateway started last -----------------------------
if selected apollo; then
  if [ -z "$GATEWAY_PID" ]; then
    mkdir -p "$OUT/upstream"
    echo "upstream: a gateway for its local Organizations API"
    start_gateway upstream "$OUT/upstream/gateway.log"
    make_data "$OUT/upstream"
  fi
  echo "apollo: Apollo Server 5 + RESTDataSource over $BASE/organizations"
  PEER_URL="http://127.0.0.1:$PEER_PORT/graphql"
  NODE_ENV=production PORT="$PEER_PORT" ORGANIZATIONS_API_URL="$BASE/" WORKERS="$PEER_WORKERS" \
    node "$PEER_DIR/server.js" >"$OUT/apollo.log" 2>&1 &
  OTHER_PID=$!
  wait_for_answer "$PEER_URL" "$OTHER_PID" "$OUT/apollo.log" 60
  check_both apollo "$PEER_URL"
  warm "$PEER_URL" "$DATA/a.lua"
  measure a apollo "$PEER_URL" "$DATA/a.lua" local_api_calls "$OTHER_PID"
  warm "$PEER_URL" "$DATA/b.lua"
  measure b apollo "$PEER_URL" "$DATA/b.lua" local_api_calls "$OTHER_PID"
  stop_process "$OTHER_PID"
  OTHER_PID=""
  stop_gateway
fi

# A data set for the targets without an upstream, if no gateway made one.
if [ -z "$DATA" ] && { selected reference || selected stack || selected nginx; }; then
  mkdir -p "$OUT/upstream"
  echo "upstream: a gateway to make the data set"
  start_gateway upstream "$OUT/upstream/gateway.log"
  make_data "$OUT/upstream"
  stop_gateway
fi

# --- the reference app: the same stack with nothing but a HashMap, then with the stack's features ---
# Starts a build of the reference app, checks its answers and measures both scenarios, and with
# "static" its POST /static too.
measure_reference() { # target, jar, [static]
  local url="http://127.0.0.1:$REFERENCE_PORT"
  # One event loop per core, as the gateway has (Reactor Netty's own default is at least four).
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS $(runtime_options "$JAVA") -Dreactor.netty.ioWorkerCount="$(nproc)" \
    -jar "$2" --server.port="$REFERENCE_PORT" \
    --reference.organizations="$DATA/organizations.json" --reference.static-response="$DATA/expected-a.json" \
    >"$OUT/$1.log" 2>&1 &
  OTHER_PID=$!
  wait_for_answer "$url/graphql" "$OTHER_PID" "$OUT/$1.log" 300
  check_both "$1" "$url/graphql"
  warm "$url/graphql" "$DATA/a.lua"
  measure a "$1" "$url/graphql" "$DATA/a.lua" no_calls "$OTHER_PID"
  warm "$url/graphql" "$DATA/b.lua"
  measure b "$1" "$url/graphql" "$DATA/b.lua" no_calls "$OTHER_PID"
  if [ "${3:-}" = static ]; then
    check_response "$1 /static" "$(graphql_post "$url/static" "$(body_a x)")" "$DATA/expected-a.json"
    warm "$url/static" "$DATA/a.lua"
    measure a static "$url/static" "$DATA/a.lua" no_calls "$OTHER_PID"
  fi
  stop_process "$OTHER_PID"
  OTHER_PID=""
}
if selected reference; then
  echo "reference: Spring for GraphQL from a HashMap, and POST /static"
  measure_reference reference "$REFERENCE_JAR" static
fi
if selected stack; then
  echo "stack: the reference with actuator, Prometheus meters, tracing at 10 % and an open Spring Security chain"
  measure_reference stack "$STACK_JAR"
fi

# --- nginx: the same bytes as (a)'s answer ------------------------------------------------------
if selected nginx; then
  echo "nginx: (a)'s response bytes to every POST"
  if grep -q '\$' "$DATA/expected-a.json"; then
    echo "(a)'s response holds a \$, which nginx's return would read as a variable" >&2
    exit 1
  fi
  NGINX_DIR="$(pwd)/$OUT/nginx"
  # inside nginx's single quotes, a backslash and a quote are escaped with a backslash
  NGINX_BODY=$(sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g" "$DATA/expected-a.json")
  mkdir -p "$NGINX_DIR"
  cat >"$NGINX_DIR/nginx.conf" <<NGINX
# Generated by src/bench/benchmark.sh: answers every request with (a)'s response bytes.
daemon off;
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events {
  worker_connections 1024;
}
http {
  access_log off;
  # As many requests per connection as the JVM servers allow (nginx closes after 1000 by default).
  keepalive_requests 1000000;
  client_body_temp_path $NGINX_DIR/client_body;
  proxy_temp_path $NGINX_DIR/proxy;
  fastcgi_temp_path $NGINX_DIR/fastcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi;
  scgi_temp_path $NGINX_DIR/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      default_type application/json;
      return 200 '$NGINX_BODY';
    }
  }
}
NGINX
  "$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" >"$OUT/nginx.log" 2>&1 &
  OTHER_PID=$!
  for _ in $(seq 1 100); do
    curl -s -o /dev/null -X POST "http://127.0.0.1:$NGINX_PORT/graphql" && break
    sleep 0.05
  done
  check_response nginx "$(graphql_post "http://127.0.0.1:$NGINX_PORT/graphql" "$(body_a x)")" "$DATA/expected-a.json"
  warm "http://127.0.0.1:$NGINX_PORT/graphql" "$DATA/a.lua"
  measure a nginx "http://127.0.0.1:$NGINX_PORT/graphql" "$DATA/a.lua" no_calls "$OTHER_PID"
  stop_process "$OTHER_PID"
  OTHER_PID=""
fi

# --- the report ----------------------------------------------------------------------------------
label() {
  case "$1" in
    gateway) echo "gateway, response cache on (default)" ;;
    executed) echo "gateway, response cache off" ;;
    apollo) echo "Apollo Server 5 + RESTDataSource (Node)" ;;
    reference) echo "Spring for GraphQL reference (HashMap)" ;;
    stack) echo "reference + security, meters, tracing" ;;
    static) echo "reference POST /static (WebFlux, no GraphQL)" ;;
    nginx) echo "nginx, same bytes" ;;
  esac
}
value() { # scenario, target, column (3 requests, 4 req/s, 5 p50, 6 p99, 7 errors, 8 calls, 9 CPU us/op)
  awk -F'\t' -v s="$1" -v t="$2" -v c="$3" '$1 == s && $2 == t {print $c}' "$OUT/results.tsv"
}
ratio() { # a b -> a / b, or -
  awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b}'
}
per_operation() { # scenario, target
  local calls requests
  calls=$(value "$1" "$2" 8)
  requests=$(value "$1" "$2" 3)
  if [ "$calls" = - ]; then echo "- (none)"; else
    awk -v c="$calls" -v n="$requests" 'BEGIN {printf "%.5f (%d)", (n > 0 ? c / n : 0), c}'
  fi
}

report() {
  cat "$OUT/header.txt"
  echo "Load after the run (uptime): $LOAD_AFTER"
  local scenario target
  for scenario in a b; do
    echo
    if [ "$scenario" = a ]; then
      echo "(a) query OrganizationCard(\$id: ID) { organization(id: \$id) { id name externalId domains { domain state } } }, $ORGANIZATIONS organizations round robin"
    else
      echo "(b) organizations(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }"
    fi
    echo
    printf '| %-45s | %9s | %8s | %8s | %6s | %-22s | %10s |\n' Target "req/s" "p50 ms" "p99 ms" errors "upstream calls/op (n)" "CPU us/op"
    printf '|%s|%s|%s|%s|%s|%s|%s|\n' "-----------------------------------------------" "----------:" "---------:" "---------:" "-------:" "------------------------" "-----------:"
    for target in gateway executed apollo reference stack static nginx; do
      [ -n "$(value "$scenario" "$target" 4)" ] || continue
      printf '| %-45s | %9s | %8s | %8s | %6s | %-22s | %10s |\n' "$(label "$target")" "$(value "$scenario" "$target" 4)" \
        "$(value "$scenario" "$target" 5)" "$(value "$scenario" "$target" 6)" "$(value "$scenario" "$target" 7)" \
        "$(per_operation "$scenario" "$target")" "$(value "$scenario" "$target" 9)"
    done
    echo
    printf '| %-36s | %14s | %13s | %11s | %9s |\n' "req/s ratio" "÷ Apollo peer" "÷ reference" "÷ stack" "÷ nginx"
    printf '|%s|%s|%s|%s|%s|\n' "--------------------------------------" "---------------:" "--------------:" "------------:" "----------:"
    for target in gateway executed stack; do
      [ -n "$(value "$scenario" "$target" 4)" ] || continue
      printf '| %-36s | %14s | %13s | %11s | %9s |\n' "$(label "$target")" \
        "$(ratio "$(value "$scenario" "$target" 4)" "$(value "$scenario" apollo 4)")" \
        "$(ratio "$(value "$scenario" "$target" 4)" "$(value "$scenario" reference 4)")" \
        "$(ratio "$(value "$scenario" "$target" 4)" "$(value "$scenario" stack 4)")" \
        "$(ratio "$(value "$scenario" "$target" 4)" "$(value "$scenario" nginx 4)")"
    done
  done

  if [ -s "$OUT/curve.tsv" ]; then
    echo
    echo "Warm-up curve: the gateway (response cache on) from a cold start, (a)'s load for ${WARMUP} s, responses per second"
    echo "(first answer ${CURVE_FIRST_ANSWER_MS} ms after launch; the load began after seeding, $((CURVE_FIRST_ANSWER_MS + SEED_MS)) ms after launch)"
    awk -F'\t' '{printf "%s%6d", ((NR - 1) % 10 == 0 ? sprintf("%s  s%2d-%2d:", (NR > 1 ? "\n" : ""), NR, NR + 9) : ""), $2} END {print ""}' "$OUT/curve.tsv"
    CURVE_LINE=$(awk -F'\t' '{c[NR] = $2; e += $3} END {
        peak = 0; for (i = 1; i + 4 <= NR; i++) {s = 0; for (j = i; j < i + 5; j++) s += c[j]; if (s / 5 > peak) peak = s / 5}
        t = "-"; for (i = 1; i <= NR; i++) if (c[i] >= 0.8 * peak) {t = i; break}
        printf "%.0f %s %d", peak, t, e}' "$OUT/curve.tsv")
    read -r PEAK T80 CURVE_ERRORS <<<"$CURVE_LINE"
    echo "Peak (best average over 5 consecutive seconds): $PEAK req/s; first second at >= 80% of it: $T80; errors during the curve: $CURVE_ERRORS"
    if [ -s "$OUT/curve-threads.tsv" ]; then
      echo "The gateway's CPU in the same seconds, % of one core, mean of each 10 s: JIT compilers C1 / C2, event loops, other threads"
      awk -F'\t' '{b = int(($1 - 1) / 10); n[b]++; c1[b] += $2; c2[b] += $3; l[b] += $4; o[b] += $5}
        END {for (i = 0; i in n; i++) printf "  s%2d-%2d: C1 %3.0f  C2 %3.0f  loops %3.0f  other %3.0f\n", 10 * i + 1, 10 * i + n[i],
          c1[i] / n[i], c2[i] / n[i], l[i] / n[i], o[i] / n[i]}' "$OUT/curve-threads.tsv"
    fi
  fi

  if [ -s "$OUT/starts.tsv" ]; then
    START_LINE=$(sort -n "$OUT/starts.tsv" | awk -F'\t' '{t[NR] = $1} END {printf "%d %d %d", t[int((NR + 1) / 2)], t[1], t[NR]}')
    RSS_LINE=$(sort -t$'\t' -k2 -n "$OUT/starts.tsv" | awk -F'\t' '{r[NR] = $2} END {printf "%d %d %d", r[int((NR + 1) / 2)], r[1], r[NR]}')
    read -r START_MEDIAN START_MIN START_MAX <<<"$START_LINE"
    read -r RSS_MEDIAN RSS_MIN RSS_MAX <<<"$RSS_LINE"
    echo
    echo "Start ($STARTS timed starts of the production command): first answered query after $START_MEDIAN ms (median; $START_MIN-$START_MAX), idle RSS $RSS_MEDIAN MB ($RSS_MIN-$RSS_MAX)"
  fi

  echo
  echo "Targets of issue 12:"
  : >"$OUT/targets.tsv"
  target_line() { # description, value text, met (true/false/unknown)
    local verdict=met
    [ "$3" = false ] && verdict=MISSED
    [ "$3" = unknown ] && verdict="not measured" && set -- "$1" - "$3"
    printf '%s\t%s\t%s\n' "$1" "$2" "$verdict" >>"$OUT/targets.tsv"
    printf '  %-60s %-28s %s\n' "$1" "$2" "$verdict"
  }
  met_ratio() { # a b minimum
    awk -v a="$1" -v b="$2" -v m="$3" 'BEGIN {if (a == "" || b == "") print "unknown"; else if (a / b >= m) print "true"; else print "false"}'
  }
  met_below() { # a b
    awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b == "") print "unknown"; else if (a < b) print "true"; else print "false"}'
  }
  local ea pa eb pb
  ea=$(value a executed 4); pa=$(value a apollo 4); eb=$(value b executed 4); pb=$(value b apollo 4)
  target_line "1. (a) response cache off >= 3x the Apollo peer" "$(ratio "$ea" "$pa")x" "$(met_ratio "$ea" "$pa" 3)"
  target_line "1. (b) response cache off >= 5x the Apollo peer" "$(ratio "$eb" "$pb")x" "$(met_ratio "$eb" "$pb" 5)"
  target_line "1. (a) p99 response cache off below the peer's" "$(value a executed 6) vs $(value a apollo 6) ms" \
    "$(met_below "$(value a executed 6)" "$(value a apollo 6)")"
  target_line "1. (b) p99 response cache off below the peer's" "$(value b executed 6) vs $(value b apollo 6) ms" \
    "$(met_below "$(value b executed 6)" "$(value b apollo 6)")"
  if [ -n "${T80:-}" ] && [ "$T80" != - ]; then
    target_line "2. >= 80% of peak throughput within 15 s of load" "second $T80" "$([ "$T80" -le 15 ] && echo true || echo false)"
  else
    target_line "2. >= 80% of peak throughput within 15 s of load" "-" unknown
  fi
  if [ -n "${START_MEDIAN:-}" ]; then
    target_line "3. first answered query < 3 s after launch (median)" "$START_MEDIAN ms" "$([ "$START_MEDIAN" -lt 3000 ] && echo true || echo false)"
    target_line "3. idle RSS < 256 MB (median)" "$RSS_MEDIAN MB" "$([ "$RSS_MEDIAN" -lt 256 ] && echo true || echo false)"
  else
    target_line "3. first answered query < 3 s after launch" "-" unknown
    target_line "3. idle RSS < 256 MB" "-" unknown
  fi
}

LOAD_AFTER=$(uptime | sed 's/.*load average: //')
# In this shell, not a pipeline's: it sets the numbers that results.json takes.
report >"$OUT/report.txt"
cat "$OUT/report.txt"

# --- results.json ---------------------------------------------------------------------------------
jq -n \
  --arg date "$RUN_DATE" --arg machine "$MACHINE" --arg load "$LOAD_BEFORE" --arg load_after "$LOAD_AFTER" --arg command "$GATEWAY_COMMAND" \
  --arg jvm "$JAVA_VERSION" --argjson threads "$THREADS" --argjson connections "$CONNECTIONS" \
  --argjson warmup "$WARMUP" --argjson duration "$DURATION" \
  --rawfile results "$OUT/results.tsv" --rawfile starts "$OUT/starts.tsv" --rawfile targets "$OUT/targets.tsv" \
  --rawfile curve "$( [ -s "$OUT/curve.tsv" ] && echo "$OUT/curve.tsv" || echo /dev/null)" \
  --arg curve_first_answer "${CURVE_FIRST_ANSWER_MS:-}" --arg seed_ms "${SEED_MS:-}" \
  --arg peak "${PEAK:-}" --arg t80 "${T80:-}" '
  def rows($text): $text | split("\n") | map(select(length > 0) | split("\t"));
  def num: if . == "-" or . == "" then null else tonumber end;
  {
    date: $date, machine: $machine, load_before: $load, load_after: $load_after, gateway_command: $command, jvm: $jvm,
    wrk: {threads: $threads, connections: $connections, warmup_seconds: $warmup, duration_seconds: $duration},
    results: [rows($results)[] | {scenario: .[0], target: .[1], requests: (.[2] | num), requests_per_second: (.[3] | num),
      p50_ms: (.[4] | num), p99_ms: (.[5] | num), errors: (.[6] | num), upstream_calls: (.[7] | num),
      upstream_calls_per_operation: (if .[7] == "-" then null else ((.[7] | num) / (.[2] | num)) end),
      cpu_us_per_operation: (.[8] | num)}],
    starts: [rows($starts)[] | {first_answer_ms: (.[0] | num), idle_rss_mb: (.[1] | num)}],
    warmup_curve: {first_answer_ms: ($curve_first_answer | num), load_started_ms: (if $curve_first_answer == "" then null
        else ($curve_first_answer | tonumber) + ($seed_ms | tonumber) end),
      responses_per_second: [rows($curve)[] | .[1] | tonumber], errors_per_second: [rows($curve)[] | .[2] | tonumber],
      peak_5s_average: ($peak | num), first_second_at_80_percent_of_peak: ($t80 | num)},
    targets: [rows($targets)[] | {target: .[0], value: .[1], verdict: .[2]}]
  }' >"$OUT/results.json"
echo
echo "Raw numbers: $OUT/results.json"

# --- profiles -----------------------------------------------------------------------------------
if $PROFILE; then
  JFR_TOOL="$(dirname "$(command -v "$JAVA")")/jfr"
  [ -x "$JFR_TOOL" ] || JFR_TOOL=jfr
  while IFS=$'\t' read -r target scenario from to; do
    recording="$OUT/$target/recording.jfr"
    [ -f "$recording" ] || continue
    [ -f "$OUT/$target/samples.txt" ] ||
      "$JFR_TOOL" print --events jdk.ExecutionSample --stack-depth "$STACK_DEPTH" "$recording" >"$OUT/$target/samples.txt"
    echo
    echo "Profile of $(label "$target"), scenario ($scenario), $from-$to (JFR execution samples)"
    awk -v from="$from" -v to="$to" '
      # the leading packages of a frame: org.springframework.graphql, graphql.execution, graphql
      function library(frame,   name, part, k, i, max, lib) {
        name = frame; sub(/\(.*/, "", name); k = split(name, part, ".")
        max = (part[1] ~ /^(org|com|io|tools|net)$/) ? 3 : 2
        lib = part[1]
        for (i = 2; i <= max && i < k && part[i] ~ /^[a-z]/; i++) lib = lib "." part[i]
        return lib
      }
      /startTime = / {time = $3}
      /stackTrace = \[/ {in_stack = (time >= from && time <= to); depth = 0; delete seen; if (in_stack) n++; next}
      in_stack && /^[ \t]*\]/ {in_stack = 0; next}
      in_stack {
        frame = $0; sub(/^[ \t]+/, "", frame); sub(/[ \t]+line:.*/, "", frame)
        if (frame == "...") next
        lib = library(frame)
        if (depth++ == 0) {top[frame]++; self[lib]++}
        if (!(lib in seen)) {seen[lib] = 1; inclusive[lib]++}
      }
      END {
        if (n == 0) {print "  no samples"; exit}
        printf "  %d samples; the 20 hottest frames (self):\n", n
        for (f in top) printf "  %6.2f%%  %s\n", 100 * top[f] / n, f | "sort -rn | head -20"
        close("sort -rn | head -20")
        print "  by library, self (the top frame) | inclusive (anywhere on the stack):"
        for (l in inclusive) printf "  %6.2f%% | %6.2f%%  %s\n", 100 * self[l] / n, 100 * inclusive[l] / n, l | "sort -t\"|\" -k2 -rn | head -25"
        close("sort -t\"|\" -k2 -rn | head -25")
      }' "$OUT/$target/samples.txt"
  done <"$OUT/windows.tsv"
fi
