#!/usr/bin/env bash
# Benchmark: the impact dashboard of a tenant with 100,000 learners and 1,000,000 answers, on SQLite and on PostgreSQL.
# The site creates the tenant's schema, bench/impact-data.py fills it straight in the database (site stopped), then,
# signed in as the administrator, with the facts' job set to a day: the first opening (which builds every fact: the
# full refresh), a filtered view's first opening (computed) and repeats, the English page's repeats, one table's CSV,
# the workbook and the funder report (cached report; median and p95 of sequential requests), and the opening that
# follows a change of 1,000 learners (the incremental refresh). Then, restarted with the job every minute: once the job
# has refreshed the facts and prepared the report the dashboard opens on (French, the default tenant's language),
# /fr/admin/reports (median and p95), /en/admin/reports, not prepared: its first opening, then its repeats; two banks'
# item analysis; and 20 other views (periods, languages, countries, professions, types), each opened once.
# Goal (impact reporting, speed): the dashboard within 200 ms. A measurement, never a test.
# Usage: [PORT=5193] bench/impact-dashboard.sh [sqlite|postgres|both] [requests]     # default both, 20 requests each
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
requests=${2:-20}
source bench/lib.sh
port=${PORT:-5193}  # PORT=... when another run holds 5193
site="http://127.0.0.1:$port"

echo "Publishing the site (Release)..."
dotnet publish src/Learning.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

# Starts the published site on $site with the data folder $1 and extra settings (VAR=value ...). The facts' own job
# and staleness wait for a day: the benchmark says when they are refreshed.
run_site() {
  local data=$1; shift
  env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Learning__DataPath="$data" Learning__Content__Folder="${CONTENT_FOLDER:-$PWD/content}" \
    Learning__Reporting__RefreshIntervalMinutes=1440 "$@" \
    dotnet "$work/app/Learning.Web.dll" --urls "$site" --contentRoot "$work/app" >>"$data.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do curl -fs "$site/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the site did not start:"; tail -20 "$data.log"; exit 1
}
stop_site() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }

# A throwaway PostgreSQL server, as test.sh starts one.
pg_port= pg_bin=
start_pg() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$work/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work/pg"; chmod 755 "$work"; pg() { runuser -u postgres -- "$@"; }; else pg() { "$@"; }; fi
  pg "$pg_bin/initdb" -D "$work/pg/data" -A trust -U learning >/dev/null
  pg "$pg_bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c log_min_duration_statement=20" -l "$work/pg/log" -w start >/dev/null
  stop_pg() { pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true; }
  trap 'stop_pg; cleanup' EXIT
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

seconds() { python3 -c 'import sys, time; print(f"{time.time() - float(sys.argv[1]):.1f}")' "$1"; }
now() { python3 -c 'import time; print(time.time())'; }

