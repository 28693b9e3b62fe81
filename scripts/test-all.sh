#!/usr/bin/env bash
# Runs every test of the project: the Maven build (core, server) with real H2, real PostgreSQL
# (binaries from Maven Central) and real HTTP. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify
