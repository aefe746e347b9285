#!/usr/bin/env bash
# Benchmark: an anonymous practice page of the platform against nginx serving a 10 KB static page,
# measured in one run on the same machine with wrk (64 connections), and the ratio of their requests/s.
# Goal (issue 3): at least 0.5 × nginx, with no errors. Usage: bench/practice-page.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
source bench/lib.sh
need_tools nginx
start_site 5190
start_nginx 5191

page="http://127.0.0.1:5190/en/toolbox/spoc-skills-validation-support"
warm_up "$page"
echo "wrk -t2 -c64 -d${duration}s, nginx first, then the practice page..."
IFS='|' read -r nginx_rps nginx_errors nginx_p99 <<<"$(measure "http://127.0.0.1:5191/index.html")"
IFS='|' read -r page_rps page_errors page_p99 <<<"$(measure "$page")"
ratio=$(awk -v a="$page_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')

echo
echo "nginx, 10 KB static page:     $nginx_rps requests/s (p99 $nginx_p99), errors: $nginx_errors"
echo "practice page (anonymous):    $page_rps requests/s (p99 $page_p99), errors: $page_errors"
echo "ratio page / nginx:           $ratio (goal: at least 0.50)"
