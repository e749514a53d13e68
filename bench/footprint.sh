#!/usr/bin/env bash
# Footprint of each service: the time from process start to the first successful request
# (readiness answering 200, which needs PostgreSQL, Kafka and the Flyway check) and the RSS just
# after it, in JVM mode exactly as ./qnet runs it (-Xmx256m -XX:TieredStopAtLevel=1); then the
# same with an AppCDS archive (JDK 17: a training start with -XX:ArchiveClassesAtExit, then
# -XX:SharedArchiveFile). The plain start is the baseline of the same go.
#
#   ./qnet up
#   bench/footprint.sh [starts per mode, default 3]
#
# Each service is stopped, started and stopped by this script in turn; ./qnet up at the end
# starts them again as usual. The archives go to a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
state=${QNET_HOME:-$root/.qnet}
pg_port=${QNET_PG_PORT:-55432}
kafka_port=${QNET_KAFKA_PORT:-59092}
keycloak_url="http://127.0.0.1:${QNET_KEYCLOAK_PORT:-8180}/realms/qnet"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A ports=([referral-service]=${QNET_REFERRAL_PORT:-8081} [matching-service]=${QNET_MATCHING_PORT:-8082}
                  [activity-service]=${QNET_ACTIVITY_PORT:-8083} [statistics-service]=${QNET_STATISTICS_PORT:-8084})

stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  # Up to a minute: a training start writes its class archive as it stops.
  for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# Starts the service with extra JVM options; prints "milliseconds-to-first-200 rss-MiB" and stops it.
start_once() {
  local s=$1; shift
  local port=${ports[$s]} begin pid ms rss
  begin=$(date +%s%N)
  env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/${s%-service}" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" QUARKUS_OIDC_AUTH_SERVER_URL="$keycloak_url" \
    QNET_WEBHOOKS_ALLOW_INSECURE_HTTP=true \
    QNET_CRYPTO_MASTER_KEY="$(cat "$state/secrets/master-key")" \
    QNET_STATISTICS_PSEUDONYM_KEY="$(cat "$state/secrets/statistics-pseudonym-key")" \
    java -Xmx256m -XX:TieredStopAtLevel=1 "$@" -jar "$root/$s/target/quarkus-app/quarkus-run.jar" > "$work/$s.log" 2>&1 &
  pid=$!
  until curl -s -f -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$work/$s.log" >&2; echo "$s stopped while starting" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - begin) / 1000000 ))
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  stop_pid "$pid"
  echo "$ms $rss"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -n 1)"
echo "| service | mode | start to first 200, ms (each start) | median ms | RSS after it, MiB (median) |"
echo "|---|---|---|---|---|"
for s in referral-service matching-service activity-service statistics-service; do
  [ -f "$state/pids/$s.pid" ] && stop_pid "$(cat "$state/pids/$s.pid")"
  for mode in plain appcds; do
    opts=()
    if [ "$mode" = appcds ]; then
      start_once "$s" -XX:ArchiveClassesAtExit="$work/$s.jsa" >/dev/null   # the training start
      opts=(-XX:SharedArchiveFile="$work/$s.jsa")
    fi
    times=() rsss=()
    for _ in $(seq 1 "$runs"); do
      read -r ms rss < <(start_once "$s" "${opts[@]}")
      times+=("$ms"); rsss+=("$rss")
    done
    median_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    median_rss=$(printf '%s\n' "${rsss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "| $s | $mode | ${times[*]} | $median_ms | $median_rss |"
  done
done
"$root/qnet" up >/dev/null
