#!/usr/bin/env bash
# Load test of the sample in Release with wrk on 127.0.0.1: for SQLite and PostgreSQL, at 10 and
# 10,000 threads per user, a fresh seeded database, one signed-in user, and four endpoints: the
# inbox page, a thread page, the JSON inbox, and replies through the JSON API. Both sizes run at
# once, one app each, and each endpoint is measured in rounds that take the sizes in turn (10,
# 10,000, 10, 10,000, ...), so a slow spell of the machine falls on both and the figures are the
# rounds' medians. A third app, the control, runs on the largest size's database with a page as
# short as the smallest size's inbox (10 rows for 10 threads, against 25): its inbox page, measured
# in the same rounds, shows what the mailbox's size alone costs. The host's own home page (`/`, the
# sample's Razor page in the same layout, for the same signed-in user) is measured in the same rounds
# as the inbox and thread pages of each app, so the pages can be read as a share of it. Writes
# docs/benchmarks/loadtest-results.tsv (a line per round), then
# bench/report.py redraws the plot and the tables in docs/benchmarks.md. Exits non-zero when any
# response is not 2xx or a socket error occurs.
#
#   bench/loadtest.sh
#
# Settings (environment variables, defaults in brackets):
#   LOADTEST_PROVIDERS [sqlite postgres]   LOADTEST_THREADS_PER_USER [10 10000]
#   LOADTEST_USERS [20]   LOADTEST_MESSAGES_PER_THREAD [3]
#   LOADTEST_ROUNDS [3]   LOADTEST_DURATION [10s, each round]   LOADTEST_WARMUP [15s]   LOADTEST_APP_WARMUP [10s]   LOADTEST_CONNECTIONS [32]   LOADTEST_WRK_THREADS [2]
#   LOADTEST_TIMEOUT [10s]   LOADTEST_RESULTS [docs/benchmarks/loadtest-results.tsv]
#   LOADTEST_PAGE_SIZE [25, threads per folder page]   LOADTEST_CONTROL [1; 0 runs no control app]
#   LOADTEST_ENDPOINTS [host inbox thread json-inbox reply; the pages (host, inbox, thread) share their rounds]
# PostgreSQL runs as Debian's postgresql package (installed when missing, like wrk), as a throw-away
# server on 127.0.0.1:15600 with its data in a temporary folder (a database per size); the apps
# listen on 127.0.0.1:5300, 5301, ... (one per size, then the control).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

providers=${LOADTEST_PROVIDERS:-sqlite postgres}
sizes=${LOADTEST_THREADS_PER_USER:-10 10000}
users=${LOADTEST_USERS:-20}
messages_per_thread=${LOADTEST_MESSAGES_PER_THREAD:-3}
rounds=${LOADTEST_ROUNDS:-3}
duration=${LOADTEST_DURATION:-10s}
# Each endpoint is warmed up before it is measured, and before the first the app gets app_warmup on
# each read endpoint in turn, for .NET's tiered JIT to finish: with 3 s of warm-up the inbox page
# measured half its steady rate, and with 15 s the first endpoint measured still ran unoptimized code.
warmup=${LOADTEST_WARMUP:-15s}
app_warmup=${LOADTEST_APP_WARMUP:-10s}
connections=${LOADTEST_CONNECTIONS:-32}
wrk_threads=${LOADTEST_WRK_THREADS:-2}
# A response slower than this counts as a socket error (a failure), and is left out of the latencies.
timeout=${LOADTEST_TIMEOUT:-10s}
results=${LOADTEST_RESULTS:-docs/benchmarks/loadtest-results.tsv}
page_size=${LOADTEST_PAGE_SIZE:-25}
endpoints=${LOADTEST_ENDPOINTS:-host inbox thread json-inbox reply}
app_port=5300
# Below Linux's ephemeral ports (32768-60999): wrk's closed connections to the apps once held
# 55600 as a local port when PostgreSQL came to listen there.
pg_port=15600
# The seeder's users are user1@example.com ... userN@example.com with one password.
email=user1@example.com
password=Seed-pass-1

work=$(mktemp -d /tmp/usermessages-loadtest.XXXXXX)
bench_name=loadtest
. "$root/bench/lib.sh"
chmod 755 "$work"
# Per app (its key: the size, or "control"): its process, address, session cookie, bearer token,
# inbox thread ids, threads per user and folder page size.
declare -A server_pids bases cookies tokens thread_ids app_sizes app_pages
pgbin=""
pgdata=""

