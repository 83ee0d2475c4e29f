#!/usr/bin/env bash
# Mutation testing with Stryker.NET: does the test suite fail when the code is wrong?
#
#   bash scripts/mutation.sh                 every package, one after the other, then a summary table
#   bash scripts/mutation.sh FaultLab.Load   one package (its folder name under src/)
#   bash scripts/mutation.sh FaultLab -- --mutate "**/Selection/**/*.cs" --break-at 85
#                                            extra Stryker options after "--"
#   MUTATION_TIME_LIMIT=1500 bash scripts/mutation.sh FaultLab -- --config-file stryker-ci.json
#                                            CI's gate: exits 3 with no score when the run takes longer
#
# Each package's src/<Package>/stryker-config.json names the package and every test project that runs its code.
# The score printed is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage).
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

packages=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do packages+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
if [ ${#packages[@]} -eq 0 ]; then
  for config in src/*/stryker-config.json; do packages+=("$(basename "$(dirname "$config")")"); done
fi

dotnet tool restore >/dev/null || { echo "mutation: dotnet tool restore failed" >&2; exit 2; }

summary=()
status=0
for package in "${packages[@]}"; do
  dir="src/$package"
  if [ ! -f "$dir/stryker-config.json" ]; then
    echo "mutation: $dir/stryker-config.json does not exist; packages: $(ls src/*/stryker-config.json | cut -d/ -f2 | tr '\n' ' ')" >&2
    exit 2
  fi
  output="$PWD/artifacts/mutation/$package"
  rm -rf "$output"
  started=$(date +%s)
  # MUTATION_TIME_LIMIT (seconds) bounds a run, for CI: past it the run is stopped, reported, and exits 3.
  limit=()
  [ -n "${MUTATION_TIME_LIMIT:-}" ] && limit=(timeout --kill-after=30 "$MUTATION_TIME_LIMIT")
  (cd "$dir" && "${limit[@]}" dotnet stryker --skip-version-check --output "$output" "$@")
  rc=$?
  seconds=$(( $(date +%s) - started ))
  if [ ${#limit[@]} -gt 0 ] && { [ $rc -eq 124 ] || [ $rc -eq 137 ]; }; then
    # Stryker's test hosts can outlive it when it is killed: stop those of this checkout (its vstest consoles end
    # by themselves, as they watch their parent process).
    pkill -f "$PWD/tests/.*/bin/" 2>/dev/null
    echo "mutation: $package stopped after $seconds s (MUTATION_TIME_LIMIT=$MUTATION_TIME_LIMIT); no score" >&2
    exit 3
  fi
  [ $rc -ne 0 ] && status=1
  report="$output/reports/mutation-report.json"
  if [ ! -f "$report" ]; then
    summary+=("$package: no report (Stryker failed; see its output above)")
    status=1
    continue
  fi
  summary+=("$(python3 scripts/mutation-score.py "$package" "$report" "$seconds")")
done

echo
stryker_version=$(python3 -c 'import json; print(json.load(open(".config/dotnet-tools.json"))["tools"]["dotnet-stryker"]["version"])')
echo "mutation scores ($(date -u +%Y-%m-%d), Stryker.NET $stryker_version):"
printf '  %s\n' "${summary[@]}"
exit $status
