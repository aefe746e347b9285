# Shared by the benchmarks: tools, the published site on SQLite with content/, nginx as the reference,
# and wrk. Source it from a script that has done `cd` to the repository.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs Debian's wrk (and nginx-light when the benchmark compares with nginx) if missing.
need_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  if [ "${1:-}" = nginx ]; then command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light); fi
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# A work folder removed on exit (KEEP=1 keeps it), with the site, nginx and PostgreSQL stopped.
work=$(mktemp -d /tmp/learning-bench.XXXXXX)
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "${pg_port:-}" ] && pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
  sleep 1
  if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_pg: a throwaway PostgreSQL server on 127.0.0.1, as test.sh starts one (installed when missing); stopped on exit.
start_pg() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$work/pg"
  # As root, the server runs as postgres, which must reach its folder inside the work folder.
  if [ "$(id -u)" = 0 ]; then chmod 755 "$work"; chown postgres:postgres "$work/pg"; pg() { runuser -u postgres -- "$@"; }; else pg() { "$@"; }; fi
  pg "$pg_bin/initdb" -D "$work/pg/data" -A trust -U learning >/dev/null
  pg_port=$(free_port)
  pg "$pg_bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off" \
    -l "$work/pg/log" -w start >/dev/null
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

# Publishes the site in Release and starts it on 127.0.0.1:$1 (SQLite unless settings after the port say otherwise,
# content imported, e-mail into the pickup folder every second, no limit on account posts so that many learners can
# register). Sessions are checked again after an hour, not a minute: wrk sends each learner's cookie as it was at
# sign-in and never keeps the renewed one a browser keeps, so after a minute every request would check the account
# again (a browser: once a minute).
start_site() {
  echo "Publishing the site (Release)..."
  dotnet publish src/Learning.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
  echo "Starting the site on 127.0.0.1:$1 (content imported)..."
  env "${@:2}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Learning__DataPath="$work/data" Learning__Content__Folder="${CONTENT_FOLDER:-$PWD/content}" \
  Learning__Email__SendIntervalSeconds=1 Learning__AccountPostsPerMinute=100000 Learning__Accounts__SessionCheckSeconds=3600 \
    dotnet "$work/app/Learning.Web.dll" --urls "http://127.0.0.1:$1" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && break; sleep 0.5; done
}

# Starts nginx on 127.0.0.1:$1 serving a 10 KB static page at /index.html.
start_nginx() {
  local nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$work/www"
  chmod 755 "$work" "$work/www"  # nginx workers run as another user
  head -c 10240 /dev/zero | tr '\0' 'x' > "$work/www/index.html"
  chmod 644 "$work/www/index.html"
  cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$1; root $work/www; }
}
CONF
  "$nginx_bin" -c "$work/nginx.conf" -p "$work"
}

# wrk -t2 -c64 for $duration seconds on a URL, with an optional Lua script: prints "requests/s|errors|p99".
measure() {
  local out
  out=$(wrk -t2 -c64 -d"${duration}s" --latency ${2:+-s "$2"} "$1")
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out")|$(awk '/Socket errors|Non-2xx/ {s=s $0 "; "} END {print (s == "" ? "none" : s)}' <<<"$out")|$(awk '/ 99%/ {print $2}' <<<"$out")"
}

# The same without keeping the figures: the first seconds of a fresh process run code not yet optimised
# by the JIT, which a site that has been up for a while no longer does.
warm_up() { wrk -t2 -c64 -d10s ${2:+-s "$2"} "$1" >/dev/null; }
