#!/usr/bin/env bash
# The pages on a big database (issue 23): PostgreSQL seeded with the seeder's --site mode twice, a
# small site (1,000 users, 100,000 messages) and a big one (100,000 users, 10,000,000 messages), one
# sample app on each, and wrk against the inbox page, a thread page, search (two words, on the
# full-text index), the API's unread count and replies through the API, for a heavy user (in the
# most threads) and a typical one (the median), in rounds that take the sizes in turn. Then one
# request of each endpoint per user on the big database with auto_explain on: the plans of every
# statement they run, with EXPLAIN (ANALYZE, BUFFERS)'s figures. Prints the seeding phases, a table
# of p50 and p99, big against small, and writes the results and the plans into docs/benchmarks/.
#
#   bench/bigdb.sh
#
# Settings (environment variables, defaults in brackets):
#   BIGDB_SMALL [1000 100000: users messages]   BIGDB_BIG [100000 10000000]
#   BIGDB_ROUNDS [2]   BIGDB_DURATION [10s, each round]   BIGDB_WARMUP [10s]   BIGDB_CONNECTIONS [4]   BIGDB_WRK_THREADS [2]
#   BIGDB_SEARCH [invoice garden: the two words searched for]
#   BIGDB_RESULTS [docs/benchmarks/bigdb-results.tsv]   BIGDB_PLANS [docs/benchmarks/bigdb-plans.txt]
#   BIGDB_PGDATA [unset: a fresh server in a temporary folder; set: the data folder of a server a previous run
#                 kept (BIGDB_KEEP=1), whose databases are measured again without seeding]
#   BIGDB_KEEP [0; 1 keeps the temporary folder and PostgreSQL's data, stopped, and prints where]
# PostgreSQL runs as Debian's postgresql package (installed when missing, like wrk) on 127.0.0.1:15700,
# with auto_explain loaded (off until the plans are taken); the apps listen on 127.0.0.1:5500 and 5501.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

read -r small_users small_messages <<<"${BIGDB_SMALL:-1000 100000}"
read -r big_users big_messages <<<"${BIGDB_BIG:-100000 10000000}"
rounds=${BIGDB_ROUNDS:-2}
duration=${BIGDB_DURATION:-10s}
warmup=${BIGDB_WARMUP:-10s}
connections=${BIGDB_CONNECTIONS:-4}
wrk_threads=${BIGDB_WRK_THREADS:-2}
search=${BIGDB_SEARCH:-invoice garden}
results=${BIGDB_RESULTS:-docs/benchmarks/bigdb-results.tsv}
plans=${BIGDB_PLANS:-docs/benchmarks/bigdb-plans.txt}
keep=${BIGDB_KEEP:-0}
pg_port=15700
app_port=5500
password=Seed-pass-1
sizes="small big"

work=$(mktemp -d /tmp/usermessages-bigdb.XXXXXX)
bench_name=bigdb
. "$root/bench/lib.sh"
chmod 755 "$work"
declare -A server_pids bases cookies tokens thread_ids emails
pgbin=""
pgdata=${BIGDB_PGDATA:-}
reuse=0
[ -z "$pgdata" ] || reuse=1

