#!/usr/bin/env bash
# Three agent processes of one schedule against one process at the same total rate, on a trivial Kestrel endpoint
# bound to 127.0.0.1 (OS-chosen port), in rotation: single, agents, single, agents... The agents are merged with
# `faultlab report merge`; `compare` prints counts, p50/p99 and the per-second timelines side by side.
# Knobs (environment): RATE=1500 DURATION=20 ROUNDS=2 AGENTS=3 OUT=/tmp/faultlab-load-agents
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

RATE=${RATE:-1500}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-2}
AGENTS=${AGENTS:-3}
OUT=${OUT:-/tmp/faultlab-load-agents}
rm -rf "$OUT" && mkdir -p "$OUT"

echo "run.sh: building server, runner and CLI (Release)"
dotnet build -c Release -v q --nologo benchmarks/FaultLab.Benchmarks >/dev/null
dotnet build -c Release -v q --nologo src/FaultLab.Cli >/dev/null
RUNNER=(dotnet benchmarks/FaultLab.Benchmarks/bin/Release/net10.0/FaultLab.Benchmarks.dll)
FAULTLAB=(dotnet src/FaultLab.Cli/bin/Release/net10.0/FaultLab.Cli.dll)

source benchmarks/loopback-server.sh
start_loopback_server
url="$base/"

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')  nproc: $(nproc)  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "schedule: Inject($RATE/s, ${DURATION} s) after a 2 s warm-up; $AGENTS agents at $RATE/$AGENTS each vs one process at $RATE"
runs=()
for round in $(seq 1 "$ROUNDS"); do
  "${RUNNER[@]}" agent "$url" "$RATE" "$DURATION" "$OUT/single-$round"
  runs+=("$OUT/single-$round/load-report.json")

  # Far enough ahead for every process to start, JIT and warm up (2 s) before the common instant.
  start=$(date -u -d '+8 seconds' '+%Y-%m-%dT%H:%M:%SZ')
  pids=()
  for i in $(seq 0 $((AGENTS - 1))); do
    FAULTLAB_AGENT_INDEX=$i FAULTLAB_AGENT_COUNT=$AGENTS FAULTLAB_AGENT_START_AT=$start \
      "${RUNNER[@]}" agent "$url" "$RATE" "$DURATION" "$OUT/agents-$round" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  "${FAULTLAB[@]}" report merge "$OUT/agents-$round"/load-report.agent-*-of-"$AGENTS".json -o "$OUT/merged-$round" | sed 's/^/  merge: /'
  runs+=("$OUT/merged-$round/merged-report.json")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
"${RUNNER[@]}" compare "${runs[@]}"
