#!/usr/bin/env bash
# Times the statistics' suppression (lines, then the linear-program audit) on national-sized cubes.
# Needs a built statistics-service (./mvnw install -DskipTests -pl statistics-service -am).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
classpath=$(cd "$root" && ./mvnw -q dependency:build-classpath -pl statistics-service -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout)
echo "machine: $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -n 1)"
java -cp "$root/statistics-service/target/classes:$classpath" "$root/bench/statistics/SuppressionTiming.java"