stop_postgres() {
  if [ -n "$pgdata" ] && [ -f "$pgdata/postmaster.pid" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

cleanup() {
  stop_apps
  stop_postgres
  if [ "$keep" = 1 ]; then
    echo "bigdb: kept $work (PostgreSQL's data: $pgdata)"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || install_packages wrk
command -v python3 >/dev/null || install_packages python3
command -v curl >/dev/null || install_packages curl
for n in "$small_users" "$small_messages" "$big_users" "$big_messages" "$rounds"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || fail "sizes and rounds must be positive numbers, not '$n'"
done
read -r word1 word2 extra <<<"$search"
[ -n "${word2:-}" ] && [ -z "${extra:-}" ] || fail "BIGDB_SEARCH must be two words, not '$search'"

echo "bigdb: building the sample and the seeder (Release)"
dotnet build bench/UserMessages.Seeder -c Release -nologo -v quiet >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; fail "the sample or the seeder did not build"; }
dll="$root/samples/UserMessages.Sample/bin/Release/net10.0/UserMessages.Sample.dll"
seeder="$root/bench/UserMessages.Seeder/bin/Release/net10.0/UserMessages.Seeder.dll"
[ -f "$dll" ] && [ -f "$seeder" ] || fail "no $dll or $seeder after the build"

pgbin=$(postgres_binaries) || exit 1
port_free "$pg_port" || fail "port $pg_port is in use; stop what listens there"
if [ "$reuse" = 0 ]; then
  pgdata="$work/pg"
  mkdir -p "$pgdata" && chown postgres "$pgdata"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -A trust >/dev/null || fail "initdb failed"
fi
# Durable settings, as bench/loadtest.sh's, with room for the bulk load's WAL (fewer checkpoints during
# the seeding) and auto_explain loaded, off until the plans are taken.
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-h 127.0.0.1 -p $pg_port -k $pgdata -c shared_buffers=512MB -c max_connections=200 -c max_wal_size=8GB -c shared_preload_libraries=auto_explain" start >/dev/null \
  || { tail -n 20 "$pgdata/server.log" >&2; fail "PostgreSQL did not start"; }

psql_db() { local db=$1; shift; runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -qXAt -v ON_ERROR_STOP=1 "$@"; }

database_env() {
  echo "Messages__Provider=Postgres"
  echo "ConnectionStrings__MessagesPostgres=Host=127.0.0.1;Port=$pg_port;Database=usermessages_$1;Username=postgres;Maximum Pool Size=100;Max Auto Prepare=32"
  # Sending limits off (0): one user sends hundreds of replies a second, which any limit would refuse.
  echo "Messages__Limits__MessagesPerMinute=0"
  echo "Messages__Limits__MessagesPerDay=0"
  echo "Messages__Limits__SearchesPerMinute=0"
  # The digest job polls once an hour, so within a run it never does: its statements would land in the plans among the requests'.
  echo "Messages__Notifications__PollInterval=01:00:00"
  echo "Sample__MailPickupDirectory=$work/mail"
  echo "ASPNETCORE_ENVIRONMENT=Production"
}

run_with_database() {
  local program=$1 size=$2
  shift 2
  local -a settings
  mapfile -t settings < <(database_env "$size")
  cd "$root/samples/UserMessages.Sample" && exec env "${settings[@]}" dotnet "$program" "$@"
}

start_app() {
  local size=$1 port=$2 base="http://127.0.0.1:$2"
  port_free "$port" || fail "port $port is in use; stop what listens there"
  (run_with_database "$dll" "$size" --urls "$base") >>"$work/app-$size.log" 2>&1 &
  server_pids[$size]=$!
  bases[$size]=$base
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$base/Identity/Account/Login" && return 0
    kill -0 "${server_pids[$size]}" 2>/dev/null || { tail -n 40 "$work/app-$size.log" >&2; fail "the sample did not start ($size)"; }
    sleep 0.5
  done
  fail "the sample did not answer on $base within 120 s"
}

# The sample migrates the empty database when it starts; the seeder then fills it.
seed() {
  local size=$1 users=$2 messages=$3
  psql_db postgres -c "CREATE DATABASE usermessages_$size" || fail "could not create the database of the $size site"
  start_app "$size" "$app_port"
  stop_apps
  echo "bigdb: $size: seeding $users users, $messages messages (load $(load))"
  local started=$SECONDS
  (run_with_database "$seeder" "$size" --site --users "$users" --messages "$messages") >"$work/seed-$size.log" 2>&1 \
    || { tail -n 40 "$work/seed-$size.log" >&2; fail "seeding the $size site failed"; }
  grep -E '^ *[0-9.]+ s ' "$work/seed-$size.log" | sed "s/^/bigdb: $size: /"
  grep '^Seeded' "$work/seed-$size.log" | sed "s/^/bigdb: $size: /"
  echo "bigdb: $size: seeded in $((SECONDS - started)) s, the seeder's start included (load $(load))"
}

if [ "$reuse" = 0 ]; then
  seed small "$small_users" "$small_messages"
  seed big "$big_users" "$big_messages"
  started=$SECONDS
  for size in $sizes; do psql_db "usermessages_$size" -c "VACUUM (ANALYZE)"; done
  psql_db postgres -c "CHECKPOINT"
  echo "bigdb: vacuumed, analyzed and checkpointed in $((SECONDS - started)) s"
fi

# The heavy user is in the most threads; the typical one is the median of those in any.
pick_user() {
  local size=$1 which=$2 order
  if [ "$which" = heavy ]; then order="n DESC, u.\"Email\" LIMIT 1"; else order="n, u.\"Email\" OFFSET (SELECT count(DISTINCT \"UserId\") / 2 FROM \"UserMessagesParticipants\") LIMIT 1"; fi
  psql_db "usermessages_$size" -F' ' -c "WITH c AS (SELECT \"UserId\", count(*) AS n FROM \"UserMessagesParticipants\" GROUP BY \"UserId\")
    SELECT u.\"Email\", c.n FROM c JOIN \"AspNetUsers\" u ON u.\"Id\" = c.\"UserId\" ORDER BY $order"
}

port=$app_port
for size in $sizes; do
  start_app "$size" "$port"
  port=$((port + 1))
  for who in heavy typical; do
    key="$size-$who"
    read -r email threads <<<"$(pick_user "$size" "$who")"
    emails[$key]=$email
    cookies[$key]=$(login_cookie "${bases[$size]}" "$email" "$password")
    tokens[$key]=$(bearer_token "${bases[$size]}" "$email" "$password")
    ids=$(curl -fs -H "Cookie: ${cookies[$key]}" "${bases[$size]}/messages/api/folders/inbox" \
      | python3 -c 'import json, sys; print(",".join(str(t["id"]) for t in json.load(sys.stdin)["threads"]))') || fail "the JSON inbox did not answer"
    [ -n "$ids" ] || fail "$email has no threads in the inbox"
    thread_ids[$key]=$ids
    hits=$(curl -fs -H "Cookie: ${cookies[$key]}" "${bases[$size]}/messages/search?q=$word1+$word2" | grep -c 'data-um-thread-id=' || true)
    echo "bigdb: $size site, $who user: $email, in $threads threads; the search for '$word1 $word2' shows $hits threads"
  done
done

endpoint_args() {
  local endpoint=$1 key=$2 size=${2%%-*} ids=${thread_ids[$2]}
  local base=${bases[$size]}
  case $endpoint in
    inbox) args=("Cookie: ${cookies[$key]}" "$base/messages" get) ;;
    thread) args=("Cookie: ${cookies[$key]}" "$base/messages/thread/${ids%%,*}" get) ;;
    search) args=("Cookie: ${cookies[$key]}" "$base/messages/search?q=$word1+$word2" get) ;;
    unread) args=("Cookie: ${cookies[$key]}" "$base/messages/api/unread-count" get) ;;
    reply) args=("Authorization: Bearer ${tokens[$key]}" "$base/" reply /messages/api/threads/ "$ids") ;;
  esac
}

