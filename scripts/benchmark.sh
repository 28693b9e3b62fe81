#!/usr/bin/env bash
# Ingestion throughput and KPI latency on an embedded H2 file and on PostgreSQL (docs/performance.md).
# Usage: scripts/benchmark.sh [applications] [days] [h2|postgres ...]   (default: 200 365 h2 postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
args="${*:-200 365 h2 postgres}"
mvn -B -q -pl core test-compile exec:java -Dexec.mainClass=io.devopskpi.core.bench.KpiBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false -Dexec.args="$args"
