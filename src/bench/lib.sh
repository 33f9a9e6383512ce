# Functions shared by the benchmark's scripts (benchmark.sh, ab.sh, aot.sh, startup.sh); sourced, not run.
# They expect to run from the repository's root, with bash's "set -euo pipefail".

# The JVM options of the production command: Serial GC and a heap that starts small (the live set
# is ~20 MB plus caches; on 2 cores G1's threads and larger heap cost RSS without helping latency),
# and native memory that the JIT compilers freed at start given back to the OS every 2 s (glibc
# keeps it otherwise: ~35 MB of idle RSS), and two C2 compiler threads where the JVM gives two cores
# one (from four cores it picks three or more itself): warm-up waits on C2, and with one thread it
# took 36 s of load to reach 80 % of the peak instead of 10 to 14 (docs/performance.md#warm-up).
PRODUCTION_JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx256m -XX:TrimNativeHeapInterval=2000 -XX:CICompilerCount=3"

# The packaged gateway (not the plain jar), or nothing.
gateway_jar() {
  ls target/organizations-gateway-*.jar 2>/dev/null | grep -v plain | head -1 || true
}

# The JVM of the production command: a JDK 25 installed under /usr/lib/jvm, else java on the PATH.
default_java() {
  local candidate
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*-25-*/bin/java; do
    if [ -x "$candidate" ]; then
      echo "$candidate"
      return
    fi
  done
  echo java
}

# The feature version of a java binary: 17, 25...
java_version() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'
}

# JVM options that use the start-up cache that aot.sh wrote into a directory for this JVM:
# the AOT cache on JDK 25 and later, the CDS archive before.
cache_options() { # java, directory
  if [ "$(java_version "$1")" -ge 25 ]; then
    echo "-XX:AOTCache=$2/app.aot"
  else
    echo "-XX:SharedArchiveFile=$2/app.jsa"
  fi
}

# The cache file aot.sh writes for this JVM.
cache_file() { # java, directory
  if [ "$(java_version "$1")" -ge 25 ]; then echo "$2/app.aot"; else echo "$2/app.jsa"; fi
}

# Options every JDK 25 run adds: Netty loads its native transport through System.loadLibrary,
# which JDK 24+ warns about unless native access is granted.
runtime_options() { # java
  if [ "$(java_version "$1")" -ge 24 ]; then echo "--enable-native-access=ALL-UNNAMED"; fi
}

# POST a GraphQL body (JSON) to a URL and print the response.
graphql_post() { # url, body
  curl -s --max-time 30 -X POST "$1" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data-binary "$2"
}

# The query the start is timed by: the first page, which costs the gateway an upstream call.
FIRST_QUERY='{"query":"{ organizations(first: 1) { edges { node { id } } } }"}'

# Waits until a GraphQL server at a URL answers FIRST_QUERY with an organization; fails if the
# process dies first or after a timeout. Polls every 20 ms.
wait_for_answer() { # url, pid, log, timeout seconds
  local deadline=$(( $(date +%s) + ${4:-120} )) answer
  until answer=$(graphql_post "$1" "$FIRST_QUERY" 2>/dev/null) && [[ "$answer" == *'"id":"org_'* ]]; do
    if ! kill -0 "$2" 2>/dev/null; then
      echo "The process $2 stopped before answering; see $3" >&2
      return 1
    fi
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "No answer from $1 within ${4:-120} s; see $3" >&2
      return 1
    fi
    sleep 0.02
  done
}

