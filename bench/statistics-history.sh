#!/usr/bin/env bash
# The dashboard's API calls against a short and a long history: the p99 must stay flat as the
# history grows, because every question reads one year's pre-aggregated rows.
#
#   ./qnet reset && QNET_API_CALLS_PER_MINUTE=100000000 ./qnet up   # a fresh suite, the per-caller limit out of the way
#   bench/statistics-history.sh 10000 1000000 [seconds per call, default 30]
#   bench/statistics-history.sh measure "<label>" [seconds per call]   # only measure what is there
#
# Feeds the first count of synthetic events (10 years, 2016-2025) through Kafka, waits until
# statistics-service has consumed them, measures each call with wrk; then feeds events up to
# the second count and measures again. Prints Markdown for BENCHMARKS.md.
#
# Each call is measured twice: as the dashboard meets it (figures kept until an event changes
# them), and computed afresh from the aggregates on every call (Cache-Control: no-cache, which
# the service honours for analysts), the cost of the first call after a change.
#
# The other three services are stopped first: matching-service's automatic runs over the
# synthetic women would take the CPU. ./qnet down stops the rest afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=feed
if [ "${1:-}" = measure ]; then MODE=measure; LABEL=${2:?a label for the history}; shift 2; set -- 0 0 "${1:-30}"; fi
SMALL=${1:-10000}
LARGE=${2:-1000000}
SECONDS_PER_CALL=${3:-30}
BASE=${QNET_STATISTICS_URL:-http://127.0.0.1:8084}
BOOTSTRAP=${QNET_KAFKA_BOOTSTRAP:-127.0.0.1:59092}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

[ "$MODE" = feed ] && ./mvnw -q -B --no-transfer-progress -pl bench/simulation -am install -DskipTests
feed() {
  ./mvnw -q -B --no-transfer-progress -pl bench/simulation exec:java -Dbench.main=dk.qnet.bench.simulation.StatisticsHistory \
    -Dexec.args="--bootstrap $BOOTSTRAP --events $1 --seed $2"
}
for s in referral-service matching-service activity-service; do
  if [ -f ".qnet/pids/$s.pid" ]; then kill "$(cat ".qnet/pids/$s.pid")" 2>/dev/null || true; fi
done
CALLS=(
  "headline, country|$BASE/api/v1/statistics/headline?year=2024"
  "headline, region|$BASE/api/v1/statistics/headline?year=2024&region=1083"
  "kpis, network and quarter (analyst)|$BASE/api/v1/statistics/kpis?year=2024&quarter=2&network=net-odense"
  "breakdown by network (analyst)|$BASE/api/v1/statistics/breakdown?kpi=womenReached&by=network&year=2024"
)
measure() {
  local label=$1
  # A fresh token for each history: an access token lives 15 minutes, a feed longer.
  TOKEN=$(./qnet token analyst)
  for mode in kept fresh; do
    local cache=(); [ "$mode" = fresh ] && cache=(-H "Cache-Control: no-cache")
    for call in "${CALLS[@]}"; do
      local name=${call%%|*} url=${call#*|}
      curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "${cache[@]}" "$url" || { echo "call failed: $url" >&2; exit 1; }
      wrk -t2 -c4 -d10s -H "Authorization: Bearer $TOKEN" "${cache[@]}" "$url" >/dev/null   # warm-up
      local out; out=$(wrk -t2 -c4 -d"${SECONDS_PER_CALL}s" --latency -H "Authorization: Bearer $TOKEN" "${cache[@]}" "$url")
      local rps p50 p99 errors
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      p50=$(awk '$1=="50%" {print $2}' <<<"$out")
      p99=$(awk '$1=="99%" {print $2}' <<<"$out")
      errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
      echo "| $label | $mode | $name | $rps | $p50 | $p99 | ${errors:-0} |"
    done
  done
}

if [ "$MODE" = measure ]; then
  echo "| history | figures | call | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|---|---|"
  measure "$LABEL"
  exit 0
fi
echo "## feeding $SMALL events"
feed "$SMALL" 1
echo "| history | figures | call | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|"
measure "$SMALL events"
echo "## feeding $((LARGE - SMALL)) more events"
feed "$((LARGE - SMALL))" 2
echo "| history | figures | call | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|---|"
measure "$LARGE events"
