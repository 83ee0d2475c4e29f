#!/usr/bin/env bash
# Proves README's main command and the packaged tool work from a clean clone (run by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"

echo "smoke: README's main command (the embedded demo)"
dotnet run --project src/FaultLab.Cli -- demo --report "$work/report" | tee "$work/demo.txt"
grep -q '| resilient (standard + fallback + token refresh) |' "$work/demo.txt"
test -s "$work/report/faultlab-demo.html"

if command -v chromium >/dev/null 2>&1; then
  echo "smoke: rendering the HTML report headless"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/chromium" --window-size=1300,2400 \
    --screenshot="$work/report.png" "file://$work/report/faultlab-demo.html" >/dev/null 2>&1 || true
  test -s "$work/report.png" && echo "smoke: report screenshot $(stat -c %s "$work/report.png") bytes"
fi

echo "smoke: dotnet tool install from a local pack"
dotnet pack src/FaultLab.Cli -c Release -o "$work/nupkg" >/dev/null
dotnet tool install --tool-path "$work/tools" --add-source "$work/nupkg" FaultLab.Cli >/dev/null
"$work/tools/faultlab" validate examples/outage-with-fallback.json
"$work/tools/faultlab" --help >/dev/null
echo "smoke: ok"
