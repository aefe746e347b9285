#!/usr/bin/env python3
"""Where a process's resident memory is (Linux /proc/<pid>/smaps): files mapped (the runtime's and the site's
libraries, SQLite's files), anonymous memory (the GC heap, native allocations such as SQLite's page caches and
OpenSSL, thread stacks, JIT-compiled code), by kind, largest first.
Usage: bench/memory-map.py <pid>"""
import collections, re, sys

resident = collections.Counter()
name = "?"
for line in open(f"/proc/{sys.argv[1]}/smaps"):
    header = re.match(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$", line)
    if header:
        path = header.group(1).strip()
        if path.endswith((".dll", ".so")) or ".so." in path:
            name = "libraries: " + ("the site's" if "/app/" in path else ".NET runtime and system")
        elif path.endswith((".db", ".db-wal", ".db-shm")):
            name = "SQLite files mapped"
        elif path in ("[stack]",) or path.startswith("[stack"):
            name = "main thread stack"
        elif path == "" or path.startswith("[anon") or path == "[heap]":
            name = "anonymous (GC heap, native allocations, thread stacks, JIT code)"
        else:
            name = "other: " + (path.rsplit("/", 1)[-1] or path)
    elif line.startswith("Rss:"):
        resident[name] += int(line.split()[1])
total = sum(resident.values())
print(f"  resident: {total / 1024:.0f} MB")
for kind, kb in resident.most_common(8):
    print(f"    {kb / 1024:6.0f} MB  {kind}")
