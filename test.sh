#!/usr/bin/env bash
# Builds everything and runs every test of the repository: ./test.sh
# Unit and integration tests run on SQLite in memory; the integration suite runs again on SQLite
# with the package's portable EF Core store forced and on PostgreSQL (both with kept pages on), and on
# MariaDB, and the several-instances tests need PostgreSQL and Redis. The servers are installed (Debian packages)
# and started on 127.0.0.1 with throw-away data when missing; set USERMESSAGES_POSTGRES /
# USERMESSAGES_MARIADB / USERMESSAGES_REDIS to use servers of your own. The browser tests drive
# Debian's Chromium (/usr/bin/chromium, or USERMESSAGES_CHROMIUM), installed when missing. In CI
# (CI=true) a server or browser that cannot be had is a failure; elsewhere those tests are skipped,
# saying why.
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
work=$(mktemp -d /tmp/usermessages-test.XXXXXX)
pgbin=""
started_postgres=""
started_redis=""
started_mariadb=""
cleanup() {
  if [ -n "$started_mariadb" ]; then
    kill "$(cat "$work/mariadb/mariadbd.pid" 2>/dev/null)" 2>/dev/null || true
  fi
  if [ -n "$started_postgres" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "$started_redis" ]; then
    kill "$(cat "$work/redis.pid" 2>/dev/null)" 2>/dev/null || true
  fi
  rm -rf "$work" "$log"
}
trap cleanup EXIT

install_packages() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing $* (Debian packages)..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}

# The test servers listen below Linux's ephemeral ports (32768-60999), where no client socket can hold their port.
start_postgres() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    install_packages postgresql || return 1
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] && id postgres >/dev/null 2>&1 || return 1
  mkdir -p "$work/pg" && chown postgres "$work" "$work/pg"
  local port=15432
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  started_postgres=1
  export USERMESSAGES_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
}

start_mariadb() {
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || install_packages mariadb-server || return 1
  [ -x /usr/sbin/mariadbd ] && id mysql >/dev/null 2>&1 || return 1
  local port=13306 dir="$work/mariadb"
  # The server runs as mysql: it may pass through the work folder (PostgreSQL owns it) into a folder of its own.
  mkdir -p "$dir" && chmod 711 "$work" && chown mysql "$dir"
  mariadb-install-db --user=mysql --datadir="$dir/data" --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 || return 1
  runuser -u mysql -- /usr/sbin/mariadbd --no-defaults --datadir="$dir/data" --bind-address=127.0.0.1 --port=$port \
    --socket="$dir/mariadbd.sock" --pid-file="$dir/mariadbd.pid" --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --skip-log-bin --innodb-flush-log-at-trx-commit=0 \
    --innodb-doublewrite=0 --max-connections=500 >"$dir/server.log" 2>&1 &
  for _ in $(seq 1 100); do [ -S "$dir/mariadbd.sock" ] && break; sleep 0.1; done
  [ -S "$dir/mariadbd.sock" ] || return 1
  started_mariadb=1
  export USERMESSAGES_MARIADB="Server=127.0.0.1;Port=$port;User ID=root"
}

start_redis() {
  command -v redis-server >/dev/null || install_packages redis-server || return 1
  command -v redis-server >/dev/null || return 1
  local port=16379
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$work" --pidfile "$work/redis.pid" --logfile "$work/redis.log" >/dev/null
  for _ in $(seq 1 50); do [ -s "$work/redis.pid" ] && break; sleep 0.1; done
  started_redis=1
  export USERMESSAGES_REDIS="127.0.0.1:$port"
}

# The browser tests' Chromium: USERMESSAGES_CHROMIUM, else Debian's (never Playwright's download).
have_chromium() {
  if [ -n "${USERMESSAGES_CHROMIUM:-}" ]; then [ -x "$USERMESSAGES_CHROMIUM" ]; else [ -x /usr/bin/chromium ]; fi
}

status=0
missing=""
[ -n "${USERMESSAGES_POSTGRES:-}" ] || start_postgres || missing="PostgreSQL"
[ -n "${USERMESSAGES_MARIADB:-}" ] || start_mariadb || missing="$missing MariaDB"
[ -n "${USERMESSAGES_REDIS:-}" ] || start_redis || missing="$missing Redis"
have_chromium || { install_packages chromium || true; have_chromium; } || missing="$missing Chromium"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "CI needs$missing, which could not be installed or started: failing."
    status=1
  else
    echo "No$missing here: the tests that need it are skipped (PostgreSQL and Redis: the PostgreSQL and several-instances tests, set USERMESSAGES_POSTGRES=\"Host=...;Username=...\" and USERMESSAGES_REDIS=\"host:port\"; MariaDB: its pass, set USERMESSAGES_MARIADB=\"Server=...;Port=...;User ID=...\"; Chromium: the browser tests, apt-get install -y chromium or set USERMESSAGES_CHROMIUM=/path/to/chromium)."
  fi
fi

dotnet build UserMessages.sln -c Release

# Dynamic PGO instruments every hot method for a later rejit, which short test processes never
# earn back: without it the integration suite needs a third less CPU (docs/benchmarks.md).
export DOTNET_TieredPGO=0

# One suite at a time: on two cores, suites side by side only slow each other down.
suite() {
  echo "== $1"
  shift
  env "$@" 2>&1 | tee -a "$log" || status=$?
}

# Everything on SQLite (the several-instances tests use PostgreSQL and Redis themselves).
suite "Unit tests" dotnet test tests/UserMessages.Tests -c Release --no-build
suite "Integration suite: SQLite" dotnet test tests/UserMessages.IntegrationTests -c Release --no-build
suite "Browser tests" dotnet test tests/UserMessages.BrowserTests -c Release --no-build
suite "Sites made from the .NET templates" dotnet test tests/UserMessages.HostTests -c Release --no-build

# The integration suite again: the portable store on SQLite, then PostgreSQL and MariaDB. The first two keep pages
# (UserMessagesOptions.KeptPages), so every test there also shows that no kept page outlives a change of the package's.
integration() {
  suite "Integration suite: $1" "${@:2}" dotnet test tests/UserMessages.IntegrationTests -c Release --no-build \
    --filter "FullyQualifiedName!~UserMessages.IntegrationTests.ScaleOut"
}
integration "SQLite, portable store, kept pages" USERMESSAGES_TEST_STORE=portable USERMESSAGES_TEST_KEPT_PAGES=1
if [ -n "${USERMESSAGES_POSTGRES:-}" ]; then
  integration "PostgreSQL ($USERMESSAGES_POSTGRES), kept pages" USERMESSAGES_TEST_PROVIDER=postgres USERMESSAGES_TEST_KEPT_PAGES=1
fi
if [ -n "${USERMESSAGES_MARIADB:-}" ]; then
  integration "MariaDB ($USERMESSAGES_MARIADB)" USERMESSAGES_TEST_PROVIDER=mariadb
fi

# One closing line for every test run together.
awk '/^(Passed|Failed|Skipped)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
exit "$status"
