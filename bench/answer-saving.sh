#!/usr/bin/env bash
# Benchmark: answers saved per second on SQLite by many distinct learners, each in a validation test
# (every request is a real form post: session cookie, anti-forgery token, one short transaction), then a
# check that every learner's answer is in the database. Goal (issue 5): at least 1,000 answers/s, none lost.
# Usage: bench/answer-saving.sh [seconds] [learners]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
learners=${2:-64}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d /tmp/learning-bench.XXXXXX)
port=5192
cleanup() { [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true; sleep 1; [ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT

echo "Publishing the site (Release)..."
dotnet publish src/Learning.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
echo "Starting the site on 127.0.0.1:$port (SQLite)..."
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
Learning__DataPath="$work/data" Learning__Content__Folder="$PWD/content" \
Learning__Email__SendIntervalSeconds=1 Learning__AccountPostsPerMinute=100000 \
  dotnet "$work/app/Learning.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done

echo "Registering $learners learners and starting their tests..."
python3 bench/answer-saving.py "http://127.0.0.1:$port" "$work/data/mail-pickup" "$learners" "$work/answers.lua"

echo "wrk -t2 -c64 -d${duration}s, each request saving one learner's answer..."
out=$(wrk -t2 -c64 -d"${duration}s" --latency -s "$work/answers.lua" "http://127.0.0.1:$port")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p99=$(awk '/ 99%/ {print $2}' <<<"$out")
errors=$(awk '/Socket errors|Non-2xx/ {s=s $0 "; "} END {print (s == "" ? "none" : s)}' <<<"$out")
saved=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM AttemptAnswers WHERE Position = 0').fetchone()[0])" "$work/data/Sites/default/learning.db")

echo "server errors logged: $(grep -c "fail:" "$work/app.log" || true)"
grep -m3 -A3 "fail:" "$work/app.log" || true
echo
echo "answers saved: $rps per second (p99 $p99), errors: $errors"
echo "learners whose answer is stored: $saved of $learners (goal: all, and at least 1,000 answers/s)"
