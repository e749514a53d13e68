#!/usr/bin/env bash
# The matching simulation (FIFO-greedy vs the engine in daily batches vs a hindsight bound, over
# a simulated year) and the engine's time on national batches. Prints Markdown for BENCHMARKS.md.
#   bench/simulate.sh                  # 5 seeds, then 1,000 / 5,000 / 10,000 national batches
#   bench/simulate.sh --seeds 2 --no-national
#   bench/simulate.sh --national-only
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B --no-transfer-progress -pl bench/simulation -am install -DskipTests
MAVEN_OPTS="${MAVEN_OPTS:--Xmx3g}" ./mvnw -q -B --no-transfer-progress -pl bench/simulation exec:java -Dexec.args="$*"
