#!/usr/bin/env bash
# Benchmark dateline on Reuters-21578 from ../shared (or $DATELINE_SHARED), side by side with
# ripgrep. Installs ripgrep from Debian when it is missing. Prints figures for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v rg >/dev/null; then
  echo "installing ripgrep (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq ripgrep; else sudo apt-get install -y ripgrep; fi
fi
cargo bench --bench reuters "$@"
