#!/usr/bin/env bash
# Runs every test of the project: the Jenkins API stubs' fidelity check, then the Maven build (core, server,
# the plugin's offline build) with real H2, real PostgreSQL (binaries from Maven Central) and real HTTP.
# Exits non-zero on any failure. The plugin's JenkinsRule tests (*ITest) need -Pjenkins and repo.jenkins-ci.org.
set -euo pipefail
cd "$(dirname "$0")/.."
../shared/tools/jenkins-fidelity/check
mvn -B verify
