#!/usr/bin/env bash
# Starts the standalone server, building it first when the jar is missing or older than the sources.
# Arguments are passed on, e.g.: scripts/serve.sh --port 9090 --data /var/lib/devops-kpi
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/devops-kpi-server.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml core/pom.xml web/pom.xml server/pom.xml dashboard/src/main core/src/main web/src/main server/src/main -newer "$jar" -print -quit)" ]]; then
  mvn -B -q -DskipTests package
fi
exec java -jar "$jar" "$@"
