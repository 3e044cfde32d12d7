#!/usr/bin/env bash
# Live updates and sustained load of two instances of the sample (issue 23, items 3 to 5): starts a
# throw-away PostgreSQL and Redis, seeds users user1@example.com ... with bench/UserMessages.Seeder,
# starts two instances of the sample in Release (one database, the Redis backplane, one shared
# data-protection key ring, Production, sending limits off) and runs bench/UserMessages.LiveLoad.
#
#   bench/liveload.sh live       1,000 users connected over WebSockets, half to each instance; 50 replies
#                                a second through the API for 5 minutes; every delivery timed from the
#                                start of its POST to the messageSent event; lost events, memory per
#                                connection, CPU per instance and PostgreSQL's
#   bench/liveload.sh mixed      10 minutes of 90 % reads (inbox page, thread page, JSON inbox, with the
#                                session cookie of the login form) and 10 % replies (bearer token) by 300
#                                users over both instances; non-2xx, RSS every 30 s, errors in the logs
#   bench/liveload.sh redis      the live run at 20 messages/s; 30 s in, Redis stopped for 10 s then started
#   bench/liveload.sh postgres   the same with PostgreSQL restarted (pg_ctl restart -m fast)
#   bench/liveload.sh instance   the same with the second instance killed (kill -9); its clients
#                                reconnect to the first
#
# Settings (environment variables, defaults in brackets; "live" defaults, then others'):
#   LIVELOAD_USERS [1000; mixed 300]   LIVELOAD_RATE [50 messages/s; faults 20; mixed 200 requests/s]
#   LIVELOAD_DURATION [300 s; faults 90; mixed 600]   LIVELOAD_WARMUP [20 s, not measured]
#   LIVELOAD_GRACE [10 s for late events]   LIVELOAD_FAULT_AT [30 s into the measured time]
#   LIVELOAD_MAX_IN_FLIGHT [64: mixed mode sends no more than this many requests at once; one due
#   beyond it is counted as not sent]
#   LIVELOAD_PROBE_RATE [0; faults 10 reads of the JSON inbox a second]   LIVELOAD_SAMPLE_EVERY [10 s; mixed 30]
#   LIVELOAD_CATCH_UP [0; 1: clients call the hub's State(threadId) after a reconnect and every 30 s]
#   LIVELOAD_POOL [100, Npgsql's default: the Maximum Pool Size of each instance; an open hub connection
#   holds no database connection, so 1,000 sockets need no more]
#   LIVELOAD_SEED_USERS [1000]   LIVELOAD_THREADS_PER_USER [4]   LIVELOAD_MESSAGES_PER_THREAD [3]
#   LIVELOAD_BUILD [1; 0 runs what the last build left in bin/Release]
#   LIVELOAD_RESULTS [docs/benchmarks/liveload/MODE]: summary.json, seconds.tsv (live), samples.tsv,
#   tool.log, app-errors.txt
# PostgreSQL listens on 127.0.0.1:15800, Redis on 127.0.0.1:16800, the instances on 127.0.0.1:5400 and
# 5401; data in a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

mode=${1:-live}
case $mode in
  live) def_users=1000 def_rate=50 def_duration=300 def_probe=0 def_sample=10 ;;
  redis | postgres | instance) def_users=1000 def_rate=20 def_duration=90 def_probe=10 def_sample=10 ;;
  mixed) def_users=300 def_rate=200 def_duration=600 def_probe=0 def_sample=30 ;;
  *) echo "liveload: usage: bench/liveload.sh [live|mixed|redis|postgres|instance]" >&2; exit 2 ;;
esac
users=${LIVELOAD_USERS:-$def_users}
rate=${LIVELOAD_RATE:-$def_rate}
duration=${LIVELOAD_DURATION:-$def_duration}
warmup=${LIVELOAD_WARMUP:-20}
grace=${LIVELOAD_GRACE:-10}
fault_at=${LIVELOAD_FAULT_AT:-30}
probe_rate=${LIVELOAD_PROBE_RATE:-$def_probe}
sample_every=${LIVELOAD_SAMPLE_EVERY:-$def_sample}
catch_up=${LIVELOAD_CATCH_UP:-0}
seed_users=${LIVELOAD_SEED_USERS:-1000}
pool=${LIVELOAD_POOL:-100}
threads_per_user=${LIVELOAD_THREADS_PER_USER:-4}
messages_per_thread=${LIVELOAD_MESSAGES_PER_THREAD:-3}
results=${LIVELOAD_RESULTS:-docs/benchmarks/liveload/$mode}
pg_port=15800
redis_port=16800
ports=(5400 5401)

