#!/usr/bin/env bash
# Footprint of each service: the time from process start to the first successful request
# (readiness answering 200, which needs PostgreSQL, Kafka and the Flyway check) and the RSS just
# after it, in JVM mode exactly as ./qnet runs it (-Xmx256m -XX:TieredStopAtLevel=1); then the
# same with an AppCDS archive (JDK 17: a training start with -XX:ArchiveClassesAtExit, then
# -XX:SharedArchiveFile); then on JDK 25 (QNET_JAVA25, default the Temurin 25 in /usr/lib/jvm) plain,
# with an AOT cache (JEP 483/514/515: a training start with -XX:AOTCacheOutput, then -XX:AOTCache),
# and with the AOT cache and the lean options ./qnet uses on JDK 25. The plain JDK 17 start is the
# baseline of the same go.
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
java25=${QNET_JAVA25:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -n 1)/bin/java}
lean=(-XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -Xss512k -XX:MaxMetaspaceSize=160m)
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

# Starts the service with a java and extra JVM options; prints "milliseconds-to-first-200 rss-MiB" and stops it.
start_once() {
  local s=$1 java_bin=$2; shift 2
  local port=${ports[$s]} begin pid ms rss
  begin=$(date +%s%N)
  env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/${s%-service}" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" QUARKUS_OIDC_AUTH_SERVER_URL="$keycloak_url" \
    QNET_WEBHOOKS_ALLOW_INSECURE_HTTP=true \
    QNET_CRYPTO_MASTER_KEY="$(cat "$state/secrets/master-key")" \
    QNET_AUDIT_CHAIN_KEY="$(cat "$state/secrets/audit-chain-key")" \
    QNET_WEB_CLIENT_SECRET=qnet-web-local-secret QNET_WEB_SECURE_COOKIES=false \
    QNET_SESSION_ENCRYPTION_SECRET="$(cat "$state/secrets/session-encryption-secret")" \
    QNET_STATISTICS_PSEUDONYM_KEY="$(cat "$state/secrets/statistics-pseudonym-key")" \
    "$java_bin" -Xmx256m -XX:TieredStopAtLevel=1 "$@" -jar "$root/$s/target/quarkus-app/quarkus-run.jar" > "$work/$s.log" 2>&1 &
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
  for mode in plain appcds jdk25 jdk25-aot jdk25-aot-lean; do
    opts=() java_bin=java
    case $mode in
      appcds)
        start_once "$s" java -XX:ArchiveClassesAtExit="$work/$s.jsa" >/dev/null   # the training start
        opts=(-XX:SharedArchiveFile="$work/$s.jsa") ;;
      jdk25) java_bin=$java25 ;;
      jdk25-aot)
        java_bin=$java25
        start_once "$s" "$java_bin" -XX:AOTCacheOutput="$work/$s.aot" >/dev/null   # the training start
        opts=(-XX:AOTCache="$work/$s.aot") ;;
      jdk25-aot-lean)
        java_bin=$java25
        start_once "$s" "$java_bin" "${lean[@]}" -XX:AOTCacheOutput="$work/$s-lean.aot" >/dev/null
        opts=("${lean[@]}" -XX:AOTCache="$work/$s-lean.aot") ;;
    esac
    times=() rsss=()
    for _ in $(seq 1 "$runs"); do
      read -r ms rss < <(start_once "$s" "$java_bin" "${opts[@]}")
      times+=("$ms"); rsss+=("$rss")
    done
    median_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    median_rss=$(printf '%s\n' "${rsss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "| $s | $mode | ${times[*]} | $median_ms | $median_rss |"
  done
done
"$root/qnet" up >/dev/null
