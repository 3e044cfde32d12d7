# Helpers the bench scripts share; each sources this file after setting bench_name (the prefix of its
# messages) and work (its temporary folder).

fail() { echo "$bench_name: $*" >&2; exit 1; }

# Installs Debian packages (as root), updating the package lists once if the first attempt fails.
install_packages() {
  [ "$(id -u)" = 0 ] || fail "$* missing; install it (apt-get install -y $*) or run as root"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null; } \
    || fail "could not install $*"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

load() { cut -d' ' -f1-3 /proc/loadavg; }

# Stops the apps whose process ids the script keeps in its associative array server_pids (by key).
stop_apps() {
  local key
  for key in "${!server_pids[@]}"; do
    kill "${server_pids[$key]}" 2>/dev/null || true
    wait "${server_pids[$key]}" 2>/dev/null || true
    unset "server_pids[$key]"
  done
}

# Prints the folder of PostgreSQL's server binaries (Debian's postgresql package, installed when missing).
postgres_binaries() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    install_packages postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || fail "no PostgreSQL server binaries (initdb) found"
  id postgres >/dev/null 2>&1 || fail "no postgres system user to run the server as"
  echo "$bin"
}

# Signs EMAIL in with PASSWORD through the Identity login form of the app at BASE; prints the Cookie
# header value of the session.
login_cookie() {
  local base=$1 email=$2 password=$3 jar="$work/cookies" page token
  rm -f "$jar"
  page=$(curl -fs -c "$jar" -b "$jar" "$base/Identity/Account/Login") || fail "the login page did not load"
  token=$(grep -o -m1 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
  [ -n "$token" ] || fail "no antiforgery token on the login page"
  curl -fs -c "$jar" -b "$jar" -o /dev/null \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Identity/Account/Login" || fail "the login form was refused"
  # Netscape cookie jar: name and value are the last two fields; HttpOnly lines start with "#HttpOnly_".
  awk -F'\t' '(/^#HttpOnly_/ || !/^#/) && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

# Prints a bearer token of EMAIL with PASSWORD from the app at BASE (POST /identity/login).
bearer_token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$2\",\"password\":\"$3\"}" "$1/identity/login" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])' || fail "POST /identity/login gave no bearer token"
}
