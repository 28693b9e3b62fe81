#!/usr/bin/env bash
# The event mutation fuzzer (docs/reliability.md) against fresh in-process servers (rounds of 10,000 cases, each on
# a new in-memory H2 store, no rate limit): seeded random mutations of api.md's example events; prints the figures
# and exits 1 on a 5xx, a 4xx naming no field, a refusal that changed anything stored (whole store compared), or an
# accepted payload the contract forbids.
# Usage: scripts/fuzz.sh [CASES [SEED]]   (default: 100000 cases, a new seed each run; the seed is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/soak.classpath
cp="server/target/test-classes:server/target/classes:$(cat server/target/soak.classpath)"
exec java -cp "$cp" io.devopskpi.server.EventFuzzer "${1:-100000}" ${2:+"$2"}