# Stops a process by its id (SIGTERM, so the JVM writes what it writes at exit) and waits.
stop_process() { # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# CPU time, in clock ticks, that a process and its descendants (the peer's workers) have used.
cpu_ticks() { # pid
  local pid ticks=0 pids=("$1") all=()
  while [ "${#pids[@]}" -gt 0 ]; do
    all+=("${pids[@]}")
    mapfile -t pids < <(for pid in "${pids[@]}"; do pgrep -P "$pid"; done)
  done
  for pid in "${all[@]}"; do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$ticks"
}

# Fails if anything listens on a port.
require_free_port() { # port, variable to set for another one
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "Port $1 is taken (another engineer's server?); set $2 to a free one" >&2
    return 1
  fi
}

# Creates organizations in the gateway's local Organizations API (one curl, one connection):
# "Benchmark Organization NNN", external id bench-NNN, a verified domain, and every other one a
# second, pending domain. Prints their ids, one a line, in the order created.
seed_organizations() { # base url, count, config file
  jq -rn --arg url "$1/organizations" --argjson count "$2" '
    [range(1; $count + 1)
     | ((if . < 10 then "00" elif . < 100 then "0" else "" end) + tostring) as $n
     | {name: "Benchmark Organization \($n)", external_id: "bench-\($n)",
        domain_data: ([{domain: "bench-\($n).example.com", state: "verified"}]
          + (if (. % 2) == 0 then [{domain: "bench-\($n)-labs.example.com", state: "pending"}] else [] end))}
     | "url = \($url | tojson)\nheader = \"Authorization: Bearer sk_test_anything\"\n"
       + "header = \"Content-Type: application/json\"\ndata = \(tojson | tojson)"]
    | join("\nnext\n")' >"$3"
  curl -s --no-progress-meter --max-time 120 --parallel --parallel-max 8 -K "$3" | jq -r '.id'
}

# Every organization of the local API, newest first, as one JSON array (the list's "data").
dump_organizations() { # base url
  local after="" page all="[]"
  while :; do
    page=$(curl -s --max-time 30 -H 'Authorization: Bearer sk_test_anything' \
      "$1/organizations?limit=100&order=desc${after:+&after=$after}")
    all=$(jq -c --argjson all "$all" '$all + .data' <<<"$page")
    after=$(jq -r '.list_metadata.after // empty' <<<"$page")
    [ -n "$after" ] || break
  done
  echo "$all"
}

QUERY_A='query OrganizationCard($id: ID) { organization(id: $id) { id name externalId domains { domain state } } }'
QUERY_B='query FirstPage { organizations(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }'

# The request bodies of the two scenarios.
body_a() { # organization id
  jq -cn --arg q "$QUERY_A" --arg id "$1" '{query: $q, variables: {id: $id}, operationName: "OrganizationCard"}'
}
body_b() {
  jq -cn --arg q "$QUERY_B" '{query: $q, operationName: "FirstPage"}'
}

# A wrk script for scenario (a): each request asks for the next of the given organizations,
# round robin, the two threads starting half-way apart. With "curve", it also counts the
# responses (and the non-2xx ones) in each second since the start and prints them at the end
# as "SECOND <n> <responses> <errors>". Every script prints one summary line:
# "RESULT <requests> <req/s> <p50 ms> <p99 ms> <errors>", where errors are socket errors and
# statuses of 400 and above, as wrk counts them.
wrk_script_a() { # file with one id a line, output file, [curve]
  {
    echo 'local bodies = {'
    jq -rR --arg q "$QUERY_A" '{query: $q, variables: {id: .}, operationName: "OrganizationCard"} | tojson | tojson + ","' "$1"
    echo '}'
    cat <<'LUA'
local requests = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", nil, headers, body)
  end
  next_index = (thread_number * math.floor(#requests / 2)) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
LUA
    if [ "${3:-}" = curve ]; then
      cat <<'LUA'

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *time);
]]
local clock = ffi.new("bench_timespec")
local function now() -- CLOCK_MONOTONIC, the same for every thread
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end

local threads = {}
local load_started = nil
local previous_setup = setup
function setup(thread)
  previous_setup(thread)
  load_started = load_started or now()
  thread:set("started", load_started) -- the global "started" of the thread
  table.insert(threads, thread)
end

counts = {}
failures = {}
function response(status, headers, body)
  local second = math.floor(now() - started) + 1
  counts[second] = (counts[second] or 0) + 1
  if status < 200 or status > 299 then
    failures[second] = (failures[second] or 0) + 1
  end
end
LUA
    fi
    wrk_done "${3:-}"
  } >"$2"
}

# A wrk script that POSTs one fixed body.
wrk_script_fixed() { # body, output file
  {
    printf 'wrk.method = "POST"\nwrk.body = %s\n' "$(jq -Rn --arg b "$1" '$b')"
    echo 'wrk.headers["Content-Type"] = "application/json"'
    echo 'wrk.headers["Accept"] = "application/json"'
    wrk_done
  } >"$2"
}

wrk_done() { # [curve]
  echo
  echo 'function done(summary, latency, requests)'
  if [ "${1:-}" = curve ]; then
    cat <<'LUA'
  local total, errors, last = {}, {}, 0
  for _, thread in ipairs(threads) do
    for second, n in pairs(thread:get("counts")) do
      total[second] = (total[second] or 0) + n
      if second > last then last = second end
    end
    for second, n in pairs(thread:get("failures")) do
      errors[second] = (errors[second] or 0) + n
    end
  end
  for second = 1, last do
    io.write(string.format("SECOND %d %d %d\n", second, total[second] or 0, errors[second] or 0))
  end
LUA
  fi
  cat <<'LUA'
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT %d %.1f %.3f %.3f %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors))
end
LUA
}
