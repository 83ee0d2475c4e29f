"""Prints one package's mutation score from a Stryker mutation-report.json (mutation testing elements schema)."""
import json
import sys

package, report, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(report, encoding="utf-8") as f:
    files = json.load(f)["files"]

counts = {}
for file in files.values():
    for mutant in file["mutants"]:
        counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1

detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
valid = detected + undetected
score = 100.0 * detected / valid if valid else 0.0
print(f"{package}: {score:.1f} % ({counts.get('Killed', 0)} killed, {counts.get('Timeout', 0)} timeout, "
      f"{counts.get('Survived', 0)} survived, {counts.get('NoCoverage', 0)} no coverage, "
      f"{counts.get('Ignored', 0)} ignored, {counts.get('CompileError', 0)} compile errors) in {seconds} s")
