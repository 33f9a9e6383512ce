#!/usr/bin/env bash
# Times the gateway's start in several configurations, a few starts each, taken in turns so that a
# change in the machine's load falls on all of them alike. Each start runs in local mode and is
# timed from launching java to the first answered GraphQL query (the first page, which also costs
# the gateway an upstream call); the CPU time the JVM used until then is read from /proc, and its
# RSS after 5 s of idling.
#
# Configurations (STARTUP_CONFIGS, default "plain-17 aot-25"):
#   plain-17   java -jar on the packaged jar, JDK 17 (the build's baseline);
#   plain-25   the same on JDK 25;
#   cds-17     the extracted jar with a dynamic CDS archive (src/bench/aot.sh run by JDK 17);
#   aot-25     the extracted jar with the AOT cache (src/bench/aot.sh run by JDK 25): production.
# Each with the production options (STARTUP_JAVA_OPTS, default PRODUCTION_JAVA_OPTS in lib.sh).
#
# Usage: src/bench/startup.sh
# Environment: STARTUP_RUNS (5), STARTUP_CONFIGS, STARTUP_PORT (18188), JAVA17 (a JDK 17 under
#   /usr/lib/jvm, else java), JAVA25 (a JDK 25 under /usr/lib/jvm), STARTUP_JAVA_OPTS.
# Writes target/bench/startup/: each start's log and startup.tsv.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh

RUNS="${STARTUP_RUNS:-5}"
CONFIGS="${STARTUP_CONFIGS:-plain-17 aot-25}"
PORT="${STARTUP_PORT:-18188}"
JAVA17="${JAVA17:-$( [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ] && echo /usr/lib/jvm/java-17-openjdk-amd64/bin/java || echo java)}"
JAVA25="${JAVA25:-$(default_java)}"
JAVA_OPTS="${STARTUP_JAVA_OPTS:-$PRODUCTION_JAVA_OPTS}"
OUT=target/bench/startup
BASE="http://127.0.0.1:$PORT"
require_free_port "$PORT" STARTUP_PORT

JAR=$(gateway_jar)
if [ -z "$JAR" ] || [ -n "$(find src/main schema pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "Packaging the gateway (mvn package, tests skipped)..."
  mvn -q -B -ntp -DskipTests package
  JAR=$(gateway_jar)
fi

# The command of a configuration, writing the cache it needs first if it is missing or stale.
command_of() { # configuration
  local java dir
  case "$1" in
    *-17) java=$JAVA17 ;;
    *-25) java=$JAVA25 ;;
    *) echo "Unknown configuration $1" >&2; exit 2 ;;
  esac
  case "$1" in
    plain-*)
      echo "$java $JAVA_OPTS $(runtime_options "$java") -jar $JAR"
      ;;
    cds-* | aot-*)
      [ "$1" = aot-25 ] && dir=target/aot || dir=target/aot-$(java_version "$java")
      if [ ! -s "$(cache_file "$java" "$dir")" ] || [ "$JAR" -nt "$(cache_file "$java" "$dir")" ] ||
          [ "$(cat "$dir/jvm.txt" 2>/dev/null)" != "$("$java" -version 2>&1 | tr '\n' ' ') $JAVA_OPTS" ]; then
        echo "Writing the start-up cache for $1 (src/bench/aot.sh)..." >&2
        JAVA="$java" AOT_JAVA_OPTS="$JAVA_OPTS" src/bench/aot.sh "$JAR" "$dir" >&2
        echo "$("$java" -version 2>&1 | tr '\n' ' ') $JAVA_OPTS" >"$dir/jvm.txt"
      fi
      echo "$java $JAVA_OPTS $(runtime_options "$java") $(cache_options "$java" "$dir") -jar $dir/$(basename "$JAR")"
      ;;
  esac
}

rm -rf "$OUT"
mkdir -p "$OUT"
declare -A COMMAND
for config in $CONFIGS; do
  COMMAND[$config]=$(command_of "$config")
done

echo "Gateway start, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before (uptime): $(uptime | sed 's/.*load average: //')"
for config in $CONFIGS; do
  echo "  $config: ${COMMAND[$config]}"
done
: >"$OUT/startup.tsv"
for run in $(seq 1 "$RUNS"); do
  for config in $CONFIGS; do
    log="$OUT/$config-$run.log"
    started=$(date +%s%N)
    # shellcheck disable=SC2086
    WORKOS_API_KEY= ${COMMAND[$config]} --server.port="$PORT" >"$log" 2>&1 &
    pid=$!
    wait_for_answer "$BASE/graphql" "$pid" "$log" 300
    first_ms=$((($(date +%s%N) - started) / 1000000))
    cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat")
    sleep 5
    rss=$(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024))
    stop_process "$pid"
    if grep -q '\[error *\]\[aot\]\|\[error *\]\[cds\]' "$log"; then
      echo "  $config: the JVM could not use its cache; see $log" >&2
      exit 1
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$config" "$run" "$first_ms" "$cpu_ms" "$rss" >>"$OUT/startup.tsv"
    echo "  $config run $run: first answer $first_ms ms, CPU $cpu_ms ms, idle RSS $rss MB"
  done
done
echo "Load after (uptime): $(uptime | sed 's/.*load average: //')"

echo
printf '| %-10s | %-32s | %-34s | %-28s |\n' Configuration "First answer, ms: median (range)" "CPU until then, ms: median (range)" "Idle RSS, MB: median (range)"
printf '|%s|%s|%s|%s|\n' "------------" "$(printf '%33s' | tr ' ' -):" "$(printf '%35s' | tr ' ' -):" "$(printf '%29s' | tr ' ' -):"
for config in $CONFIGS; do
  stats() { # column
    awk -F'\t' -v c="$config" -v k="$1" '$1 == c {print $k}' "$OUT/startup.tsv" | sort -n |
      awk '{v[NR] = $1} END {printf "%d (%d-%d)", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR]}'
  }
  printf '| %-10s | %32s | %34s | %28s |\n' "$config" "$(stats 3)" "$(stats 4)" "$(stats 5)"
done
