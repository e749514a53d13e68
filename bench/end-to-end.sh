#!/usr/bin/env bash
# End-to-end latency: from a referral's intake (the event's time, just before the 201) to the
# consumer's transaction in matching-service and in statistics-service, at steady rates; and
# Kafka's own EndToEndLatency tool (produce one record, consume it, acks=all) in the same go, as
# the floor that the broker alone sets.
#
#   QNET_REFERRALS_INTAKE_PER_MINUTE=100000000 QNET_API_CALLS_PER_MINUTE=100000000 ./qnet up
#   bench/end-to-end.sh [seconds per rate, default 60] [rates, default "50 200"] [warm-up seconds, default 120]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
rates=${2:-50 200}
warmup=${3:-120}
state=${QNET_HOME:-$root/.qnet}
port=${QNET_PG_PORT:-55432}
bootstrap=127.0.0.1:${QNET_KAFKA_PORT:-59092}
url=${QNET_REFERRAL_URL:-http://127.0.0.1:8081}/api/v1/referrals
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PGPASSWORD
PGPASSWORD=$(cat "$state/postgres.superuser-password")
q() { psql -At -h 127.0.0.1 -p "$port" -U postgres -d "$1" -c "$2"; }

# Kafka's tool, from Maven Central, at the broker's version.
kafka_version=$(ls "$root"/deploy/local-stack/target/lib/kafka-clients-*.jar | sed 's/.*kafka-clients-\(.*\)\.jar/\1/')
"$root/mvnw" -q -B --no-transfer-progress dependency:copy -Dartifact="org.apache.kafka:kafka-tools:$kafka_version" -DoutputDirectory="$work" >/dev/null
tools_cp="$work/kafka-tools-$kafka_version.jar:$root/deploy/local-stack/target/lib/*"

sed "s/MOVE_OUT/$(date -d '+14 days' +%F)/" "$root/bench/referral.json" > "$work/referral.json"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -n 1)"
export BENCH_TOKEN
# Percentiles of a column of milliseconds: p50 p99 max count.
pct() { sort -n | awk '{a[NR]=$1} END { if (NR == 0) { print "none"; exit } printf "p50=%.1f p99=%.1f max=%.1f n=%d", a[int(NR*0.5)+(NR*0.5>int(NR*0.5))], a[int(NR*0.99)+(NR*0.99>int(NR*0.99))], a[NR], NR }'; }

BENCH_TOKEN=$("$root/qnet" token shelter-odense)
echo "warm-up: ${warmup}s of full intake"
"$root/bench/intake.sh" "$url" "$work/referral.json" "$warmup" 4 >/dev/null
for rate in $rates; do
  # wrk waits the delay after each answer, so a connection's pace is delay + latency: a short
  # paced trial measures the latency, and the delay makes up the rest.
  connections=8
  BENCH_TOKEN=$("$root/qnet" token shelter-odense)
  trial=$(BENCH_DELAY_MS=$(( 1000 * connections / rate )) "$root/bench/intake.sh" "$url" "$work/referral.json" 5 "$connections")
  p50=$(sed -n 's/.*p50_ms=\([0-9]*\).*/\1/p' <<<"$trial")
  delay=$(( 1000 * connections / rate - p50 ))
  [ "$delay" -gt 0 ] || delay=0
  since=$(q referral "select extract(epoch from now()) * 1000")
  result=$(BENCH_DELAY_MS=$delay "$root/bench/intake.sh" "$url" "$work/referral.json" "$seconds" "$connections")
  # Let both consumers drain, then pair each event with its consumption.
  sleep 10
  q referral "select event_id, extract(epoch from occurred_at) * 1000 from outbox_event
              where event_type = 'ReferralReceived' and occurred_at >= to_timestamp($since / 1000)" | sort > "$work/sent"
  for consumer in matching-service statistics-service; do
    q "${consumer%-service}" "select event_id, extract(epoch from received_at) * 1000 from inbox_event
              where consumer = '$consumer.referrals' and received_at >= to_timestamp($since / 1000)" | sort > "$work/got"
    lat=$(join -t '|' "$work/sent" "$work/got" | awk -F'|' '{print $3 - $2}' | pct)
    echo "rate $rate/s (wrk: $result) -> $consumer: $lat"
  done
done
for size in 1000; do
  echo "kafka EndToEndLatency, 2000 records of $size bytes, acks=all:"
  java -cp "$tools_cp" org.apache.kafka.tools.EndToEndLatency "$bootstrap" bench.e2e 2000 all "$size" 2>&1 | grep -E 'latency|Percentiles'
done
