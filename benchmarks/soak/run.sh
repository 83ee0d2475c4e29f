#!/usr/bin/env bash
# Soak: RATE calls/s for DURATION seconds through the standard resilience handler with 30 % injected 503s, against a trivial
# Kestrel endpoint in its own process on 127.0.0.1 (OS-chosen port). Prints thread-pool and memory samples over time.
# Knobs (environment): RATE=500 DURATION=60 BREAKER_RATIO= (empty: the shipped 0.1; 0.5 keeps the breaker closed)
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RATE=${RATE:-500}
DURATION=${DURATION:-60}
BREAKER_RATIO=${BREAKER_RATIO:-}

dotnet build -c Release -v q --nologo benchmarks/FaultLab.Benchmarks >/dev/null
source benchmarks/loopback-server.sh
start_loopback_server

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')  nproc: $(nproc)  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$(mktemp -d)"
dotnet "$OLDPWD/benchmarks/FaultLab.Benchmarks/bin/Release/net10.0/FaultLab.Benchmarks.dll" soak "$base/" "$RATE" "$DURATION" $BREAKER_RATIO
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
