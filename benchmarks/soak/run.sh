#!/usr/bin/env bash
# Soak: RATE calls/s for SECONDS through the standard resilience handler with 30 % injected 503s, against a trivial
# Kestrel endpoint in its own process on 127.0.0.1 (OS-chosen port). Prints thread-pool and memory samples over time.
# Knobs (environment): RATE=500 DURATION=60 BREAKER_RATIO= (empty: the shipped 0.1; 0.5 keeps the breaker closed)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RATE=${RATE:-500}
DURATION=${DURATION:-60}
BREAKER_RATIO=${BREAKER_RATIO:-}

dotnet build -c Release -v q --nologo benchmarks/load-vs-wrk/Server >/dev/null
dotnet build -c Release -v q --nologo benchmarks/FaultLab.Benchmarks >/dev/null
log=$(mktemp)
dotnet benchmarks/load-vs-wrk/Server/bin/Release/net10.0/LoadVsWrk.Server.dll >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 60); do grep -q '^LISTENING ' "$log" && break; sleep 0.5; done
base=$(sed -n 's/^LISTENING //p' "$log")
case "$base" in http://127.0.0.1:*) ;; *) echo "soak: server did not start on loopback: $(cat "$log")" >&2; exit 1 ;; esac

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')  nproc: $(nproc)  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$(mktemp -d)"
dotnet "$OLDPWD/benchmarks/FaultLab.Benchmarks/bin/Release/net10.0/FaultLab.Benchmarks.dll" soak "$base/" "$RATE" "$DURATION" $BREAKER_RATIO
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
