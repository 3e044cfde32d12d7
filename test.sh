#!/usr/bin/env bash
# Builds everything and runs every test of the repository: ./test.sh
# Needs only the .NET 10 SDK; the tests use SQLite in memory and an in-process test server.
set -euo pipefail
cd "$(dirname "$0")"

dotnet build UserMessages.sln -c Release
dotnet test UserMessages.sln -c Release --no-build
