#!/usr/bin/env bash
# Times the statistics' suppression (lines, then the linear-program audit) on national-sized cubes.
# Needs a built statistics-service (./mvnw install -DskipTests -pl statistics-service -am).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
math=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/org/apache/commons/commons-math3/3.6.1" -name 'commons-math3-3.6.1.jar' | head -n 1)
echo "machine: $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -n 1)"
java -cp "$root/statistics-service/target/classes:$math" "$root/bench/statistics/SuppressionTiming.java"
