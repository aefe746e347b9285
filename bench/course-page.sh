#!/usr/bin/env bash
# Benchmark: the course page of many distinct signed-in, enrolled learners (their own progress bars and
# "continue", never from the output cache) against nginx serving a 10 KB static page, in one run on the
# same machine. Goal (issue 5): at least 0.05 × nginx's requests/s, no errors.
# Usage: bench/course-page.sh [seconds] [learners]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
learners=${2:-64}
source bench/lib.sh
need_tools nginx
start_site 5194
start_nginx 5195
site="http://127.0.0.1:5194"

echo "wrk -t2 -c64 -d${duration}s on nginx..."
IFS='|' read -r nginx_rps nginx_errors nginx_p99 <<<"$(measure "http://127.0.0.1:5195/index.html")"
echo "Registering and enrolling $learners learners..."
python3 bench/learners.py "$site" "$work/data/mail-pickup" "$learners" course "$work/course.lua"
warm_up "$site" "$work/course.lua"
echo "wrk -t2 -c64 -d${duration}s on the learners' course pages..."
IFS='|' read -r page_rps page_errors page_p99 <<<"$(measure "$site" "$work/course.lua")"
ratio=$(awk -v a="$page_rps" -v b="$nginx_rps" 'BEGIN { printf "%.3f", a / b }')

echo
echo "nginx, 10 KB static page:       $nginx_rps requests/s (p99 $nginx_p99), errors: $nginx_errors"
echo "course page (signed-in):        $page_rps requests/s (p99 $page_p99), errors: $page_errors"
echo "ratio page / nginx:             $ratio (goal: at least 0.05)"