stop_postgres() {
  if [ -n "$pgdata" ] && [ -f "$pgdata/postmaster.pid" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  pgdata=""
}

cleanup() {
  stop_apps
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || install_packages wrk
command -v python3 >/dev/null || install_packages python3
command -v curl >/dev/null || install_packages curl
for provider in $providers; do
  case $provider in sqlite | postgres) ;; *) fail "unknown provider $provider (sqlite or postgres)" ;; esac
done
for size in $sizes; do
  [[ $size =~ ^[1-9][0-9]*$ ]] || fail "threads per user must be a positive number, not $size"
done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || fail "LOADTEST_ROUNDS must be a positive number, not $rounds"
for endpoint in $endpoints; do
  case $endpoint in host | inbox | thread | json-inbox | reply) ;; *) fail "unknown endpoint $endpoint (host inbox thread json-inbox reply)" ;; esac
done
[[ $page_size =~ ^[1-9][0-9]*$ ]] && [ "$page_size" -le 200 ] || fail "LOADTEST_PAGE_SIZE must be a number from 1 to 200, not $page_size"
smallest=$(tr ' ' '\n' <<<"$sizes" | grep . | sort -n | head -1)
largest=$(tr ' ' '\n' <<<"$sizes" | grep . | sort -n | tail -1)
# The control needs two sizes, and a smallest one whose inbox is shorter than a page.
control=""
if [ "${LOADTEST_CONTROL:-1}" != 0 ] && [ "$smallest" != "$largest" ] && [ "$smallest" -lt "$page_size" ]; then
  control=control
fi

echo "loadtest: building the sample and the seeder (Release)"
dotnet build bench/UserMessages.Seeder -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; fail "the sample or the seeder did not build"; }
dll="$root/samples/UserMessages.Sample/bin/Release/net10.0/UserMessages.Sample.dll"
seeder="$root/bench/UserMessages.Seeder/bin/Release/net10.0/UserMessages.Seeder.dll"
[ -f "$dll" ] && [ -f "$seeder" ] || fail "no $dll or $seeder after the build"

start_postgres() {
  pgbin=$(postgres_binaries) || exit 1
  port_free "$pg_port" || fail "port $pg_port is in use; stop what listens there"
  pgdata="$work/pg"
  mkdir -p "$pgdata" && chown postgres "$pgdata"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -A trust >/dev/null \
    || fail "initdb failed"
  # Durable settings (fsync and synchronous commit on, as SQLite's defaults are): only the size of
  # the shared buffers is raised from the 128 MB default.
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-h 127.0.0.1 -p $pg_port -k $pgdata -c shared_buffers=512MB -c max_connections=200" start >/dev/null \
    || { cat "$pgdata/server.log" >&2; fail "PostgreSQL did not start"; }
}

# After the seeding: statistics gathered and dirty pages written now, as autovacuum and the
# checkpointer would do soon after a bulk load, rather than during the measurements (where their
# work counted as the database's CPU per request and slowed whichever size ran then).
settle_postgres() {
  local size
  for size in $sizes; do
    runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "usermessages_$size" -qX \
      -c "VACUUM (ANALYZE)" || fail "VACUUM ANALYZE failed on the database of $size threads per user"
  done
  runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qX -c "CHECKPOINT" \
    || fail "CHECKPOINT failed"
  echo "loadtest: postgres: the databases vacuumed, analyzed and checkpointed after the seeding"
}

# The configuration of the seeder and the app for one database (and a folder page size), as environment variables.
database_env() {
  local provider=$1 size=$2 page=$3
  if [ "$provider" = postgres ]; then
    echo "Messages__Provider=Postgres"
    echo "ConnectionStrings__MessagesPostgres=Host=127.0.0.1;Port=$pg_port;Database=usermessages_$size;Username=postgres;Maximum Pool Size=100;Max Auto Prepare=32"
  else
    echo "Messages__Provider=Sqlite"
    echo "ConnectionStrings__Messages=Data Source=$work/sqlite-$size.db"
  fi
  # Sending limits off (0): one user sends hundreds of replies a second, which any limit would refuse.
  echo "Messages__Limits__MessagesPerMinute=0"
  echo "Messages__Limits__MessagesPerDay=0"
  echo "Messages__PageSize=$page"
  echo "Sample__MailPickupDirectory=$work/mail"
  echo "ASPNETCORE_ENVIRONMENT=Production"
}

