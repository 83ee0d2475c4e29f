# Sourced by the benchmark scripts: builds and starts the trivial Kestrel endpoint of load-vs-wrk/Server on
# 127.0.0.1 (OS-chosen port), stops it on exit, and sets $base to its address (http://127.0.0.1:PORT).
start_loopback_server() {
  dotnet build -c Release -v q --nologo benchmarks/load-vs-wrk/Server >/dev/null
  server_log=$(mktemp)
  dotnet benchmarks/load-vs-wrk/Server/bin/Release/net10.0/LoadVsWrk.Server.dll >"$server_log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$server_log"' EXIT
  for _ in $(seq 1 60); do grep -q '^LISTENING ' "$server_log" && break; sleep 0.5; done
  base=$(sed -n 's/^LISTENING //p' "$server_log")
  case "$base" in http://127.0.0.1:*) ;; *) echo "$0: server did not start on loopback: $(cat "$server_log")" >&2; exit 1 ;; esac
}
