#!/usr/bin/env bash
# Slow clients at scale (docs/reliability.md): the server as a child process on a fresh store, CLIENTS clients that
# send request headers one byte at a time and never finish, health probed while they are held, then the time until
# the header timeout has cut them all off. Prints the figures; exits 1 when a probe failed or a client was never cut off.
# Usage: scripts/slow-clients.sh [CLIENTS [MAX_CONNECTIONS]]   (default: 5000 clients, the server's default limits)
# Each client is a socket in this JVM and one in the server's: keep CLIENTS below `ulimit -n` minus a few hundred.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/soak.classpath
cp="server/target/test-classes:server/target/classes:$(cat server/target/soak.classpath)"
exec java -cp "$cp" io.devopskpi.server.SlowClients "${1:-5000}" ${2:+"$2"}
