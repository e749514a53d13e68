#!/usr/bin/env bash
# Referral intake with encryption, outbox and audit on, against a baseline measured in the same go:
# the same endpoint with a body that fails validation (JWT check, rate limit, JSON parsing and the
# problem response, but no encryption and no database write).
#
# Start the suite with the per-client limit out of the way, then run this:
#   QNET_REFERRALS_INTAKE_PER_MINUTE=100000000 QNET_API_CALLS_PER_MINUTE=100000000 ./qnet up
#   bench/referral-intake.sh [warmup-seconds] [seconds] [connections]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
warmup=${1:-60}
seconds=${2:-30}
connections=${3:-8}
url=${QNET_REFERRAL_URL:-http://127.0.0.1:8081}/api/v1/referrals
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sed "s/MOVE_OUT/$(date -d '+14 days' +%F)/" "$root/bench/referral.json" > "$work/referral.json"
echo '{}' > "$work/invalid.json"
export BENCH_TOKEN=$("$root/qnet" token shelter-odense)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -n 1)"
echo "warm-up: ${warmup}s of full intake"
"$root/bench/intake.sh" "$url" "$work/referral.json" "$warmup" "$connections" >/dev/null
id=$(curl -s -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' -d @"$work/referral.json" "$url" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
for round in 1 2; do
  echo "round $round baseline (POST 400, nothing written): $("$root/bench/intake.sh" "$url" "$work/invalid.json" "$seconds" "$connections")"
  echo "round $round intake   (POST 201, sealed, outbox): $("$root/bench/intake.sh" "$url" "$work/referral.json" "$seconds" "$connections")"
  echo "round $round read     (GET 200, decrypted, audited): $("$root/bench/intake.sh" "$url/$id" - "$seconds" "$connections")"
done