# Runs a built program (the sample, or the seeder) with one database's configuration and a folder
# page size; exec, so that a background run's pid is the server itself and stop_apps really stops it.
run_with_database() {
  local program=$1 provider=$2 size=$3 page=$4
  shift 4
  local -a settings
  mapfile -t settings < <(database_env "$provider" "$size" "$page")
  cd "$root/samples/UserMessages.Sample" && exec env "${settings[@]}" dotnet "$program" "$@"
}

seed() {
  local provider=$1 size=$2
  echo "loadtest: $provider, $size threads per user: seeding $users users, $messages_per_thread messages per thread"
  local started=$SECONDS
  (run_with_database "$seeder" "$provider" "$size" "$page_size" --users "$users" --threads-per-user "$size" \
    --messages-per-thread "$messages_per_thread") >"$work/seed-$provider-$size.log" 2>&1 \
    || { tail -n 40 "$work/seed-$provider-$size.log" >&2; fail "seeding $provider at $size threads per user failed"; }
  echo "loadtest: seeded in $((SECONDS - started)) s"
}

# Starts an app (KEY) on one size's database, with a folder page size, at 127.0.0.1:PORT.
start_app() {
  local provider=$1 key=$2 size=$3 page=$4 port=$5 base="http://127.0.0.1:$5"
  port_free "$port" || fail "port $port is in use; stop what listens there"
  (run_with_database "$dll" "$provider" "$size" "$page" --urls "$base") >"$work/app-$provider-$key.log" 2>&1 &
  server_pids[$key]=$!
  bases[$key]=$base
  app_sizes[$key]=$size
  app_pages[$key]=$page
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$base/Identity/Account/Login" && return 0
    kill -0 "${server_pids[$key]}" 2>/dev/null || { tail -n 40 "$work/app-$provider-$key.log" >&2; fail "the sample did not start ($provider)"; }
    sleep 0.5
  done
  tail -n 40 "$work/app-$provider-$key.log" >&2
  fail "the sample did not answer on $base within 60 s"
}

# Signs in to one app (KEY) and checks its inbox page: it renders a page of threads (as many as the
# app's page size, or all the user has) with the unread badge.
sign_in() {
  local provider=$1 key=$2 base=${bases[$2]} cookie code rows badge expected
  cookie=$(login_cookie "$base" "$email" "$password")
  cookies[$key]=$cookie
  code=$(curl -s -o "$work/inbox.html" -w '%{http_code}' -H "Cookie: $cookie" "$base/messages")
  [ "$code" = 200 ] && grep -q 'id="um-thread-list"' "$work/inbox.html" || fail "the signed-in inbox did not render ($code)"
  rows=$(grep -c 'data-um-thread-id=' "$work/inbox.html" || true)
  expected=$((${app_sizes[$key]} < ${app_pages[$key]} ? ${app_sizes[$key]} : ${app_pages[$key]}))
  [ "$rows" = "$expected" ] || fail "the inbox page ($key) shows $rows threads, not $expected"
  badge=$(grep -o 'id="um-unread-badge"[^>]*data-um-unread-count="[0-9]*"' "$work/inbox.html" | grep -o '[0-9]*"$' | tr -d '"') \
    || fail "the inbox page has no unread badge"
  echo "loadtest: $provider, ${app_sizes[$key]} threads per user, pages of ${app_pages[$key]}: $email signed in; the inbox page shows $rows threads and the unread badge ($badge unread)"
  # The host's page, the control endpoint of the pages: the same user signed in, the same layout and badge.
  code=$(curl -s -o "$work/host.html" -w '%{http_code}' -H "Cookie: $cookie" "$base/")
  [ "$code" = 200 ] && grep -q 'id="signed-in-as"' "$work/host.html" && grep -q 'id="um-unread-badge"' "$work/host.html" \
    || fail "the host's home page ($key) did not render signed in with the unread badge ($code)"
}

