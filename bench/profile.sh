#!/usr/bin/env bash
# Where the time goes: loads one page with wrk (as the benchmarks do) while dotnet-trace samples the site's
# CPU, then prints where it goes; then reads the runtime's counters under the same load. Installs dotnet-trace as a global
# .NET tool when missing.
# Usage: bench/profile.sh course|answers|practice [seconds] [learners]
#   → where the CPU goes (bench/trace-cpu.py) and the runtime's counters (GC, allocations, contention) on stdout;
#     KEEP=1 keeps the trace for more questions. DATABASE=postgres runs the site on a throwaway PostgreSQL server
#     and also prints the CPU the site and PostgreSQL each used during the traced load.
set -euo pipefail
cd "$(dirname "$0")/.."
page=$1
duration=${2:-20}
learners=${3:-64}
source bench/lib.sh
need_tools
trace_tool="$HOME/.dotnet/tools/dotnet-trace"
counters_tool="$HOME/.dotnet/tools/dotnet-counters"
[ -x "$trace_tool" ] || dotnet tool install --global dotnet-trace >/dev/null
[ -x "$counters_tool" ] || dotnet tool install --global dotnet-counters >/dev/null
settings=()
if [ "${DATABASE:-sqlite}" = postgres ]; then
  start_pg
  settings=(Learning__Database__Provider=Postgres "Learning__Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Username=learning;Database=learning;Maximum Pool Size=150")
fi
start_site 5194 "${settings[@]}"
site="http://127.0.0.1:5194"

case "$page" in
  course|answers)
    echo "Registering and enrolling $learners learners..."
    python3 bench/learners.py "$site" "$work/data/mail-pickup" "$learners" "$page" "$work/load.lua"
    script="$work/load.lua" ;;
  practice) script="" ;;
  *) echo "Unknown page: $page" >&2; exit 2 ;;
esac
target="$site"
[ "$page" = practice ] && target="$site/en/toolbox/spoc-skills-validation-support"
warm_up "$target" $script

echo "Sampling the site's CPU for ${duration}s under wrk -t2 -c64..."
"$trace_tool" collect -p "$app_pid" --profile dotnet-common,dotnet-sampled-thread-time --duration "00:00:00:$duration" -o "$work/trace.nettrace" >/dev/null &
trace_pid=$!
sleep 2
# CPU time (clock ticks) of the site and of the PostgreSQL server with its backends, when there is one.
cpu_ticks() { for pid in "$@"; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0; done | awk '{ total += $1 } END { print total + 0 }'; }
pg_pids() { [ -n "${pg_port:-}" ] && { head -1 "$work/pg/data/postmaster.pid"; pgrep -P "$(head -1 "$work/pg/data/postmaster.pid")"; }; }
site_before=$(cpu_ticks "$app_pid"); pg_before=$(cpu_ticks $(pg_pids) 0)
out=$(wrk -t2 -c64 -d"${duration}s" --latency ${script:+-s "$script"} "$target")
site_after=$(cpu_ticks "$app_pid"); pg_after=$(cpu_ticks $(pg_pids) 0)
wait "$trace_pid"
echo "$out" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
ticks=$(getconf CLK_TCK)
echo "CPU during the load: the site $(( (site_after - site_before) * 100 / ticks / duration )) % of a core$([ -n "${pg_port:-}" ] && echo ", PostgreSQL $(( (pg_after - pg_before) * 100 / ticks / duration )) %")"
echo
echo "Runtime counters for ${duration}s more under the same load (averages):"
"$counters_tool" collect -p "$app_pid" --counters System.Runtime --format csv -o "$work/counters.csv" --duration "00:00:00:$duration" >/dev/null &
counters_pid=$!
sleep 1
wrk -t2 -c64 -d"${duration}s" ${script:+-s "$script"} "$target" | grep "Requests/sec"
wait "$counters_pid"
echo "Resident memory after the load:"
python3 bench/memory-map.py "$app_pid"
python3 - "$work/counters.csv" <<'PY'
import csv, collections, sys
values = collections.defaultdict(list)
for row in csv.DictReader(open(sys.argv[1])):
    values[row["Counter Name"]].append(float(row["Mean/Increment"]))
for name, series in sorted(values.items()):
    if any(word in name for word in ("gc", "GC", "alloc", "Alloc", "working", "Working", "contention", "Contention", "CPU", "cpu", "queue", "Queue", "heap", "Heap")):
        print(f"  {name}: {sum(series) / len(series):,.1f} (max {max(series):,.1f})")
PY
echo
"$trace_tool" convert "$work/trace.nettrace" --format Speedscope -o "$work/trace" >/dev/null
python3 bench/trace-cpu.py "$work/trace.speedscope.json"
echo "(more: bench/trace-cpu.py $work/trace.speedscope.json <method>, with KEEP=1)"