run_wrk() {
  local length=$1 endpoint=$2 key=$3
  endpoint_args "$endpoint" "$key"
  wrk -t"$wrk_threads" -c"$connections" -d"$length" --timeout 10s --latency -H "${args[0]}" -s bench/loadtest.lua "${args[1]}" -- "${args[@]:2}"
}

failures=0
{
  echo "# bench/bigdb.sh $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores; wrk -t$wrk_threads -c$connections -d$duration, $rounds rounds; small $small_users users/$small_messages messages, big $big_users/$big_messages; search '$word1 $word2'"
  printf 'size\tuser\temail\tendpoint\tround\trequests_per_s\tp50_ms\tp99_ms\tnon2xx\tsocket_errors\trequests\tload1\n'
} >"$work/results.tsv"

echo "bigdb: warming up (JIT and caches): $warmup of each read endpoint, each user, each size (load $(load))"
for endpoint in inbox thread search unread; do
  for key in small-heavy small-typical big-heavy big-typical; do
    run_wrk "$warmup" "$endpoint" "$key" >/dev/null || fail "wrk failed (warm-up)"
  done
done

measure_endpoint() {
  local endpoint=$1 who round size key out line rps p50 p99 non2xx socket requests example load1
  for who in heavy typical; do
    for round in $(seq 1 "$rounds"); do
      for size in $sizes; do
        key="$size-$who"
        out=$(run_wrk "$duration" "$endpoint" "$key") || fail "wrk failed ($endpoint)"
        line=$(grep '^RESULT' <<<"$out") || { echo "$out" >&2; fail "wrk printed no result line ($endpoint)"; }
        IFS=$'\t' read -r _ rps p50 p99 non2xx socket requests example <<<"$line"
        load1=$(cut -d' ' -f1 /proc/loadavg)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$who" "${emails[$key]}" "$endpoint" "$round" "$rps" "$p50" "$p99" "$non2xx" "$socket" "$requests" "$load1" >>"$work/results.tsv"
        printf 'bigdb: %-5s %-7s %-7s round %s  %7s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s  socket errors %s  (load %s)\n' \
          "$size" "$who" "$endpoint" "$round" "$rps" "$p50" "$p99" "$non2xx" "$socket" "$load1"
        # No response at all within the round (each one slower than it) counts as a failure too.
        if [ "$non2xx" != 0 ] || [ "$socket" != 0 ] || [ "$requests" = 0 ]; then
          echo "bigdb: first non-2xx response: ${example:-none}" >&2
          failures=$((failures + 1))
        fi
      done
    done
  done
}