# CPU time (user + system) of one process in clock ticks, with its ended children's when a second
# argument is given; 0 when it is gone. On a shared machine CPU time per request varies much less
# than requests/s do.
proc_ticks() {
  { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null || true; } \
    | awk -v children="${2:-}" '{ print $12 + $13 + (children != "" ? $14 + $15 : 0) } END { if (NR == 0) print 0 }'
}

# The PostgreSQL server's: the postmaster with the backends that ended, and the live backends.
db_ticks() {
  local postmaster total pid
  postmaster=$(head -1 "$pgdata/postmaster.pid")
  total=$(proc_ticks "$postmaster" with-children)
  for pid in $(ps -o pid= --ppid "$postmaster"); do
    total=$((total + $(proc_ticks "$pid")))
  done
  echo "$total"
}

ms_per_request() { awk -v t="$1" -v n="$2" -v hz="$clock_ticks" 'BEGIN { printf "%.3f", n ? t * 1000 / hz / n : 0 }'; }

# wrk's arguments for one endpoint of one app: the header, the URL, and the script's arguments.
endpoint_args() {
  local endpoint=$1 key=$2 base=${bases[$2]} ids=${thread_ids[$2]:-}
  case $endpoint in
    host) args=("Cookie: ${cookies[$key]}" "$base/" get) ;;
    inbox) args=("Cookie: ${cookies[$key]}" "$base/messages" get) ;;
    thread) args=("Cookie: ${cookies[$key]}" "$base/messages/thread/${ids%%,*}" get) ;;
    json-inbox) args=("Cookie: ${cookies[$key]}" "$base/messages/api/folders/inbox" get) ;;
    reply) args=("Authorization: Bearer ${tokens[$key]}" "$base/" reply /messages/api/threads/ "$ids") ;;
  esac
}

# Warms one endpoint of one app up (its code and the database's caches), measuring nothing.
warm_up() {
  local endpoint=$1 key=$2 args
  endpoint_args "$endpoint" "$key"
  wrk -t"$wrk_threads" -c"$connections" -d"$warmup" --timeout "$timeout" -H "${args[0]}" -s bench/loadtest.lua "${args[1]}" -- "${args[@]:2}" >/dev/null \
    || fail "wrk failed (warm-up of $endpoint)"
}

# Runs wrk against one endpoint of one app for one round; appends a line to the results.
measure() {
  local provider=$1 key=$2 endpoint=$3 round=$4 args size=${app_sizes[$2]} page=${app_pages[$2]}
  endpoint_args "$endpoint" "$key"
  local out line app_before db_before=0 app_after db_after=0 server_pid=${server_pids[$key]}
  app_before=$(proc_ticks "$server_pid")
  if [ "$provider" = postgres ]; then db_before=$(db_ticks); fi
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency -H "${args[0]}" -s bench/loadtest.lua "${args[1]}" -- "${args[@]:2}") \
    || fail "wrk failed ($endpoint)"
  app_after=$(proc_ticks "$server_pid")
  if [ "$provider" = postgres ]; then db_after=$(db_ticks); fi
  echo "$out" >>"$work/wrk-$provider-$key.txt"
  line=$(grep '^RESULT' <<<"$out") || { echo "$out" >&2; fail "wrk printed no result line ($endpoint)"; }
  local rps p50 p99 non2xx socket requests example
  IFS=$'\t' read -r _ rps p50 p99 non2xx socket requests example <<<"$line"
  local app_cpu db_cpu=-
  app_cpu=$(ms_per_request "$((app_after - app_before))" "$requests")
  if [ "$provider" = postgres ]; then db_cpu=$(ms_per_request "$((db_after - db_before))" "$requests"); fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$provider" "$size" "$page" "$endpoint" "$round" "$rps" "$p50" "$p99" "$non2xx" "$socket" "$requests" "$app_cpu" "$db_cpu" >>"$work/results.tsv"
  printf 'loadtest: %-8s %6s threads/user, page %3s  %-10s round %s  %7s req/s  p50 %7s ms  p99 %7s ms  CPU/request: app %s ms, PostgreSQL %s ms  non-2xx %s  socket errors %s\n' \
    "$provider" "$size" "$page" "$endpoint" "$round" "$rps" "$p50" "$p99" "$app_cpu" "$db_cpu" "$non2xx" "$socket"
  if [ "$non2xx" != 0 ] || [ "$socket" != 0 ]; then
    echo "loadtest: first non-2xx response: ${example:-none}" >&2
    failures=$((failures + 1))
  fi
}

