#!/usr/bin/env bash
# Shows that the start-up cache written by src/bench/aot.sh (a training run in local mode, without
# Redis or a webhook secret) leaves every start-up decision to the start: the same cache starts the
# gateway in each of these conditions, and each behaves as that condition should.
#   local      no WORKOS_API_KEY: the embedded Organizations API answers at /organizations;
#   workos     WORKOS_API_KEY and WORKOS_API_BASE_URL pointing at a stand-in for WorkOS (a second
#              gateway in local mode, whose local API speaks WorkOS's wire format), an API key for
#              callers: the answers come from the stand-in, and /organizations is not served;
#   webhooks   the same with WORKOS_WEBHOOK_SECRET: POST /webhooks/workos exists and refuses an
#              unsigned event (without the secret it is not served);
#   redis      local mode with a Redis (Debian's redis-server, started here): the gateway
#              subscribes to its invalidation channel and /actuator/health shows "peers" UP.
# Each start must load its classes from the cache (-Xlog:class+load counts them) and log no
# [aot] error.
#
# Usage: src/bench/aot-check.sh
# Environment: JAVA (a JDK 25 under /usr/lib/jvm, else java), AOT_JAVA_OPTS (as for aot.sh),
#   CHECK_PORT (18170; the stand-in and Redis take the next two ports).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh

JAVA="${JAVA:-$(default_java)}"
JAVA_OPTS="${AOT_JAVA_OPTS:-$PRODUCTION_JAVA_OPTS}"
PORT="${CHECK_PORT:-18170}"
STANDIN_PORT=$((PORT + 1))
REDIS_PORT=$((PORT + 2))
DIR=target/aot
OUT=target/bench/aot-check
BASE="http://127.0.0.1:$PORT"
for port in "$PORT" "$STANDIN_PORT" "$REDIS_PORT"; do require_free_port "$port" CHECK_PORT; done
JAR=$(gateway_jar)
[ -n "$JAR" ] || { echo "No gateway jar; run mvn package first" >&2; exit 1; }
if [ ! -s "$(cache_file "$JAVA" "$DIR")" ] || [ "$JAR" -nt "$(cache_file "$JAVA" "$DIR")" ]; then
  JAVA="$JAVA" AOT_JAVA_OPTS="$JAVA_OPTS" src/bench/aot.sh "$JAR" "$DIR"
fi
rm -rf "$OUT"
mkdir -p "$OUT"
JVM="$JAVA $JAVA_OPTS $(runtime_options "$JAVA") $(cache_options "$JAVA" "$DIR")"
APP="$DIR/$(basename "$JAR")"
echo "Every start: $JVM -jar $APP"

PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
KEY=bench-check-key-0123456789abcdef
KEY_SHA=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
failures=0
check() { # description, command...
  if "${@:2}" >/dev/null 2>&1; then echo "  ok      $1"; else echo "  FAILED  $1"; failures=$((failures + 1)); fi
}

# Starts the gateway with the cache in a condition (environment assignments as arguments).
start() { # name, environment...
  local name=$1
  shift
  # shellcheck disable=SC2086
  env WORKOS_API_KEY= "$@" $JVM -Xlog:class+load=info:file="$OUT/$name-classes.txt" -jar "$APP" --server.port="$PORT" \
    >"$OUT/$name.log" 2>&1 &
  GATEWAY=$!
  PIDS+=("$GATEWAY")
  local deadline=$(($(date +%s) + 300))
  until curl -s -o /dev/null "$BASE/actuator/health/liveness"; do
    kill -0 "$GATEWAY" 2>/dev/null || { echo "$name: the gateway stopped; see $OUT/$name.log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$name: no start within 300 s" >&2; exit 1; }
    sleep 0.1
  done
  echo "$name: $(grep -c 'source: shared objects file' "$OUT/$name-classes.txt") classes from the AOT cache," \
    "$(grep -vc 'source: shared objects file' "$OUT/$name-classes.txt") from elsewhere"
  check "no [aot] error in the log" bash -c "! grep -q '\[error *\]\[aot\]' '$OUT/$name.log'"
}
stop() {
  stop_process "$GATEWAY"
}
with_key() { # body -> response, with the caller API key
  curl -s --max-time 30 -X POST "$BASE/graphql" -H 'Content-Type: application/json' -H "X-API-Key: $KEY" --data-binary "$1"
}
status_of() { # method, path
  curl -s -o /dev/null -w '%{http_code}' -X "$1" "$BASE$2" -H 'Content-Type: application/json' --data-binary '{}'
}

