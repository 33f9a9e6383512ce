#!/usr/bin/env bash
# Prepares the packaged gateway for a fast start and a fast warm-up: extracts the jar with Spring
# Boot's tools jar mode (the JVM's caches need plain jars on the class path, not nested ones), then
# runs it once in local mode as a training run that starts, answers both of the benchmark's queries
# under load for a while, and stops gracefully. At that exit the JVM writes:
#   - on JDK 25 and later, an AOT cache (JEP 483, 514, 515): the classes loaded and linked, and the
#     method profiles of the training, so that the JIT compiles the hot paths sooner;
#   - on JDK 17 to 24, a dynamic class data sharing archive (classes only).
# Both hold classes, not beans: which beans exist (local or WorkOS mode, Redis, webhooks...) is
# still decided at each start. The cache fits only the JVM that wrote it and this very jar, at the
# same path: build it where the image is built, after "mvn package", with the production options.
#
# Usage: src/bench/aot.sh [jar] [directory]
#   jar         the packaged gateway (default: target/organizations-gateway-*.jar)
#   directory   where the extracted application and the cache go (default: target/aot)
# Environment: JAVA (java on PATH; Temurin 25 for the AOT cache), AOT_PORT (18199),
#   AOT_JAVA_OPTS (the production options, PRODUCTION_JAVA_OPTS in lib.sh),
#   AOT_TRAINING (15s of load per query).
# Afterwards (JDK 25):  java <options> -XX:AOTCache=<directory>/app.aot -jar <directory>/<jar name>
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh

JAR="${1:-$(gateway_jar)}"
DIR="${2:-target/aot}"
JAVA="${JAVA:-java}"
PORT="${AOT_PORT:-18199}"
JAVA_OPTS="${AOT_JAVA_OPTS:-$PRODUCTION_JAVA_OPTS}"
TRAINING="${AOT_TRAINING:-15s}"
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "No gateway jar; run mvn package first" >&2; exit 1; }
require_free_port "$PORT" AOT_PORT

rm -rf "$DIR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
APP="$DIR/$(basename "$JAR")"
CACHE=$(cache_file "$JAVA" "$DIR")
if [ "$(java_version "$JAVA")" -ge 25 ]; then
  RECORD="-XX:AOTCacheOutput=$CACHE -Xlog:aot=warning:file=$DIR/aot-assembly.log"
else
  RECORD="-XX:ArchiveClassesAtExit=$CACHE"
fi
BASE="http://127.0.0.1:$PORT"

# WORKOS_API_KEY is cleared: the training run always uses the embedded local API.
# shellcheck disable=SC2086
WORKOS_API_KEY= "$JAVA" $JAVA_OPTS $(runtime_options "$JAVA") $RECORD -jar "$APP" --server.port="$PORT" \
  >"$DIR/training.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
wait_for_answer "$BASE/graphql" "$PID" "$DIR/training.log" 300

# The query path under load, so that the profiles are those of real traffic: the two scenarios
# over a hundred organizations, one that does not exist, and the actuator endpoints.
seed_organizations "$BASE" 100 "$DIR/seed.curl" >"$DIR/ids.txt"
wrk_script_a "$DIR/ids.txt" "$DIR/a.lua"
wrk_script_fixed "$(body_b)" "$DIR/b.lua"
for script in a b a; do
  wrk -t2 -c8 -d"$TRAINING" -s "$DIR/$script.lua" "$BASE/graphql" >/dev/null
done
graphql_post "$BASE/graphql" "$(body_a org_01AAAAAAAAAAAAAAAAAAAAAAAA)" >/dev/null
curl -s -o /dev/null "$BASE/actuator/health"
curl -s -o /dev/null "$BASE/actuator/prometheus"

# A graceful stop (SIGTERM) is a normal exit, when the JVM records what it loaded; on JDK 25 it
# then starts a second JVM that assembles the cache, before this one ends.
stop_process "$PID"
trap - EXIT
if [ ! -s "$CACHE" ]; then
  echo "No cache was written; see $DIR/training.log" >&2
  exit 1
fi
grep -h -E 'AOTCache creation is complete|Dumping shared data' "$DIR/training.log" || true
echo "Start-up cache: $CACHE ($(du -m "$CACHE" | cut -f1) MB); run the gateway with:"
echo "  $JAVA $JAVA_OPTS $(runtime_options "$JAVA") $(cache_options "$JAVA" "$DIR") -jar $APP"