failures=0
clock_ticks=$(getconf CLK_TCK)
mkdir -p "$(dirname "$results")"
{
  echo "# bench/loadtest.sh $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores; $(free -g | awk '/^Mem:/ { print $2 " GB RAM" }'); $(. /etc/os-release && echo "$PRETTY_NAME"); .NET SDK $(dotnet --version); wrk -t$wrk_threads -c$connections -d$duration, $rounds rounds; $users users, $messages_per_thread messages per thread; load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'provider\tthreads_per_user\tpage_size\tendpoint\tround\trequests_per_s\tp50_ms\tp99_ms\tnon2xx\tsocket_errors\trequests\tapp_cpu_ms\tdb_cpu_ms\n'
} >"$work/results.tsv"

for provider in $providers; do
  if [ "$provider" = postgres ]; then start_postgres; fi
  for size in $sizes; do
    seed "$provider" "$size"
  done
  if [ "$provider" = postgres ]; then settle_postgres; fi
  port=$app_port
  for size in $sizes; do
    start_app "$provider" "$size" "$size" "$page_size" "$port"
    port=$((port + 1))
    sign_in "$provider" "$size"
    base=${bases[$size]}
    cookie=${cookies[$size]}
    # The first page of the inbox: the thread page and the replies use these threads.
    ids=$(curl -fs -H "Cookie: $cookie" "$base/messages/api/folders/inbox" \
      | python3 -c 'import json, sys; print(",".join(str(t["id"]) for t in json.load(sys.stdin)["threads"]))') \
      || fail "the JSON inbox did not answer"
    [ -n "$ids" ] || fail "$email has no threads in the inbox"
    thread_ids[$size]=$ids
    tokens[$size]=$(bearer_token "$base" "$email" "$password")
  done
  if [ -n "$control" ]; then
    start_app "$provider" "$control" "$largest" "$smallest" "$port"
    sign_in "$provider" "$control"
  fi

  echo "loadtest: warming up the apps (JIT): $app_warmup on each read endpoint of each before measuring"
  for key in $sizes $control; do
    for endpoint in $endpoints; do
      [ "$endpoint" != reply ] || continue
      [ "$key" != control ] || [ "$endpoint" = inbox ] || continue
      endpoint_args "$endpoint" "$key"
      wrk -t"$wrk_threads" -c"$connections" -d"$app_warmup" --timeout "$timeout" -H "${args[0]}" -s bench/loadtest.lua "${args[1]}" -- get >/dev/null \
        || fail "wrk failed (warming up the app)"
    done
  done

  # Groups measured in shared rounds: the HTML pages (the host's, the inbox, the thread page) side by
  # side, then the JSON inbox, then the replies (last, so they do not change what the reads see).
  pages=$(for e in $endpoints; do case $e in host | inbox | thread) echo -n "$e " ;; esac; done)
  groups=()
  [ -z "$pages" ] || groups+=("$pages")
  for e in $endpoints; do case $e in json-inbox | reply) groups+=("$e") ;; esac; done
  for group in "${groups[@]}"; do
    # The control serves the inbox page only.
    keys=$sizes
    if [[ " $group " == *" inbox "* ]]; then keys="$sizes $control"; fi
    for key in $keys; do
      for endpoint in $group; do
        [ "$key" != control ] || [ "$endpoint" = inbox ] || continue
        warm_up "$endpoint" "$key"
      done
    done
    for round in $(seq 1 "$rounds"); do
      for key in $keys; do
        for endpoint in $group; do
          [ "$key" != control ] || [ "$endpoint" = inbox ] || continue
          measure "$provider" "$key" "$endpoint" "$round"
        done
      done
    done
  done

  stop_apps
  if [ "$provider" = postgres ]; then stop_postgres; fi
done

cp "$work/results.tsv" "$results"
echo "loadtest: results in $results; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/report.py "$results"
if [ "$failures" != 0 ]; then
  echo "loadtest: FAILED: $failures run(s) had responses that were not 2xx or socket errors (see above)" >&2
  exit 1
fi
echo "loadtest: every response was 2xx"
