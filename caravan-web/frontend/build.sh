#!/bin/sh
# Builds the web app into the folder given as $1 (default ../target/classes/web) with the machine's own npm:
# `npm ci` when node_modules is missing or older than package-lock.json, then `npm run build` (esbuild).
# Run by the Maven build (exec-maven-plugin, phase generate-resources).
set -eu
cd "$(dirname "$0")"
out="${1:-../target/classes/web}"
if ! command -v npm >/dev/null 2>&1; then
  echo "caravan-web: npm is not installed; install Node.js 20+ or build with -Dcaravan.web.skipNpm=true" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
CARAVAN_WEB_OUT="$out" npm run --silent build
