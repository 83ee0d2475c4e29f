"""Lists the mutants a test suite did not detect, from a Stryker mutation-report.json.

usage: python3 scripts/mutation-survivors.py REPORT.json [path-substring]
One line per mutant: status, file:line:column, mutator, the original code and what Stryker put in its place.
"""
import json
import os
import sys

report_path = sys.argv[1]
only = sys.argv[2] if len(sys.argv) > 2 else ""
with open(report_path, encoding="utf-8") as f:
    files = json.load(f)["files"]


def original(source_lines, location):
    start, end = location["start"], location["end"]
    if start["line"] == end["line"]:
        return source_lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
    first = source_lines[start["line"] - 1][start["column"] - 1:]
    return first + " …"


undetected = 0
for path in sorted(files):
    if only and only not in path:
        continue
    lines = files[path]["source"].splitlines()
    name = os.path.relpath(path)
    for mutant in sorted(files[path]["mutants"], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
        if mutant["status"] not in ("Survived", "NoCoverage"):
            continue
        undetected += 1
        loc = mutant["location"]["start"]
        before = " ".join(original(lines, mutant["location"]).split())[:90]
        after = " ".join(mutant.get("replacement", "").split())[:90]
        print(f"{mutant['status']:<10} {name}:{loc['line']}:{loc['column']}  {mutant['mutatorName']}: {before!r} -> {after!r}")
print(f"{undetected} undetected", file=sys.stderr)
