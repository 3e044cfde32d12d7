#!/usr/bin/env bash
# Builds everything and runs every test of the repository: ./test.sh
# The unit and integration tests run on SQLite in memory; the integration suite runs once more on
# PostgreSQL. PostgreSQL is installed (Debian's package) and started on 127.0.0.1 with a throw-away
# data directory when it is missing; set USERMESSAGES_POSTGRES to use a server of your own. In CI
# (CI=true) a PostgreSQL that cannot be had is a failure; elsewhere those runs are skipped, saying so.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
pgdata=""
cleanup() {
  if [ -n "$pgdata" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdata"
  fi
  rm -f "$log"
}
trap cleanup EXIT

start_postgres() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing PostgreSQL (Debian package)..."
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    fi
  fi
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ] || ! id postgres >/dev/null 2>&1; then
    return 1
  fi
  pgdata=$(mktemp -d /tmp/usermessages-pg.XXXXXX)
  chown postgres "$pgdata"
  local port=55432
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -A trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $pgdata -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  export USERMESSAGES_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
}

dotnet build UserMessages.sln -c Release

status=0
dotnet test UserMessages.sln -c Release --no-build 2>&1 | tee "$log" || status=$?

if [ -z "${USERMESSAGES_POSTGRES:-}" ] && ! start_postgres; then
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL could not be installed or started: the PostgreSQL run of the integration suite fails in CI."
    status=1
  else
    echo "PostgreSQL integration run skipped: no PostgreSQL here; set USERMESSAGES_POSTGRES=\"Host=...;Username=...\" to run it."
  fi
fi
if [ -n "${USERMESSAGES_POSTGRES:-}" ]; then
  echo "Integration suite on PostgreSQL ($USERMESSAGES_POSTGRES)"
  USERMESSAGES_TEST_PROVIDER=postgres dotnet test tests/UserMessages.IntegrationTests -c Release --no-build 2>&1 | tee -a "$log" || status=$?
fi

# One closing line for every test run together.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
exit "$status"
