#!/usr/bin/env bash
# Screenshots of the dashboard over the demo data, for docs/dashboard.md: starts the server with --demo on a fresh
# data folder, photographs the overview, an application page, a team page and an empty state with headless
# chromium (1400 px wide), then stops the server.
#   scripts/dashboard-screenshots.sh [JAR] [OUT_DIR]   (defaults: server/target/devops-kpi-server.jar, docs/images)
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${1:-server/target/devops-kpi-server.jar}"
out="${2:-docs/images}"
port="${DASHBOARD_PORT:-8791}"
[ -f "$jar" ] || mvn -B -q package -DskipTests
command -v chromium >/dev/null || { echo "needs chromium: apt-get install -y chromium" >&2; exit 1; }
mkdir -p "$out"
data="$(mktemp -d)"
profile="$(mktemp -d)"
java -jar "$jar" --demo --port "$port" --data "$data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data" "$profile"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  sleep 0.5
done
shot() { # name path height
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$profile" --window-size="1400,$3" --virtual-time-budget=15000 \
    --screenshot="$out/$1.png" "http://127.0.0.1:$port$2" >/dev/null 2>&1
  echo "$out/$1.png"
}
shot dashboard-overview "/?window=P90D" 2150
shot dashboard-application "/applications/checkout?window=P90D" 2500
shot dashboard-team "/teams/storefront?window=P90D" 1900
shot dashboard-empty "/applications/shop?environment=qa" 1000
