#!/usr/bin/env bash
# Where the cores go in one build: per thread, seconds on a CPU, blocked (asleep: a lock, a
# join, I/O) and ready but waiting for a CPU (other processes' load), from `perf sched`
# (Debian linux-perf), plus the briefing stage's own figures from `--timings`.
# Usage: benches/cores.sh PROJECT [yoyak build options, e.g. -j 1]
# Writes into PROJECT/build-cores (removed first: a cold build). YOYAK= picks the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
proj=$1; shift
YOYAK=${YOYAK:-$PWD/target/release/yoyak}
data=$(mktemp /tmp/yoyak-sched.XXXX)
pidfile=$(mktemp /tmp/yoyak-pid.XXXX)
rm -rf "$proj/build-cores"
perf sched record -q -o "$data" -- sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" \
  "$YOYAK" build --root "$proj" --out "$proj/build-cores" --timings "$@" 2>&1 >/dev/null |
  grep -E '^(timings|briefing stage)' || true
# timehist: time, [cpu], task[tid/pid], wait, sch delay, run time (ms), state at switch-out —
# one line per time a thread leaves a CPU. The wait before a run is time blocked when the
# thread last left in state S or D, and time on the run queue when it was preempted (R); the
# scheduling delay after a wake-up is run-queue time too.
perf sched timehist --state -p "$(cat "$pidfile")" -i "$data" 2>/dev/null | awk '
  $3 ~ /\[/ && $3 !~ /^:-1/ && $7 != "" {
    key = $3
    if (prev[key] ~ /^R/) ready[key] += $4; else blocked[key] += $4
    ready[key] += $5; run[key] += $6; prev[key] = $7
    if (!(key in first)) first[key] = $1
    last[key] = $1
  }
  END {
    for (k in run) {
      printf "%-28s %9.2f %9.2f %9.2f %9.2f\n", k, last[k] - first[k], run[k] / 1000, blocked[k] / 1000, ready[k] / 1000
      tr += run[k] / 1000; tb += blocked[k] / 1000; td += ready[k] / 1000
    }
    printf "%-28s %9s %9.2f %9.2f %9.2f\n", "(all threads)", "", tr, tb, td
  }' | sort -k1,1 | { printf "%-28s %9s %9s %9s %9s\n" thread "alive s" "on-CPU s" "blocked s" "ready s"; cat; }
rm -f "$data" "$pidfile"
