#!/usr/bin/env bash
# The scale benchmark (docs/performance.md, "Scale"): the real server process on a fresh store, the scale issue's
# data shape (500 applications over two years, 20 suppliers, 3 changes per deployment, ~5 % incidents) ingested over
# HTTP, then every governance read timed against an in-memory loop over the same data; prints a Markdown table.
# Usage: scripts/scale-benchmark.sh [DEPLOYMENTS ...] [-- h2|postgres [RUNS] [SEED]]
#   e.g. scripts/scale-benchmark.sh 10k 100k 1M -- h2 5       (default: 10k -- h2 5)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=()
while [[ $# -gt 0 && "$1" != "--" ]]; do sizes+=("$1"); shift; done
[[ $# -gt 0 ]] && shift
[[ ${#sizes[@]} -eq 0 ]] && sizes=(10k)
rest=("${@:-h2 5}")
mvn -B -q -o -pl server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/scale.classpath
cp="server/target/test-classes:server/target/classes:$(cat server/target/scale.classpath)"
for size in "${sizes[@]}"; do
  # shellcheck disable=SC2086
  java -Xmx2g -cp "$cp" io.devopskpi.server.ScaleBenchmark "$size" ${rest[*]}
done
