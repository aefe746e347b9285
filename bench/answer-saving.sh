#!/usr/bin/env bash
# Benchmark: answers saved per second on SQLite by many distinct learners, each in a validation test
# (every request is a real form post: session cookie, anti-forgery token, one short transaction), then a
# check that every learner's answer is in the database. Goal (issue 5): at least 1,000 answers/s, none lost.
# Usage: bench/answer-saving.sh [seconds] [learners]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
learners=${2:-64}
source bench/lib.sh
need_tools
start_site 5192
site="http://127.0.0.1:5192"

echo "Registering $learners learners and starting their tests..."
python3 bench/learners.py "$site" "$work/data/mail-pickup" "$learners" answers "$work/answers.lua"
warm_up "$site" "$work/answers.lua"
echo "wrk -t2 -c64 -d${duration}s, each request saving one learner's answer..."
IFS='|' read -r rps errors p99 <<<"$(measure "$site" "$work/answers.lua")"
saved=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM AttemptAnswers WHERE Position = 0').fetchone()[0])" "$work/data/Sites/default/learning.db")

echo "server errors logged: $(grep -c "fail:" "$work/app.log" || true)"
grep -m3 -A3 "fail:" "$work/app.log" || true
echo
echo "answers saved: $rps per second (p99 $p99), errors: $errors"
echo "learners whose answer is stored: $saved of $learners (goal: all, and at least 1,000 answers/s)"
