#!/usr/bin/env bash
# The benchmark in one command (issue 14). On a fresh Debian machine: installs wrk, nginx-light, postgresql,
# redis-server and openssl when missing, publishes the site in Release, and in one run, against nginx serving a
# 10 KB static page measured in the same run, on SQLite and on PostgreSQL (a throwaway server on 127.0.0.1):
#   the first start of a fresh data folder (set-up and import of content/), the fill of the default tenant
#   (impact-data.py: LEARNERS learners across STRUCTURES structures, ANSWERS answers), the cold start of the
#   installed site (process start to the first practice page served), then, each at 16 and 64 connections for
#   SECONDS_PER seconds after a warm-up: the anonymous practice page, the toolbox search, signed-in learners'
#   course pages (COURSE_LEARNERS distinct learners, their cookies in turn), answers saved (ANSWER_LEARNERS learners,
#   then a check that each one's answer is stored), BURST learners starting a validation test at the same moment,
#   and those learners submitting their test (half at 16, half at 64 in flight); the site's peak RSS (VmHWM).
#   Then two nodes behind an nginx load balancer (round robin) on PostgreSQL + Redis (redis-server on 127.0.0.1):
#   the same pages. Every line: requests/s, p50, p99, errors, and the ratio to nginx's requests/s in this run.
# Settings (environment): SECONDS_PER=10 LEARNERS=100000 STRUCTURES=200 ANSWERS=1000000 COURSE_LEARNERS=128
#   ANSWER_LEARNERS=128 BURST=500 DATABASES="sqlite postgres" TWO_NODES=1 (0: skip) APP=<a published site to reuse>
#   KEEP=1 (keep the work folder). Usage: bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER=${SECONDS_PER:-10}
LEARNERS=${LEARNERS:-100000}
STRUCTURES=${STRUCTURES:-200}
ANSWERS=${ANSWERS:-1000000}
COURSE_LEARNERS=${COURSE_LEARNERS:-128}
ANSWER_LEARNERS=${ANSWER_LEARNERS:-128}
BURST=${BURST:-500}
DATABASES=${DATABASES:-sqlite postgres}
TWO_NODES=${TWO_NODES:-1}
WARM_UP=${WARM_UP:-5}
began_run=$(date +%s)
source bench/lib.sh

# Everything this script starts is stopped on exit, failure or Ctrl-C: the sites, nginx, PostgreSQL, Redis.
declare -A node_pid=()
pg_bin= pg_port= redis_pid= sampler_pid= lb_started=
stop_all() {
  local name
  for name in "${!node_pid[@]}"; do kill "${node_pid[$name]}" 2>/dev/null || true; done
  [ -n "$lb_started" ] && [ -f "$work/lb.pid" ] && kill "$(cat "$work/lb.pid")" 2>/dev/null || true
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null || true
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  for name in "${!node_pid[@]}"; do wait "${node_pid[$name]}" 2>/dev/null || true; done
  cleanup
}
trap stop_all EXIT
trap 'exit 130' INT TERM

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# load_since LINE: the lowest–highest 1-min load average sampled since that line of the samples.
load_since() { tail -n +"$(($1 + 1))" "$work/load" | sort -n | awk 'NR == 1 {min = $1} {max = $1} END {print (NR ? min "–" max : "not sampled")}'; }
now_ms() { date +%s%3N; }
chmod 755 "$work"

# The machine, and its load average every 5 s during the run.
machine="$(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
(while :; do cut -d' ' -f1 /proc/loadavg >>"$work/load"; sleep 5; done) &
sampler_pid=$!

if [ -n "${APP:-}" ]; then
  app=$APP
else
  echo "Publishing the site (Release)..."
  dotnet publish src/Learning.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
  app=$work/app
fi