start local
check "answers from the local API" bash -c "[[ \$(curl -s -X POST '$BASE/graphql' -H 'Content-Type: application/json' --data-binary '$FIRST_QUERY') == *'\"id\":\"org_'* ]]"
check "the local API is served" test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer sk_test_x' "$BASE/organizations")" = 200
check "log: the local API is active" grep -q 'Upstream: the embedded local Organizations API' "$OUT/local.log"
stop

# The stand-in for WorkOS: a plain gateway in local mode (no cache; it is not what is checked).
WORKOS_API_KEY= "$JAVA" $JAVA_OPTS $(runtime_options "$JAVA") -jar "$JAR" --server.port="$STANDIN_PORT" \
  >"$OUT/standin.log" 2>&1 &
PIDS+=("$!")
wait_for_answer "http://127.0.0.1:$STANDIN_PORT/graphql" "$!" "$OUT/standin.log" 300
STANDIN_NAME=$(curl -s -H 'Authorization: Bearer sk_test_x' "http://127.0.0.1:$STANDIN_PORT/organizations?limit=1" | jq -r '.data[0].name')
WORKOS_ENV=(WORKOS_API_KEY=sk_test_standin "WORKOS_API_BASE_URL=http://127.0.0.1:$STANDIN_PORT"
  GATEWAY_SECURITY_APIKEYS_0_NAME=check "GATEWAY_SECURITY_APIKEYS_0_SHA256=$KEY_SHA"
  GATEWAY_SECURITY_APIKEYS_0_SCOPES=organizations:read)

start workos "${WORKOS_ENV[@]}"
check "log: upstream is WorkOS at the stand-in" grep -q "Upstream: WorkOS at http://127.0.0.1:$STANDIN_PORT" "$OUT/workos.log"
check "answers come from the stand-in ($STANDIN_NAME)" bash -c \
  "[[ \$(curl -s -X POST '$BASE/graphql' -H 'Content-Type: application/json' -H 'X-API-Key: $KEY' --data-binary '{\"query\":\"{ organizations(first: 1) { edges { node { name } } } }\"}') == *'\"name\":\"$STANDIN_NAME\"'* ]]"
check "no local API: GET /organizations is not served" test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer sk_test_x' "$BASE/organizations")" = 404
check "a caller without a credential is refused (401)" test "$(status_of POST /graphql)" = 401
check "webhooks off without a secret: /webhooks/workos is 404" test "$(status_of POST /webhooks/workos)" = 404
stop

start webhooks "${WORKOS_ENV[@]}" WORKOS_WEBHOOK_SECRET=whsec_check_0123456789
check "log: webhooks accepted" grep -q 'WorkOS webhooks: accepted at POST /webhooks/workos' "$OUT/webhooks.log"
check "an unsigned event is refused (401)" test "$(status_of POST /webhooks/workos)" = 401
stop

/usr/bin/redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$OUT/redis.log" 2>&1 &
PIDS+=("$!")
sleep 0.5
start redis SPRING_DATA_REDIS_HOST=127.0.0.1 SPRING_DATA_REDIS_PORT="$REDIS_PORT"
for _ in $(seq 1 100); do grep -q 'Subscribed to Redis channel' "$OUT/redis.log" && break; sleep 0.1; done
check "log: subscribed to the Redis channel" grep -q 'Subscribed to Redis channel' "$OUT/redis.log"
check "health: peers UP" bash -c "curl -s '$BASE/actuator/health/peers' | jq -e '.status == \"UP\"'"
check "Redis counts one subscriber" bash -c \
  "[ \"\$(redis-cli -p $REDIS_PORT PUBSUB NUMSUB organizations-gateway:organization-changes | tail -1)\" = 1 ]"
stop

echo
if [ "$failures" = 0 ]; then echo "All checks passed: one cache, every start-up condition."; else echo "$failures checks failed"; exit 1; fi
