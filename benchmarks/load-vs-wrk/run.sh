#!/usr/bin/env bash
# FaultLab.Load's closed model against wrk and hey, same connections and duration, on a trivial Kestrel endpoint
# bound to 127.0.0.1 on an OS-chosen port; then the engine's arrival-rate accuracy and its peak memory.
# Knobs (environment): CONNECTIONS=64 DURATION=10 ROUNDS=2 RATE=5000 RATE_SECONDS=10 MEMORY_REQUESTS=1000000
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
RATE=${RATE:-5000}
RATE_SECONDS=${RATE_SECONDS:-10}
MEMORY_REQUESTS=${MEMORY_REQUESTS:-1000000}
THREADS=$(nproc)   # wrk's threads: one per core, the usual setting
[ "$THREADS" -gt "$CONNECTIONS" ] && THREADS=$CONNECTIONS

install_if_missing() { # both are Debian packages
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "run.sh: installing $1 (apt-get)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null) || true
  command -v "$1" >/dev/null 2>&1
}
install_if_missing wrk || { echo "run.sh: wrk is required and could not be installed" >&2; exit 1; }
HAVE_HEY=1
install_if_missing hey || { HAVE_HEY=0; echo "run.sh: hey is not available; skipping it"; }

echo "run.sh: building server and runner (Release)"
dotnet build -c Release -v q --nologo benchmarks/load-vs-wrk/Server >/dev/null
dotnet build -c Release -v q --nologo benchmarks/FaultLab.Benchmarks >/dev/null
SERVER_DLL=benchmarks/load-vs-wrk/Server/bin/Release/net10.0/LoadVsWrk.Server.dll
RUNNER=(dotnet benchmarks/FaultLab.Benchmarks/bin/Release/net10.0/FaultLab.Benchmarks.dll load)

log=$(mktemp)
dotnet "$SERVER_DLL" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 60); do grep -q '^LISTENING ' "$log" && break; sleep 0.5; done
base=$(sed -n 's/^LISTENING //p' "$log")
case "$base" in http://127.0.0.1:*) ;; *) echo "run.sh: server did not start on loopback: $(cat "$log")" >&2; exit 1 ;; esac
url="$base/"
# Warm the server (JIT, connection accept path) so round 1's first contender is not penalised.
wrk -t "$THREADS" -c "$CONNECTIONS" -d 2s "$url" >/dev/null

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')  nproc: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "closed model: $CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds, endpoint $url"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
sum_fl=0; sum_wrk=0; sum_hey=0; sum_naive=0
for round in $(seq 1 "$ROUNDS"); do
  wrk_rps=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" "$url" | awk '/^Requests\/sec:/ { print $2 }')
  hey_rps=0
  if [ "$HAVE_HEY" = 1 ]; then
    hey_rps=$(hey -c "$CONNECTIONS" -z "${DURATION}s" "$url" | awk '/Requests\/sec:/ { print $2 }')
  fi
  fl_line=$("${RUNNER[@]}" closed "$url" "$CONNECTIONS" "$DURATION" || true)
  fl_rps=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$fl_line")
  # Not a contender: the engine's step in a bare loop, to tell HttpClient's cost from the engine's.
  naive_rps=$("${RUNNER[@]}" naive "$url" "$CONNECTIONS" "$DURATION" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
  printf 'round %d: wrk %8.0f req/s | hey %8.0f req/s (%s x wrk) | FaultLab.Load %8.0f req/s (%s x wrk)  [%s]\n' \
    "$round" "$wrk_rps" "$hey_rps" "$(ratio "$hey_rps" "$wrk_rps")" "${fl_rps:-0}" "$(ratio "${fl_rps:-0}" "$wrk_rps")" "$fl_line"
  printf '         bare HttpClient loop, no engine: %8.0f req/s (%s x wrk; engine = %s x loop)\n' \
    "$naive_rps" "$(ratio "$naive_rps" "$wrk_rps")" "$(ratio "${fl_rps:-0}" "$naive_rps")"
  sum_naive=$(awk -v s="$sum_naive" -v x="$naive_rps" 'BEGIN { print s + x }')
  sum_wrk=$(awk -v s="$sum_wrk" -v x="$wrk_rps" 'BEGIN { print s + x }')
  sum_hey=$(awk -v s="$sum_hey" -v x="$hey_rps" 'BEGIN { print s + x }')
  sum_fl=$(awk -v s="$sum_fl" -v x="${fl_rps:-0}" 'BEGIN { print s + x }')
done
echo "mean over rounds: FaultLab.Load $(ratio "$sum_fl" "$sum_wrk") x wrk (target >= 0.8); hey $(ratio "$sum_hey" "$sum_wrk") x wrk;" \
  "bare HttpClient loop $(ratio "$sum_naive" "$sum_wrk") x wrk; engine $(ratio "$sum_fl" "$sum_naive") x bare loop"

echo "arrival rate: target $RATE/s for ${RATE_SECONDS}s (open model)"
"${RUNNER[@]}" rate "$url" "$RATE" "$RATE_SECONDS" || true

echo "memory: $MEMORY_REQUESTS requests, $CONNECTIONS connections (closed model)"
"${RUNNER[@]}" memory "$url" "$CONNECTIONS" "$MEMORY_REQUESTS" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
