#!/usr/bin/env bash
# Prepares the packaged gateway for a fast start with class data sharing (AppCDS): extracts
# the jar with Spring Boot's tools jar mode (CDS needs plain jars on the class path, not
# nested ones), then runs it once in local mode as a training run: it starts, answers a few
# queries so that the classes of the query path are archived too, and stops; the JVM
# writes the classes it loaded to an archive on exit.
#
# Usage: src/bench/cds.sh [jar] [directory]
#   jar         the packaged gateway (default: target/organizations-gateway-*.jar)
#   directory   where the extracted application and app.jsa go (default: target/cds)
# Environment: JAVA (java on PATH), CDS_PORT (18099), CDS_JAVA_OPTS (JVM options of the
#   training run; use the ones of the real runs, the archive records them).
# Afterwards:  java -XX:SharedArchiveFile=<directory>/app.jsa -jar <directory>/<jar name>
# The archive only fits the JVM that wrote it and this very jar; rebuild it with either.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR="${1:-$(ls target/organizations-gateway-*.jar 2>/dev/null | grep -v plain | head -1 || true)}"
DIR="${2:-target/cds}"
JAVA="${JAVA:-java}"
PORT="${CDS_PORT:-18099}"
JAVA_OPTS="${CDS_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx256m}"
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "No gateway jar; run mvn package first" >&2; exit 1; }

rm -rf "$DIR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
APP="$DIR/$(basename "$JAR")"
BASE="http://127.0.0.1:$PORT"
post() { curl -s -X POST "$BASE/graphql" -H 'Content-Type: application/json' --data-binary "$1"; }

# WORKOS_API_KEY is cleared: the training run always uses the embedded local API.
WORKOS_API_KEY= "$JAVA" $JAVA_OPTS -XX:ArchiveClassesAtExit="$DIR/app.jsa" -jar "$APP" --server.port="$PORT" \
  >"$DIR/training.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until answer=$(post '{"query":"{ organizations(first: 5) { edges { node { id name } } } }"}' 2>/dev/null) \
    && [[ "$answer" == *'"id":"org_'* ]]; do
  kill -0 $PID 2>/dev/null || { echo "The training run failed; see $DIR/training.log" >&2; exit 1; }
  sleep 0.1
done
ID=$(printf '%s' "$answer" | grep -o '"id":"org_[^"]*"' | head -1 | cut -d'"' -f4)
for _ in 1 2 3; do
  post "{\"query\":\"query(\$id: ID) { organization(id: \$id) { id name externalId domains { domain state } } }\",\"variables\":{\"id\":\"$ID\"}}" >/dev/null
  post '{"query":"{ organization(id: \"org_unknown\") { id } }"}' >/dev/null
  curl -s -o /dev/null "$BASE/actuator/health"
done
# A normal exit (SIGTERM, graceful shutdown) is when the JVM writes the archive.
kill $PID
wait $PID 2>/dev/null || true
trap - EXIT
[ -s "$DIR/app.jsa" ] || { echo "No archive was written; see $DIR/training.log" >&2; exit 1; }
echo "CDS archive: $DIR/app.jsa ($(du -m "$DIR/app.jsa" | cut -f1) MB); run with:"
echo "  $JAVA -XX:SharedArchiveFile=$DIR/app.jsa -jar $APP"
