#!/usr/bin/env python3
"""Where the CPU goes in a dotnet-trace thread-time trace converted to speedscope (bench/profile.sh does both).
Counts only samples whose leaf is CPU_TIME (a thread running managed code), not threads waiting.
Usage: bench/trace-cpu.py <trace.speedscope.json> [method]   without a method: by entry point, then the platform's
methods and the main libraries' by inclusive time; with a method: what it spends its time in."""
import collections, json, re, sys

trace = json.load(open(sys.argv[1]))
frames = [f["name"] for f in trace["shared"]["frames"]]
under = sys.argv[2] if len(sys.argv) > 2 else None
plumbing = re.compile(r"^(Process64|\(Non-Activities\)|\(Activities\)|Threads|Thread \(|Activity |\?!\?|Anonymously Hosted|"
                      r"System\.Private\.CoreLib!System\.(Threading|Runtime\.CompilerServices))")
noise = re.compile(r"AsyncStateMachineBox|AsyncMethodBuilderCore|ExecutionContext\.Run")
interesting = re.compile(r"Learning\.|Hangfire|Sqlite|SQLite|Npgsql|EntityFrameworkCore\.(Query|Storage|DbContext|Internal\.DbContextServices)|"
                         r"DataProtection|Antiforgery|Authentication\.Cookies|Localization|OutputCaching|GC\.")
entry, inclusive, total = collections.Counter(), collections.Counter(), 0.0
for profile in trace["profiles"]:
    stack, last = [], None
    for event in profile["events"]:
        if last is not None and stack and frames[stack[-1]] == "CPU_TIME":
            elapsed = event["at"] - last
            names = [frames[f] for f in stack[:-1]]
            if under:
                at = next((i for i, n in enumerate(names) if under in n), None)
                if at is not None:
                    total += elapsed
                    for name in set(names[at + 1:]):
                        inclusive[name] += elapsed
            else:
                total += elapsed
                entry[next((n for n in names if not plumbing.search(n)), "?")] += elapsed
                for name in set(names):
                    inclusive[name] += elapsed
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()

def show(title, counter, keep, limit):
    print(title)
    for name, time in [(n, t) for n, t in counter.most_common() if keep(n)][:limit]:
        print(f"  {100 * time / total:5.1f}%  {name[:150]}")

print(f"CPU samples: {total / 1000:.1f} s" + (f" under {under}" if under else ""))
if under:
    show("Inclusive:", inclusive, lambda n: not noise.search(n), 50)
else:
    show("By entry point:", entry, lambda n: True, 12)
    show("Inclusive (the platform and the main libraries):", inclusive, lambda n: interesting.search(n) and not noise.search(n), 45)
