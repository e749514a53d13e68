#!/usr/bin/env bash
# Drives a create endpoint with wrk and prints one RESULT line: throughput and latency percentiles.
# Generic: any URL, token and JSON body, so another application's intake can be measured the same way.
#
#   bench/intake.sh URL BODY_FILE|- [seconds] [connections] [threads]     (- sends GETs)
#   BENCH_TOKEN=... bench/intake.sh http://127.0.0.1:8081/api/v1/referrals bench/referral.json 30 8 2
#   BENCH_DELAY_MS=80 ... paces each connection (a wait before each request) for a steady rate
set -euo pipefail
url=${1:?url}
body=${2:?body file}
seconds=${3:-30}
connections=${4:-8}
threads=${5:-2}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
[ "$body" = - ] && body_path= || body_path=$(cd "$(dirname "$body")" && pwd)/$(basename "$body")
BENCH_BODY=$body_path BENCH_TOKEN=${BENCH_TOKEN:-} BENCH_DELAY_MS=${BENCH_DELAY_MS:-} \
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/post.lua" "$url" | grep '^RESULT' | tee "${TMPDIR:-/tmp}/intake-result.$$"
# A rate of refusals (an expired token: 401, the limit: 429) is not intake's rate: say so loudly.
bad=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' "${TMPDIR:-/tmp}/intake-result.$$"); rm -f "${TMPDIR:-/tmp}/intake-result.$$"
[ "${bad:-0}" = 0 ] || echo "WARNING: $bad answers were not 2xx; this rate is not the intake's" >&2
