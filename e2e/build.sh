#!/usr/bin/env bash
# Bundles the browser code with esbuild into the daemon's static resources (committed, so Maven
# never needs npm):
#   e2e/src/demo-app.js -> sfu-daemon/src/main/resources/static/app.js   (demo page, index.html)
#   e2e/src/e2e-page.js -> sfu-daemon/src/main/resources/static/e2e.js   (e2e test page, e2e.html)
# Run after changing anything under e2e/src:  bash e2e/build.sh   (npm ci first if node_modules is missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../sfu-daemon/src/main/resources/static"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
mkdir -p "$out"
common=(--bundle --format=iife --target=chrome111,firefox120,safari16 --platform=browser
        --legal-comments=eof --define:process.env.NODE_ENV='"production"' --log-level=warning)
npx --no-install esbuild src/demo-app.js "${common[@]}" --minify --outfile="$out/app.js"
npx --no-install esbuild src/e2e-page.js "${common[@]}" --outfile="$out/e2e.js"
ls -l "$out"