for endpoint in inbox thread search unread; do
  measure_endpoint "$endpoint"
done

# The plans: auto_explain on for one request of each endpoint and user on the big site (before the reply rounds), its log cut per request.
echo "bigdb: taking the plans on the big site (auto_explain)"
psql_db postgres -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "ALTER SYSTEM SET auto_explain.log_analyze = on" \
  -c "ALTER SYSTEM SET auto_explain.log_buffers = on" -c "ALTER SYSTEM SET auto_explain.log_format = text" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
log="$pgdata/server.log"
{
  echo "# Plans of every statement the measured requests run on the big site ($big_users users, $big_messages messages),"
  echo "# one request each, from PostgreSQL's auto_explain (log_analyze, log_buffers): written by bench/bigdb.sh $(date -u +%Y-%m-%dT%H:%M:%SZ)."
} >"$work/plans.txt"
for who in heavy typical; do
  key="big-$who"
  for endpoint in inbox thread search unread reply; do
    endpoint_args "$endpoint" "$key"
    from=$(stat -c %s "$log")
    if [ "$endpoint" = reply ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "${args[0]}" -H 'Content-Type: application/json' \
        -d '{"content":"A reply while the plans are taken."}' "${bases[big]}/messages/api/threads/${thread_ids[$key]%%,*}/messages")
      what="POST /messages/api/threads/${thread_ids[$key]%%,*}/messages"
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "${args[0]}" "${args[1]}")
      what="GET ${args[1]#"${bases[big]}"}"
    fi
    sleep 1
    {
      echo
      echo "################ $who user (${emails[$key]}), $endpoint: $what -> $code"
      tail -c +"$((from + 1))" "$log" | grep -v -E 'statement: |^\s*$' | sed -E 's/^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] //'
    } >>"$work/plans.txt"
  done
done
psql_db postgres -c "ALTER SYSTEM RESET ALL" -c "SELECT pg_reload_conf()" >/dev/null

# Replies last, after the plans too: they rewrite the first page's participant rows thousands of times, and
# the dead index entries they leave until autovacuum comes would show in the reads' plans.
measure_endpoint reply

mkdir -p "$(dirname "$results")"
cp "$work/results.tsv" "$results"
cp "$work/plans.txt" "$plans"
echo "bigdb: results in $results, plans in $plans"
python3 - "$results" <<'EOF'
import csv, statistics, sys
rows = [r for r in csv.DictReader((l for l in open(sys.argv[1]) if not l.startswith('#')), delimiter='\t')]
def med(size, who, ep, field):
    return statistics.median(float(r[field]) for r in rows if r['size'] == size and r['user'] == who and r['endpoint'] == ep)
print('| User | Endpoint | p50 small | p50 big | ratio | p99 small | p99 big | ratio |')
print('|---|---|---:|---:|---:|---:|---:|---:|')
for who in ('heavy', 'typical'):
    for ep in ('inbox', 'thread', 'search', 'unread', 'reply'):
        if not any(r['user'] == who and r['endpoint'] == ep for r in rows):
            continue
        s50, b50, s99, b99 = med('small', who, ep, 'p50_ms'), med('big', who, ep, 'p50_ms'), med('small', who, ep, 'p99_ms'), med('big', who, ep, 'p99_ms')
        if b50 == 0 or s50 == 0:
            print(f'| {who} | {ep} | {s50:.2f} ms | no response within a round | – | {s99:.2f} ms | – | – |')
            continue
        print(f'| {who} | {ep} | {s50:.2f} ms | {b50:.2f} ms | {b50 / s50:.2f}× | {s99:.2f} ms | {b99:.2f} ms | {b99 / s99:.2f}× |')
EOF
if [ "$failures" != 0 ]; then
  echo "bigdb: FAILED: $failures run(s) had responses that were not 2xx or socket errors (see above)" >&2
  exit 1
fi
echo "bigdb: every response was 2xx"
