#!/usr/bin/env bash
# Runs every test on a fresh machine (the README's second command):
#   installs what the tests need when it is missing (Debian's chromium, postgresql, poppler-utils, redis-server; axe-core
#   from npm), starts a throwaway PostgreSQL server and a Redis server on 127.0.0.1 for the run, and runs `dotnet test`.
# Extra arguments go to `dotnet test` (for example: ./test.sh --filter Culture).
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# axe-core, which the browser tests inject to check each page's accessibility.
[ -f tests/Learning.BrowserTests/node_modules/axe-core/axe.min.js ] || (cd tests/Learning.BrowserTests && npm ci --no-audit --no-fund --silent)

# A throwaway PostgreSQL server, as the current user (or as 'postgres' when run as root: it refuses root).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/learning-pg.XXXXXX)
pg_port=${LEARNING_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$pg_dir"
  pg() { runuser -u postgres -- "$@"; }
else
  pg() { "$@"; }
fi
pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U learning >/dev/null
pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" -l "$pg_dir/log" -w start >/dev/null
stop_pg() { pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
export LEARNING_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=learning;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

# A throwaway Redis server, for the tests of several nodes (nothing saved to disk).
redis_port=${LEARNING_REDIS_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes \
  --pidfile "$pg_dir/redis.pid" --logfile "$pg_dir/redis.log" --dir "$pg_dir"
stop_servers() { if [ -f "$pg_dir/redis.pid" ]; then kill "$(cat "$pg_dir/redis.pid")" 2>/dev/null || true; fi; stop_pg; }
trap stop_servers EXIT
export LEARNING_TEST_REDIS="127.0.0.1:$redis_port"
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$redis_port"

# Each project also writes a TRX file, so that a failure is named again at the very end of the output, where a reader of
# a long log (a CI tail) looks first.
results="$pg_dir/results"
status=0
dotnet test Learning.sln --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" "$@" || status=$?
if [ "$status" != 0 ]; then python3 tools/failed-tests.py "$results"/*.trx || true; fi
exit "$status"
