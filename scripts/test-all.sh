#!/usr/bin/env bash
# Runs every test of the project: the Jenkins API stubs' fidelity check, then the Maven build (core, web, server, the
# plugin's offline build) with real H2, real PostgreSQL (binaries from Maven Central), real HTTP and the dashboard
# in a real browser (Debian's chromium and chromium-driver, installed here when missing: CI starts from a fresh
# machine as root), and the Prometheus scrape checked by promtool (Debian's prometheus package, installed likewise).
# Exits non-zero on any failure. The plugin's JenkinsRule tests (*ITest) need -Pjenkins and repo.jenkins-ci.org, so
# they do not run here. The browser tests that chart with ECharts 6.0.0 (what the
# echarts-api plugin ships) fetch it themselves with the machine's npm (npm pack) once per machine, integrity-checked,
# into ~/.cache/devops-kpi (server/src/test/.../dashboard/EChartsSix.java); without it they fail.
set -euo pipefail
cd "$(dirname "$0")/.."
../shared/tools/jenkins-fidelity/check
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-all: the dashboard tests need chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium chromium-driver
fi
if [ ! -x /usr/bin/promtool ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-all: the Prometheus test needs promtool: sudo apt-get install -y --no-install-recommends prometheus" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends prometheus
fi
mvn -B verify
