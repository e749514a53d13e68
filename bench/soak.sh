#!/usr/bin/env bash
# The soak (issue 21, item 9; never in CI): COUNT referrals at RATE a second through the whole suite
# from ./qnet, with the broker killed -9 twice, matching-service (a consumer, mid-batch) killed -9,
# referral-service killed -9 under load and PostgreSQL killed -9 and started again, each restarted
# with ./qnet up. Then the ledger: every acknowledged id exactly once in referral-, matching- and
# statistics-service, nothing without a 201, statistics' receipts equal to its women, and no record
# in any dead-letter topic. It is system-tests' FaultsAndAttacksTest LedgerUnderFaults#soak, with
# the suite the system tests start (their own ports and state); see its LEDGER and SOAK lines.
#
#   bench/soak.sh [count, default 100000] [rate per second, default 80]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-100000}
rate=${2:-80}
cd "$root"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -n 1)"
echo "soak: $count referrals at $rate a second, five faults"
./mvnw -q install -DskipTests
./mvnw -pl system-tests test -Dtest='FaultsAndAttacksTest$LedgerUnderFaults#soak' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dqnet.soak="$count" -Dqnet.ledger.rate="$rate" 2>&1 | tee "${TMPDIR:-/tmp}/qnet-soak.log" | grep -E '^(LEDGER|SOAK)|Tests run:|FAIL'
