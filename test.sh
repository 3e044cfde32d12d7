#!/usr/bin/env bash
# Builds everything and runs every test of the repository: ./test.sh
# Needs only the .NET 10 SDK; the tests use SQLite in memory and an in-process test server.
set -euo pipefail
cd "$(dirname "$0")"

dotnet build UserMessages.sln -c Release

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test UserMessages.sln -c Release --no-build 2>&1 | tee "$log" || status=$?

# One closing line for every test project together.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
exit "$status"
