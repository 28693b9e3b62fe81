#!/usr/bin/env bash
# The kill -9 soak (docs/reliability.md): the real server process on a fresh store, writers sending batches of
# deployments over HTTP, the server killed with SIGKILL at random moments and restarted on the same store,
# unacknowledged batches re-sent; prints the figures and exits 1 if an acknowledged event was lost or stored twice.
# Usage: scripts/soak.sh [h2|postgres ...] [-- KILLS WRITERS BATCH_SIZE [SEED]]   (default: h2 postgres -- 20 4 100)
set -euo pipefail
cd "$(dirname "$0")/.."
stores=()
while [[ $# -gt 0 && "$1" != "--" ]]; do stores+=("$1"); shift; done
[[ $# -gt 0 ]] && shift
params=("${@:-20 4 100}")
[[ ${#stores[@]} -eq 0 ]] && stores=(h2 postgres)
mvn -B -q -o -pl server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/soak.classpath
cp="server/target/test-classes:server/target/classes:$(cat server/target/soak.classpath)"
status=0
for store in "${stores[@]}"; do
  # shellcheck disable=SC2086
  java -cp "$cp" io.devopskpi.server.KillSoak "$store" ${params[*]} || status=1
done
exit $status