work=$(mktemp -d /tmp/usermessages-liveload.XXXXXX)
bench_name=liveload
. "$root/bench/lib.sh"
chmod 755 "$work"
# The instances' processes by index (stop_apps in lib.sh stops them), and as the tool's comma-separated list.
declare -A server_pids
app_pids=""
pgbin=""
pgdata=""

stop_redis() {
  if [ -f "$work/redis.pid" ]; then
    kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  fi
}

stop_postgres() {
  if [ -n "$pgdata" ] && [ -f "$pgdata/postmaster.pid" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  pgdata=""
}

cleanup() {
  stop_apps
  stop_redis
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v curl >/dev/null || install_packages curl
command -v redis-server >/dev/null || install_packages redis-server
for n in "$pool" "$users" "$rate" "$duration" "$warmup" "$grace" "$fault_at" "$seed_users" "$threads_per_user" "$messages_per_thread" "$sample_every"; do
  [[ $n =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "settings are numbers, not '$n'"
done
[ "$users" -le "$seed_users" ] || fail "LIVELOAD_USERS ($users) is more than LIVELOAD_SEED_USERS ($seed_users)"
[ "$threads_per_user" -le 25 ] || fail "LIVELOAD_THREADS_PER_USER must fit the inbox's first page (25)"

if [ "${LIVELOAD_BUILD:-1}" != 0 ]; then
  echo "liveload: building the sample, the seeder and the load tool (Release)"
  for project in bench/UserMessages.Seeder bench/UserMessages.LiveLoad; do
    dotnet build "$project" -c Release -nologo -v quiet >>"$work/build.log" 2>&1 \
      || { cat "$work/build.log"; fail "$project did not build"; }
  done
fi
dll="$root/samples/UserMessages.Sample/bin/Release/net10.0/UserMessages.Sample.dll"
seeder="$root/bench/UserMessages.Seeder/bin/Release/net10.0/UserMessages.Seeder.dll"
tool="$root/bench/UserMessages.LiveLoad/bin/Release/net10.0/UserMessages.LiveLoad.dll"
[ -f "$dll" ] && [ -f "$seeder" ] && [ -f "$tool" ] || fail "no $dll, $seeder or $tool after the build"

# PostgreSQL: Debian's package, a throw-away server; durable settings, shared buffers raised, room
# for two instances' pools and the seeder.
pgbin=$(postgres_binaries) || exit 1
for port in "$pg_port" "$redis_port" "${ports[@]}"; do
  port_free "$port" || fail "port $port is in use; stop what listens there"
done
pgdata="$work/pg"
mkdir -p "$pgdata" && chown postgres "$pgdata"
runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres -A trust >/dev/null || fail "initdb failed"
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-h 127.0.0.1 -p $pg_port -k $pgdata -c shared_buffers=512MB -c max_connections=$((2 * pool + 50))" start >/dev/null \
  || { cat "$pgdata/server.log" >&2; fail "PostgreSQL did not start"; }

# Redis: no persistence, 127.0.0.1 only, its pid in a file (a fault starts it again).
mkdir -p "$work/redis"
redis_start="redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile $work/redis.pid --dir $work/redis --logfile $work/redis.log"
start_redis() {
  eval "$redis_start"
  for _ in $(seq 1 50); do
    redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  fail "Redis did not start"
}
start_redis

settings=(
  "Messages__Provider=Postgres"
  "ConnectionStrings__MessagesPostgres=Host=127.0.0.1;Port=$pg_port;Database=usermessages;Username=postgres;Maximum Pool Size=$pool;Max Auto Prepare=32"
  "Messages__Redis=127.0.0.1:$redis_port"
  "Sample__DataProtectionKeys=$work/keys"
  "Sample__MailPickupDirectory=$work/mail"
  "Messages__Limits__MessagesPerMinute=0"
  "Messages__Limits__MessagesPerDay=0"
  "ASPNETCORE_ENVIRONMENT=Production"
)

echo "liveload: seeding $seed_users users, $threads_per_user two-person threads each, $messages_per_thread messages per thread"
started=$SECONDS
(cd "$root/samples/UserMessages.Sample" && exec env "${settings[@]}" dotnet "$seeder" --users "$seed_users" \
  --threads-per-user "$threads_per_user" --messages-per-thread "$messages_per_thread") >"$work/seed.log" 2>&1 \
  || { tail -n 40 "$work/seed.log" >&2; fail "seeding failed"; }
echo "liveload: seeded in $((SECONDS - started)) s"
runuser -u postgres -- "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d usermessages -qX -c "VACUUM (ANALYZE)" -c "CHECKPOINT" \
  || fail "VACUUM ANALYZE failed"

instances=""
for i in "${!ports[@]}"; do
  base="http://127.0.0.1:${ports[$i]}"
  (cd "$root/samples/UserMessages.Sample" && exec env "${settings[@]}" dotnet "$dll" --urls "$base") >"$work/app-$i.log" 2>&1 &
  server_pids[$i]=$!
  app_pids+="${app_pids:+,}$!"
  instances+="${instances:+,}$base"
  for attempt in $(seq 1 121); do
    curl -fs -o /dev/null "$base/Identity/Account/Login" && break
    kill -0 "${server_pids[$i]}" 2>/dev/null || { tail -n 40 "$work/app-$i.log" >&2; fail "instance $i did not start"; }
    [ "$attempt" -le 120 ] || fail "instance $i did not answer on $base within 60 s"
    sleep 0.5
  done
done
echo "liveload: instances $app_pids on $instances (PostgreSQL 127.0.0.1:$pg_port, Redis 127.0.0.1:$redis_port)"

# The fault, as a script the tool runs at its time.
fault_args=()
case $mode in
  redis)
    printf '%s\n' "date -u +%T.%N; redis-cli -p $redis_port shutdown nosave || true" "sleep 10" \
      "date -u +%T.%N; $redis_start" "until redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG; do sleep 0.1; done; date -u +%T.%N" >"$work/fault.sh" ;;
  postgres)
    printf '%s\n' "date -u +%T.%N" "runuser -u postgres -- $pgbin/pg_ctl -D $pgdata -l $pgdata/server.log -m fast -w restart" "date -u +%T.%N" >"$work/fault.sh" ;;
  instance)
    printf '%s\n' "date -u +%T.%N; kill -9 ${server_pids[1]}" >"$work/fault.sh" ;;
esac
if [ -f "$work/fault.sh" ]; then
  fault_args=(--fault-name "$mode" --fault-at "$fault_at" --fault-command "bash $work/fault.sh")
fi
tool_mode=live
[ "$mode" != mixed ] || tool_mode=mixed
catch_up_args=()
[ "$catch_up" = 0 ] || catch_up_args=(--catch-up)

rm -rf "$results"
mkdir -p "$results"
{
  echo "# bench/liveload.sh $mode $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores; $(free -g | awk '/^Mem:/ { print $2 " GB RAM" }'); .NET SDK $(dotnet --version); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$results/tool.log"
echo "liveload: running the tool ($tool_mode${fault_args:+, fault $mode}); load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
dotnet "$tool" --mode "$tool_mode" --instances "$instances" --results "$results" --users "$users" --rate "$rate" \
  --duration "$duration" --warmup "$warmup" --grace "$grace" --probe-rate "$probe_rate" --sample-every "$sample_every" \
  --max-in-flight "${LIVELOAD_MAX_IN_FLIGHT:-64}" \
  --app-pids "$app_pids" --postgres-pid-file "$pgdata/postmaster.pid" --redis-pid-file "$work/redis.pid" \
  "${fault_args[@]}" "${catch_up_args[@]}" 2>&1 | tee -a "$results/tool.log" || status=$?

# What the instances logged at warning level and above, and any word of pools or timeouts.
for i in "${!ports[@]}"; do
  {
    echo "== instance $i (${ports[$i]}): $(grep -cE '^(warn|fail|crit):' "$work/app-$i.log" || true) warnings/errors; lines naming a pool or a timeout: $(grep -ciE 'pool|timeout|timed out' "$work/app-$i.log" || true)"
    grep -A1 -E '^(warn|fail|crit):' "$work/app-$i.log" | grep -vE '^--$' | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -20 || true
    echo "-- the exceptions' messages, counted:"
    grep -oE '[A-Za-z.]+(Exception|Error) \(0x[0-9A-F]+\): .*|[A-Za-z.]+Exception: .*' "$work/app-$i.log" | cut -c1-200 \
      | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -15 || true
  } >>"$results/app-errors.txt"
done
cat "$results/app-errors.txt"
echo "liveload: results in $results (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
exit "$status"
