#!/usr/bin/env bash
# Benchmark: an anonymous practice page of the platform against nginx serving a 10 KB static page,
# measured in one run on the same machine with wrk (64 connections), and the ratio of their requests/s.
# Goal (issue 3): at least 0.5 × nginx, with no errors. Usage: bench/practice-page.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/learning-bench.XXXXXX)
app_port=5190
nginx_port=5191
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing the site (Release)..."
dotnet publish src/Learning.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

echo "Starting the site on 127.0.0.1:$app_port (SQLite, content imported)..."
ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
Learning__DataPath="$work/data" \
Learning__Content__Folder="$PWD/content" \
  dotnet "$work/app/Learning.Web.dll" --urls "http://127.0.0.1:$app_port" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$app_port/health" >/dev/null 2>&1 && break; sleep 0.5; done

echo "Starting nginx on 127.0.0.1:$nginx_port with a 10 KB page..."
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
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -p "$work"

page="http://127.0.0.1:$app_port/en/toolbox/spoc-skills-validation-support"
curl -fs -o /dev/null "$page"   # the first visit renders and caches it

run() { # url -> "requests/s errors"
  local out
  out=$(wrk -t2 -c64 -d"${duration}s" --latency "$1")
  local rps errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  errors=$(awk '/Socket errors|Non-2xx/ {s=s $0 "; "} END {print (s == "" ? "none" : s)}' <<<"$out")
  echo "$rps|$errors|$(awk '/ 99%/ {print $2}' <<<"$out")"
}

echo "wrk -t2 -c64 -d${duration}s, nginx first, then the practice page..."
IFS='|' read -r nginx_rps nginx_errors nginx_p99 <<<"$(run "http://127.0.0.1:$nginx_port/index.html")"
IFS='|' read -r page_rps page_errors page_p99 <<<"$(run "$page")"
ratio=$(awk -v a="$page_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')

echo
echo "nginx, 10 KB static page:     $nginx_rps requests/s (p99 $nginx_p99), errors: $nginx_errors"
echo "practice page (anonymous):    $page_rps requests/s (p99 $page_p99), errors: $page_errors"
echo "ratio page / nginx:           $ratio (goal: at least 0.50)"
