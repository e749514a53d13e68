#!/usr/bin/env bash
# Referral intake against the physical limit of the same database, measured in the same go:
# pgbench runs a script that makes, in one transaction, the rows one referral costs (the
# referral, its sealed personal data, its first status, its outbox event), with prepared
# statements, into a scratch database built from the real migrations. The ratio is our
# intake's throughput over pgbench's, at the same number of connections.
#
# Start the suite with the per-client limit out of the way, then run this:
#   QNET_REFERRALS_INTAKE_PER_MINUTE=100000000 QNET_API_CALLS_PER_MINUTE=100000000 ./qnet up
#   bench/intake-vs-pgbench.sh [warmup-seconds, default 240] [seconds, default 30] [connections, default 8]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
warmup=${1:-240}
seconds=${2:-30}
connections=${3:-8}
state=${QNET_HOME:-$root/.qnet}
port=${QNET_PG_PORT:-55432}
url=${QNET_REFERRAL_URL:-http://127.0.0.1:8081}/api/v1/referrals
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export PGPASSWORD
PGPASSWORD=$(cat "$state/postgres.superuser-password")
psql_as_postgres() { psql -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }

# The scratch database: the referral-service schema from its own migrations.
psql_as_postgres -d postgres -c 'drop database if exists intake_limit' -c 'create database intake_limit'
for f in "$root"/platform/src/main/resources/db/platform/V*.sql "$root"/referral-service/src/main/resources/db/migration/V*.sql; do
  psql_as_postgres -d intake_limit -f "$f" >/dev/null
done

# One referral's rows, sized like the real ones (about 1.5 kB sealed, 600 bytes of event).
cat > "$work/referral.sql" <<'EOF'
\set n random(1, 1000000000)
BEGIN;
INSERT INTO referral (id, status, municipality_code, network_id, unrouted, sender_type, sender_org_id, expected_move_out,
  children, matching, consent_scopes, consent_given_at, consent_method, consent_recorded_by, shared_with_municipality,
  received_at, updated_at, version)
VALUES (md5(:n::text || clock_timestamp()::text)::uuid, 'RECEIVED', '0461', 'net-odense', false, 'SHELTER', 'shelter-odense',
  current_date + 14, '[{"birthYear":2020}]', '{"languages":["da"],"needs":["NETWORK"],"availability":[{"day":"MONDAY","period":"EVENING"}]}',
  '["QNET_CONTACT","STATISTICS"]', now(), 'VERBAL', 'bench', false, now(), now(), 0)
RETURNING id \gset
INSERT INTO referral_secret (referral_id, master_key_id, wrapped_key, personal_data)
VALUES (:id, 'local-1', decode(repeat('ab', 60), 'hex'), decode(repeat('cd', 700), 'hex'));
INSERT INTO referral_status_change (referral_id, status, changed_at, changed_by) VALUES (:id, 'RECEIVED', now(), 'shelter');
INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, schema_version, occurred_at, payload)
VALUES (md5(:id || 'e')::uuid, 'qnet.referrals.v1', :id, 'ReferralReceived', 1, now(), repeat('x', 600));
COMMIT;
EOF

sed "s/MOVE_OUT/$(date -d '+14 days' +%F)/" "$root/bench/referral.json" > "$work/referral.json"
export BENCH_TOKEN
BENCH_TOKEN=$("$root/qnet" token shelter-odense)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -n 1), $(pgbench --version)"
echo "warm-up: ${warmup}s of full intake"
"$root/bench/intake.sh" "$url" "$work/referral.json" "$warmup" "$connections" >/dev/null
pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c "$connections" -j 2 -T 10 -f "$work/referral.sql" intake_limit >/dev/null
for round in 1 2; do
  BENCH_TOKEN=$("$root/qnet" token shelter-odense)
  intake=$("$root/bench/intake.sh" "$url" "$work/referral.json" "$seconds" "$connections")
  limit=$(pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c "$connections" -j 2 -T "$seconds" -f "$work/referral.sql" intake_limit \
    | awk '/^tps/ {print $3}')
  rps=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$intake")
  echo "round $round intake  (POST 201, sealed, outbox): $intake"
  echo "round $round pgbench (the same rows, one transaction): tps=$limit"
  echo "round $round ratio intake/pgbench: $(awk -v a="$rps" -v b="$limit" 'BEGIN { printf "%.2f", a / b }')"
done
psql_as_postgres -d postgres -c 'drop database intake_limit'