# start_node NAME DATA PORT [VAR=value ...]: starts the published site; sets started_ms (process start) and waits
# until the practice page is served; ready_ms is then the time it took.
practice=/en/toolbox/spoc-skills-validation-support
# Sessions are checked again after an hour: see start_site in lib.sh (wrk never keeps a renewed cookie).
start_node() {
  local name=$1 data=$2 port=$3; shift 3
  started_ms=$(now_ms)
  env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Learning__DataPath="$data" Learning__Content__Folder="${CONTENT_FOLDER:-$PWD/content}" \
    Learning__Email__SendIntervalSeconds=1 Learning__AccountPostsPerMinute=100000 Learning__Accounts__SessionCheckSeconds=3600 "$@" \
    dotnet "$app/Learning.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$app" >>"$data.log" 2>&1 &
  node_pid[$name]=$!
  for _ in $(seq 1 6000); do
    curl -fso /dev/null "http://127.0.0.1:$port$practice" 2>/dev/null && { ready_ms=$(($(now_ms) - started_ms)); return; }
    kill -0 "${node_pid[$name]}" 2>/dev/null || break
    sleep 0.02
  done
  echo "the site ($name) did not start:"; tail -30 "$data.log"; exit 1
}
stop_node() { kill "${node_pid[$1]}" 2>/dev/null || true; wait "${node_pid[$1]}" 2>/dev/null || true; unset "node_pid[$1]"; }
peak_rss() { awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/${node_pid[$1]}/status"; }

# wrk_at CONNECTIONS URL [LUA]: "requests/s|errors|p50|p99".
wrk_at() {
  local out
  out=$(wrk -t2 -c"$1" -d"${SECONDS_PER}s" --latency ${3:+-s "$3"} "$2")
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out")|$(awk '
    /Non-2xx/ {s = s $NF " HTTP errors "}
    /Socket errors/ {gsub(",", ""); for (i = 3; i < NF; i += 2) if ($(i + 1) > 0) s = s $(i + 1) " " $i " "}
    END {print (s == "" ? "none" : s)}' <<<"$out")|$(awk '/ 50%/ {print $2}' <<<"$out")|$(awk '/ 99%/ {print $2}' <<<"$out")"
}
warm_up_at() { wrk -t2 -c64 -d"${WARM_UP}s" ${2:+-s "$2"} "$1" >/dev/null; }

# The results: a Markdown table, each row printed as it is measured.
declare -A nginx_rps=() rps_of=()
rows=() measured=()
row() {  # row SECTION WHAT CONNECTIONS "rps|errors|p50|p99"
  local rps errors p50 p99 ratio reference
  IFS='|' read -r rps errors p50 p99 <<<"$4"
  reference=${nginx_rps[$1|$3]:-${nginx_rps[$1|64]:-}}
  ratio=$([ -n "$reference" ] && awk -v a="$rps" -v b="$reference" 'BEGIN { printf "%.3f", a / b }' || echo "")
  rows+=("| $1 | $2 | $3 | $rps | $p50 | $p99 | $errors | $ratio |")
  rps_of[$1|$2|$3]=$rps
  [ "$1" != PostgreSQL ] || measured+=("$2|$3")
  printf '  %-46s %4s conn.  %10s req/s  p50 %8s  p99 %8s  errors: %-12s ratio %s\n' "$2" "$3" "$rps" "$p50" "$p99" "$errors" "$ratio"
}
notes=()
note() { notes+=("- $1: $2"); echo "  $2"; }

# db_query PROVIDER DB SQL: the first column of each row.
db_query() {
  if [ "$1" = sqlite ]; then python3 -c 'import sqlite3, sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$2" "$3"
  else psql "$2" -At -c "$3"; fi
}
attempt_ids() { python3 -c 'import json, re, sys; print(",".join(re.search(r"/attempts/(\d+)", e["question"]).group(1) for e in json.load(open(sys.argv[1])) if e.get("question")))' "$1"; }

# The data-protection certificate and media folder every PostgreSQL node uses (one key ring protection, one media).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/keyring.key" -out "$work/keyring.crt" -days 30 -subj "/CN=Learning bench" 2>/dev/null
openssl pkcs12 -export -out "$work/keyring.pfx" -inkey "$work/keyring.key" -in "$work/keyring.crt" -passout pass:bench
mkdir -p "$work/media"

# measure_pages SECTION SITE DATA PROVIDER DB: every page and form at 16 and 64 connections.
measure_pages() {
  local section=$1 site=$2 data=$3 provider=$4 db=$5 c out
  local samples; samples=$(wc -l <"$work/load")
  echo "nginx, 10 KB static page..."
  for c in 16 64; do out=$(wrk_at $c "$nginx_url"); nginx_rps[$section|$c]=${out%%|*}; row "$section" "nginx, 10 KB static page" $c "$out"; done

  # Compression and caching, as a browser asks for them: the practice page and the stylesheet it links to.
  local headers css
  headers=$(curl -s -D - -o /dev/null -H "Accept-Encoding: br, gzip" "$site$practice" | tr -d '\r')
  css=$(curl -s "$site$practice" | grep -o 'href="[^"]*\.css[^"]*"' | head -n 1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g' || true)
  note "$section" "practice page: Content-Encoding $(awk -F': ' 'tolower($1) == "content-encoding" {print $2}' <<<"$headers" | grep . || echo none)"
  if [ -n "$css" ]; then
    headers=$(curl -s -D - -o /dev/null -H "Accept-Encoding: br, gzip" "$site$css" | tr -d '\r')
    note "$section" "$css: Content-Encoding $(awk -F': ' 'tolower($1) == "content-encoding" {print $2}' <<<"$headers" | grep . || echo none), Cache-Control $(awk -F': ' 'tolower($1) == "cache-control" {print $2}' <<<"$headers" | grep . || echo none)"
  fi

  echo "Anonymous practice page, then the toolbox search..."
  warm_up_at "$site$practice"
  for c in 16 64; do row "$section" "practice page (anonymous)" $c "$(wrk_at $c "$site$practice")"; done
  local search="$site/en/toolbox?q=mentoring"
  warm_up_at "$search"
  for c in 16 64; do row "$section" "toolbox search (?q=mentoring)" $c "$(wrk_at $c "$search")"; done

  # Learners enrolled who never started a test, three groups, each signed in just before its measurements (their
  # sessions are checked again after an hour: see start_node).
  local total=$((COURSE_LEARNERS + BURST + ANSWER_LEARNERS))
  python3 bench/impact-data.py pick "$provider" "$db" "$total" >"$work/emails"
  [ "$(wc -l <"$work/emails")" -ge "$total" ] || { echo "only $(wc -l <"$work/emails") learners to sign in, $total needed"; exit 1; }
  head -n "$COURSE_LEARNERS" "$work/emails" >"$work/course.emails"
  sed -n "$((COURSE_LEARNERS + 1)),$((COURSE_LEARNERS + BURST))p" "$work/emails" >"$work/burst.emails"
  tail -n "$ANSWER_LEARNERS" "$work/emails" >"$work/answers.emails"

  echo "Signing in $COURSE_LEARNERS learners, then their course pages in turn..."
  python3 bench/crowd.py signin "$site" "$work/course.emails" "$work/course.json"
  python3 bench/crowd.py course-lua "$work/course.json" "$work/course.lua"
  warm_up_at "$site" "$work/course.lua"
  for c in 16 64; do row "$section" "course page ($COURSE_LEARNERS signed-in learners)" $c "$(wrk_at $c "$site" "$work/course.lua")"; done

  echo "Signing in $ANSWER_LEARNERS learners, starting their tests; each request saves one learner's answer..."
  python3 bench/crowd.py signin "$site" "$work/answers.emails" "$work/answers.json"
  python3 bench/crowd.py start "$site" "$work/answers.json" "$work/answering.json" >/dev/null
  python3 bench/crowd.py answers-lua "$site" "$work/answering.json" "$work/answers.lua"
  warm_up_at "$site" "$work/answers.lua"
  for c in 16 64; do row "$section" "save an answer ($ANSWER_LEARNERS learners)" $c "$(wrk_at $c "$site" "$work/answers.lua")"; done
  local ids; ids=$(attempt_ids "$work/answering.json")
  note "$section" "learners whose answer is stored: $(db_query "$provider" "$db" "SELECT COUNT(DISTINCT \"AttemptId\") FROM \"AttemptAnswers\" WHERE \"Position\" = 0 AND \"AttemptId\" IN (${ids:-0})") of $ANSWER_LEARNERS"
  # These learners' tests started (untimed) and now submitted (untimed): the burst and the submissions below do not
  # pay for code the JIT has not compiled yet, as on a site up for a while.
  python3 bench/crowd.py submit "$site" "$work/answering.json" 16 0 "$ANSWER_LEARNERS" >/dev/null

  echo "Signing in $BURST learners; all start part 1's validation test at the same moment, then submit it..."
  python3 bench/crowd.py signin "$site" "$work/burst.emails" "$work/burst.json"
  row "$section" "start a validation test, $BURST at once" "$BURST" "$(python3 bench/crowd.py start "$site" "$work/burst.json" "$work/started.json")"
  local half=$((BURST / 2))
  row "$section" "submit a test (each learner once)" 16 "$(python3 bench/crowd.py submit "$site" "$work/started.json" 16 0 "$half")"
  row "$section" "submit a test (each learner once)" 64 "$(python3 bench/crowd.py submit "$site" "$work/started.json" 64 "$half" "$((BURST - half))")"
  ids=$(attempt_ids "$work/started.json")
  note "$section" "tests started by the burst: $(db_query "$provider" "$db" "SELECT COUNT(*) FROM \"Attempts\" WHERE \"Id\" IN (${ids:-0})") of $BURST learners; submitted: $(db_query "$provider" "$db" "SELECT COUNT(*) FROM \"Attempts\" WHERE \"Id\" IN (${ids:-0}) AND \"SubmittedUtc\" IS NOT NULL")"
  note "$section" "load average (1 min) during these measurements: $(load_since "$samples")"
}

# bench_db PROVIDER: one node on SQLite or PostgreSQL.
bench_db() {
  local provider=$1 data="$work/$1" db settings=() began
  local section; section=$([ "$provider" = sqlite ] && echo SQLite || echo PostgreSQL)
  if [ "$provider" = postgres ]; then
    [ -n "$pg_port" ] || start_pg
    db="host=127.0.0.1 port=$pg_port user=learning dbname=learning"
    settings=(Learning__Database__Provider=Postgres "Learning__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=learning;Database=learning;Maximum Pool Size=150"
              Learning__MediaPath="$work/media" Learning__DataProtection__CertificatePath="$work/keyring.pfx" Learning__DataProtection__CertificatePassword=bench)
  else
    db="$data/Sites/default/learning.db"
  fi
  local port; port=$(free_port)
  echo "== $section: a fresh data folder's first start (set-up, import of content/)..."
  start_node one "$data" "$port" "${settings[@]}" Logging__LogLevel__Learning.Modules.Core.Tenancy.TenantSetup=Information \
    Logging__Console__UseUtcTimestamp=true "Logging__Console__TimestampFormat=yyyy-MM-dd HH:mm:ss.fff "
  local set_up; set_up=$(awk '/TenantSetup\[/ {at = $1 " " $2} /Tenant default is set up/ {print at; exit}' "$data.log")
  set_up=$([ -n "$set_up" ] && echo "$(( $(date -u -d "$set_up" +%s%3N) - started_ms )) ms" || echo "not found in the log")
  note "$section" "first start of a fresh data folder: set-up done (schema, roles, administrator, import of content/) $set_up after the process started; first practice page served at $ready_ms ms"
  stop_node one
  echo "Filling the default tenant ($LEARNERS learners, $STRUCTURES structures, $ANSWERS answers)..."
  began=$(now_ms)
  local volumes; volumes=$(python3 bench/impact-data.py fill "$provider" "$db" --learners "$LEARNERS" --structures "$STRUCTURES" --answers "$ANSWERS")
  note "$section" "generated in $(( ($(now_ms) - began) / 1000 )) s: $volumes"
  start_node one "$data" "$port" "${settings[@]}"
  note "$section" "cold start of the installed site, process start to the first practice page: $ready_ms ms"
  measure_pages "$section" "http://127.0.0.1:$port" "$data" "$provider" "$db"
  note "$section" "the site's peak RSS (VmHWM): $(peak_rss one); server errors logged: $(grep -c "fail:" "$data.log" || true)"
  stop_node one
}

# Two nodes on PostgreSQL + Redis behind nginx (round robin), on the PostgreSQL section's database.
bench_two_nodes() {
  local section="2 nodes, PostgreSQL + Redis" lb_port redis_port port_a port_b
  local solo_port
  lb_port=$(free_port); redis_port=$(free_port); port_a=$(free_port); port_b=$(free_port); solo_port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  redis_pid=$!
  local nginx_bin; nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  cat >"$work/lb.conf" <<CONF
worker_processes auto;
pid $work/lb.pid;
error_log $work/lb-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream learning { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; keepalive 128; }
  upstream node_a { server 127.0.0.1:$port_a; keepalive 128; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host:\$server_port;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  server { listen 127.0.0.1:$lb_port; location / { proxy_pass http://learning; } }
  # Node A alone behind the same proxy: what the proxy costs, apart from the second node.
  server { listen 127.0.0.1:$solo_port; location / { proxy_pass http://node_a; } }
}
CONF
  "$nginx_bin" -c "$work/lb.conf" -p "$work"
  lb_started=1
  # Each node has its own data folder (what they share is in PostgreSQL, Redis, the media folder and the certificate).
  mkdir -p "$work/node-b"
  local shared=(Learning__Database__Provider=Postgres "Learning__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=learning;Database=learning;Maximum Pool Size=150"
                Learning__Redis="127.0.0.1:$redis_port" Learning__MediaPath="$work/media"
                Learning__DataProtection__CertificatePath="$work/keyring.pfx" Learning__DataProtection__CertificatePassword=bench
                Learning__BaseUrl="http://127.0.0.1:$lb_port" Learning__KnownProxies__0=127.0.0.1)
  echo "== $section: node A on :$port_a, node B on :$port_b, nginx round robin on :$lb_port, Redis on :$redis_port"
  start_node a "$work/postgres" "$port_a" "${shared[@]}"
  note "$section" "node A cold start: $ready_ms ms"
  start_node b "$work/node-b" "$port_b" "${shared[@]}"
  note "$section" "node B cold start: $ready_ms ms"
  measure_pages "$section" "http://127.0.0.1:$lb_port" "$work/postgres" postgres "host=127.0.0.1 port=$pg_port user=learning dbname=learning"
  echo "Node A alone behind the same nginx (anonymous pages)..."
  local solo="1 node behind nginx, PostgreSQL + Redis" c
  for c in 16 64; do nginx_rps[$solo|$c]=${nginx_rps[$section|$c]}; done
  warm_up_at "http://127.0.0.1:$solo_port$practice"
  for c in 16 64; do row "$solo" "practice page (anonymous)" $c "$(wrk_at $c "http://127.0.0.1:$solo_port$practice")"; done
  for c in 16 64; do row "$solo" "toolbox search (?q=mentoring)" $c "$(wrk_at $c "http://127.0.0.1:$solo_port/en/toolbox?q=mentoring")"; done
  note "$section" "peak RSS (VmHWM): node A $(peak_rss a), node B $(peak_rss b); server errors logged: A $(grep -c "fail:" "$work/postgres.log" || true), B $(grep -c "fail:" "$work/node-b.log" || true); nginx errors: $(grep -c "\[error\]" "$work/lb-error.log" || true)"
  note "$section" "Redis: $(redis-cli -p "$redis_port" info stats | tr -d '\r' | awk -F: '/^total_commands_processed/ {print $2}') commands processed, $(redis-cli -p "$redis_port" info clients | tr -d '\r' | awk -F: '/^connected_clients/ {print $2 - 1}') clients connected at the end (whether the nodes use it depends on the site's Redis support)"
  stop_node a; stop_node b
}

reference_port=$(free_port)
start_nginx "$reference_port"
nginx_url="http://127.0.0.1:$reference_port/index.html"
for provider in $DATABASES; do bench_db "$provider"; done
if [ "$TWO_NODES" != 0 ]; then
  case " $DATABASES " in *" postgres "*) bench_two_nodes ;; *) echo "(two nodes skipped: they run on the PostgreSQL section's database)";; esac
fi

kill "$sampler_pid" 2>/dev/null || true; sampler_pid=
load=$(sort -n "$work/load" | awk 'NR == 1 {min = $1} {max = $1} END {print min "–" max}')
echo
echo "$(date -u '+%F %H:%M') UTC, $machine, load average (1 min) $load during the run; $SECONDS_PER s per measurement after a ${WARM_UP} s warm-up;"
echo "$LEARNERS learners, $STRUCTURES structures, $ANSWERS answers. Total time: $(( $(date +%s) - began_run )) s."
echo
echo "| section | what | connections | requests/s | p50 | p99 | errors | ratio to nginx |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
echo
printf '%s\n' "${notes[@]}"
if [ -n "${rps_of[2 nodes, PostgreSQL + Redis|nginx, 10 KB static page|64]:-}" ] && [ ${#measured[@]} -gt 0 ]; then
  echo
  echo "What the second node adds: requests/s of two nodes behind nginx against one node on PostgreSQL (no proxy, no Redis)."
  echo
  echo "| what | connections | 1 node, PostgreSQL | 1 node behind nginx (Redis) | 2 nodes behind nginx (Redis) | 2 nodes ÷ 1 node | 2 nodes ÷ 1 node behind nginx |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for key in "${measured[@]}"; do
    one=${rps_of[PostgreSQL|$key]} solo=${rps_of[1 node behind nginx, PostgreSQL + Redis|$key]:-} two=${rps_of[2 nodes, PostgreSQL + Redis|$key]:-}
    if [ -n "$two" ]; then
      echo "| ${key%|*} | ${key##*|} | $one | ${solo:-} | $two | $(awk -v a="$two" -v b="$one" 'BEGIN { printf "%.2f", a / b }') | $([ -n "$solo" ] && awk -v a="$two" -v b="$solo" 'BEGIN { printf "%.2f", a / b }') |"
    fi
  done
fi