results=()
bench() {
  local provider=$1 data="$work/$1" db settings=()
  if [ "$provider" = postgres ]; then
    [ -n "$pg_port" ] || start_pg
    db="host=127.0.0.1 port=$pg_port user=learning dbname=impact"
    settings=(Learning__Database__Provider=Postgres "Learning__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=learning;Database=impact")
  else
    db="$data/Sites/default/learning.db"
  fi
  echo "== $provider: setting the site up..."
  run_site "$data" "${settings[@]}"
  local password; password=$(awk '/One-time password/ {print $NF}' "$data.log")
  stop_site
  echo "Filling the default tenant..."
  local began; began=$(now)
  local volumes; volumes=$(python3 bench/impact-data.py fill "$provider" "$db")
  echo "$volumes ($(seconds "$began") s)"
  run_site "$data" "${settings[@]}"
  local cookie; cookie=$(python3 bench/impact-data.py signin "$site" "$password")

  local to from period filter
  to=$(date -u +%F); from=$(date -u -d "$to -1 year +1 day" +%F)
  period="from=$from&to=$to"
  filter="$period&language=fr&country=BE"
  local -A median p95 single
  # n sequential GETs of $2 kept as median[$1] and p95[$1] (errors noted beside the p95).
  measure_as() {
    local errors
    IFS=' ' read -r median[$1] p95[$1] _ errors <<<"$(python3 bench/impact-data.py time "$site" "$cookie" "$2" "$requests")"
    [ "$errors" = 0 ] || p95[$1]="${p95[$1]} ($errors of $requests failed; timed until the error page)"
    echo "  $1: median ${median[$1]} ms, p95 ${p95[$1]} ms"
  }
  # One GET of $2 kept as single[$1].
  once_as() {
    IFS=' ' read -r single[$1] _ _ <<<"$(python3 bench/impact-data.py time "$site" "$cookie" "$2" 1)"
    echo "  $1: ${single[$1]} ms"
  }
  echo "First opening: every learner's facts built (the full refresh), then the dashboard (English, computed)..."
  once_as full "/en/admin/reports?$period"
  local logged=0; [ "$provider" = postgres ] && logged=$(wc -l <"$work/pg/log")
  echo "The facts are fresh: a filtered view's first opening (computed), then its repeats and the English page's (cached)..."
  once_as filtered_cold "/en/admin/reports?$filter"
  measure_as filtered "/en/admin/reports?$filter"
  measure_as english "/en/admin/reports?$period"
  echo "Downloads of the opened page's report (cached)..."
  for handler in "Csv&table=over-time" Workbook FunderReport; do  # warm-up: each download's code, once
    python3 bench/impact-data.py time "$site" "$cookie" "/en/admin/reports?$period&handler=$handler" 1 >/dev/null
  done
  measure_as csv "/en/admin/reports?$period&handler=Csv&table=over-time"
  measure_as workbook "/en/admin/reports?$period&handler=Workbook"
  measure_as funder "/en/admin/reports?$period&handler=FunderReport"
  if [ "$provider" = postgres ]; then
    echo "Statements PostgreSQL logged as slow (over 20 ms) during these requests:"
    python3 bench/impact-data.py slowest "$work/pg/log" "$logged"
  fi
  echo "1,000 learners change; the next opening refreshes their facts (the incremental refresh), then the dashboard..."
  python3 bench/impact-data.py change "$provider" "$db" 1000 >/dev/null
  once_as incremental "/en/admin/reports?$period"
  stop_site

  # The facts' job every minute, as in production every Learning:Reporting:RefreshIntervalMinutes: it refreshes
  # the facts, then prepares the report the dashboard opens on (12 months, no filter, the tenant's language: French
  # for the default tenant). Its log line comes once both are done; the window until its next run is under a minute,
  # after which the facts' refresh time, hence every report's key, changes.
  echo "Restarting with the facts' job every minute; waiting for its refresh and preparation..."
  run_site "$data" "${settings[@]}" Learning__Reporting__RefreshIntervalMinutes=1 \
    Logging__LogLevel__Learning.Modules.Reporting.Facts.RefreshFactsJob=Debug
  local jobs_before; jobs_before=$(grep -c "learners refreshed" "$data.log" || true)
  local again; again=$(python3 bench/impact-data.py signin "$site" "$password") && cookie=$again
  for _ in $(seq 1 600); do
    [ "$(grep -c "learners refreshed" "$data.log" || true)" -gt "$jobs_before" ] && break
    grep -q "refresh failed for tenant" "$data.log" && { echo "the job failed:"; grep -A5 "refresh failed for tenant" "$data.log"; break; }
    sleep 0.2
  done
  local jobs_seen; jobs_seen=$(grep -c "learners refreshed" "$data.log" || true)
  echo "  the job has run ($(grep "learners refreshed" "$data.log" | tail -n 1 | sed 's/^ *//'))"
  once_as prepared_first "/fr/admin/reports"
  measure_as prepared "/fr/admin/reports"
  echo "English, not prepared: its first opening (computed, facts fresh), then its repeats (cached)..."
  once_as english_cold "/en/admin/reports"
  measure_as english_again "/en/admin/reports"
  echo "The item analysis, prepared by the job for every bank: part 1's first attempts in French, part 2's every attempt in English..."
  measure_as questions "/fr/admin/reports/questions"
  measure_as questions_all "/en/admin/reports/questions?bank=mooc%2Fpart-2%2Fvalidation&attempts=all"
  # Views nobody opened yet in this refresh interval: other periods, languages, countries, professions and structure
  # types, each opened once, so that every one is computed (nothing cached but the facts in memory).
  local views=() lang country k
  for k in 1 2 3 4 5; do views+=("/en/admin/reports?from=$(date -u -d "$to -$((k * 2)) month" +%F)&to=$(date -u -d "$to -$k day" +%F)"); done
  for lang in fr es ca it hu; do for country in BE ES; do views+=("/en/admin/reports?$period&language=$lang&country=$country"); done; done
  for k in 01 02 03; do views+=("/fr/admin/reports?$period&profession=Profession%20$k"); done
  for k in association employment-service; do views+=("/es/admin/reports?$period&type=$k"); done
  local distinct; IFS=' ' read -r median[distinct] p95[distinct] _ distinct <<<"$(python3 bench/impact-data.py each "$site" "$cookie" "${views[@]}")"
  [ "$distinct" = 0 ] || p95[distinct]="${p95[distinct]} ($distinct of ${#views[@]} failed)"
  echo "  ${#views[@]} views opened for the first time: median ${median[distinct]} ms, p95 ${p95[distinct]} ms"
  local jobs_after; jobs_after=$(grep -c "learners refreshed" "$data.log" || true)
  local window=ok
  [ "$jobs_after" = "$jobs_seen" ] || { window="the job ran again during these requests"; echo "  note: $window"; }
  echo "server errors logged: $(grep -c "fail:" "$data.log" || true)"; grep -m3 -A3 "fail:" "$data.log" || true
  stop_site
  results+=("| $(date -u +%F) | $(nproc) cores | $provider | $(grep -o '[0-9,]* learners' <<<"$volumes"), $(grep -o '[0-9,]* answers' <<<"$volumes") | $((single[full] / 1000)) s | ${single[incremental]} ms | **${median[prepared]}** / ${p95[prepared]} (first ${single[prepared_first]}) | ${single[english_cold]} | ${median[english_again]} / ${p95[english_again]} | ${median[distinct]} / ${p95[distinct]} | ${median[questions]} / ${p95[questions]} | ${median[questions_all]} / ${p95[questions_all]} | ${single[filtered_cold]} | ${median[filtered]} / ${p95[filtered]} | ${median[csv]} / ${p95[csv]} | ${median[workbook]} / ${p95[workbook]} | ${median[funder]} / ${p95[funder]} |")
  [ "$window" = ok ] || results+=("(${provider}: $window)")
}

case $which in
  sqlite|postgres) bench "$which" ;;
  both) bench sqlite; bench postgres ;;
  *) echo "usage: $0 [sqlite|postgres|both] [requests]"; exit 2 ;;
esac
echo
echo "| date | machine | database | volumes | first opening (full refresh + English report) | after 1,000 changes (incremental + English report) | /fr/admin/reports after the job, ms median / p95 | /en first opening | /en again | 20 other views, each opened once, median / p95 | item analysis (fr, first attempts) | item analysis (en, all attempts) | filtered, first opening | filtered again | CSV | workbook | funder PDF |"
printf '%s\n' "${results[@]}"
