#!/usr/bin/env bash
# The plugin's share of the production code: non-blank, non-comment lines of plugin/src/main/java divided by
# those of core, server and plugin together (Java only; tests, resources and the offline build's Messages left out).
# The architecture keeps the plugin thin glue over core, so this should stay under 15 %.
set -euo pipefail
cd "$(dirname "$0")/.."
code_lines() {
  find "$@" -name '*.java' -print0 | xargs -0 cat | awk '
    /^[[:space:]]*$/ { next }
    in_comment { if ($0 ~ /\*\//) in_comment = 0; next }
    /^[[:space:]]*\/\// { next }
    /^[[:space:]]*\/\*/ { if ($0 !~ /\*\//) in_comment = 1; next }
    { n++ }
    END { print n + 0 }'
}
plugin=$(code_lines plugin/src/main/java)
core=$(code_lines core/src/main/java)
server=$(code_lines server/src/main/java)
total=$((plugin + core + server))
awk -v p="$plugin" -v c="$core" -v s="$server" -v t="$total" 'BEGIN {
  printf "plugin %d, core %d, server %d lines of code: the plugin is %.1f %% of %d\n", p, c, s, 100 * p / t, t }'
