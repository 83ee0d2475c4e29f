#!/usr/bin/env bash
# Packs every package (Release, warnings are errors) and inspects each .nupkg/.snupkg as a consumer would see it:
# one version for all, MIT licence expression, repository URL and commit, a README inside, SourceLink in the symbols.
# Run by .ci/run; prints one line per problem and "packages: N checked, N problems".
set -uo pipefail
cd "$(dirname "$0")/.."
# Every project under src/ is a package; a new one is checked without editing this script.
mapfile -t expected < <(ls src/*/*.csproj | xargs -n1 basename | sed 's/\.csproj$//' | sort)
out="$(mktemp -d)"
problems=0
problem() { echo "check-packages: $1" >&2; problems=$((problems + 1)); }

if ! command -v unzip >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null) || { echo "check-packages: unzip missing" >&2; exit 1; }
fi

# Each package project on its own: packing the solution would also ask the (unpackable) samples and tests.
for project in src/*/*.csproj; do
  if ! dotnet pack "$project" -c Release -o "$out" -warnaserror -nologo >>"$out/pack.log" 2>&1; then
    grep -E "warning|error" "$out/pack.log" | sort -u >&2
    problem "$(basename "$project" .csproj): dotnet pack failed or warned (warnings are errors here)"
  fi
done

versions=()
for id in "${expected[@]}"; do
  nupkg=$(ls "$out"/"$id".[0-9]*.nupkg 2>/dev/null | grep -E "/$id\.[0-9][^/]*\.nupkg$" | head -1)
  if [ -z "$nupkg" ]; then problem "$id: no .nupkg was produced"; continue; fi
  version=$(basename "$nupkg" .nupkg); version=${version#"$id."}
  versions+=("$version")
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || problem "$id: licence expression is not MIT"
  grep -Eq '<repository type="git" url="https://[^"]+" [^>]*commit="[0-9a-f]{40}"' <<<"$nuspec" || problem "$id: no repository URL with a commit"
  grep -q '<projectUrl>https://' <<<"$nuspec" || problem "$id: no project URL"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || problem "$id: no readme declared"
  readme=$(unzip -p "$nupkg" README.md 2>/dev/null)
  [ -n "$readme" ] || problem "$id: README.md missing from the package"
  grep -q "^# $id" <<<"$readme" || problem "$id: the README inside is not the package's own (no '# $id' heading)"
  grep -q '<description>' <<<"$nuspec" || problem "$id: no description"
  if [ "$id" = FaultLab.Cli ]; then
    grep -q '<packageType name="DotnetTool"' <<<"$nuspec" || problem "$id: not packed as a .NET tool"
  fi
  snupkg="${nupkg%.nupkg}.snupkg"
  if [ ! -f "$snupkg" ]; then problem "$id: no symbol package (.snupkg)"; continue; fi
  pdb=$(unzip -Z1 "$snupkg" | grep -E "/$id\.pdb$" | head -1)
  if [ -z "$pdb" ]; then problem "$id: no $id.pdb in the symbol package"; continue; fi
  # No -q: grep stopping at the first match would end unzip with SIGPIPE, which pipefail reports as a failure.
  unzip -p "$snupkg" "$pdb" | grep -aE '"documents":\{"[^"]+":"https://raw\.githubusercontent\.com/[^"]+/[0-9a-f]{40}/\*"' >/dev/null \
    || problem "$id: the PDB has no SourceLink mapping to the commit"
done

distinct=$(printf '%s\n' "${versions[@]}" | sort -u | wc -l)
[ "$distinct" -le 1 ] || problem "packages carry different versions: $(printf '%s ' "${versions[@]}" | tr ' ' '\n' | sort -u | tr '\n' ' ')"

echo "packages: ${#versions[@]} checked, $problems problems (version ${versions[0]:-none})"
rm -rf "$out"
[ "$problems" -eq 0 ]
