#!/usr/bin/env bash
# Benchmark: yoyak build for N = 10, 100, 1000 synthetic briefings (cold, no-op, one edited),
# per-briefing time, peak RSS, 2 jobs vs 1, and the pandoc + typst CLI pipeline on the same
# Markdown. Usage: benches/build.sh [N ...]   (default: 10 100 1000)
# SEED_SIZE=1: every briefing holds the seed's text once (else 1–3×); FORMATS=html,pdf,md sets
# the project's formats (else the repository's yoyak.yaml: all four).
# "cores busy" is the briefing stage's CPU time over its wall time (`--timings`, from the
# worker threads' /proc schedstat); "ready" is the time they were runnable but waited for a CPU
# (other processes' load), "blocked" the time they waited on yoyak itself (locks, joins, I/O).
# The issue-20 targets: SEED_SIZE=1 FORMATS=html,pdf,md benches/build.sh 1000
# Tools for the comparison are installed into $TOOLS (default /tmp/yoyak-bench-tools) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SIZES=${*:-10 100 1000}
WORK=${WORK:-$(mktemp -d /tmp/yoyak-bench.XXXX)}
mkdir -p "$WORK"
TOOLS=${TOOLS:-/tmp/yoyak-bench-tools}
cargo build --release --quiet
YOYAK=$REPO/target/release/yoyak

# Wall seconds and peak RSS (MB) of a command, via GNU time; its standard error goes to $ERR.
ERR=$(mktemp)
measure() {
  local f
  f=$(mktemp)
  /usr/bin/time -o "$f" -f '%e %M' "$@" >/dev/null 2>"$ERR" || true
  tail -1 "$f" | awk '{printf "%.3f %.0f\n", $1, $2/1024}'
  rm -f "$f"
}
# "X.XX (ready Y s, blocked Z s)" from the briefing stage line of `--timings` in $ERR.
stage() {
  sed -n 's/.*(\([0-9.]*\) cores busy) · ready but waiting for a CPU \([0-9.]*\) · blocked \([0-9.]*\).*/\1 (ready \2 s, blocked \3 s)/p' "$ERR"
}
if [ ! -x /usr/bin/time ]; then echo "installing GNU time"; apt-get install -y -qq time >/dev/null; fi

ensure_tools() {
  PANDOC=$(command -v pandoc || true)
  if [ -z "$PANDOC" ]; then
    PANDOC=$(find "$TOOLS/venv" -path '*pypandoc/files/pandoc' -type f 2>/dev/null | head -1 || true)
    if [ -z "$PANDOC" ]; then
      echo "installing pandoc (PyPI pypandoc-binary) into $TOOLS/venv"
      python3 -m venv "$TOOLS/venv" && "$TOOLS/venv/bin/pip" install -q pypandoc-binary
      PANDOC=$(find "$TOOLS/venv" -path '*pypandoc/files/pandoc' -type f | head -1)
    fi
  fi
  TYPST=$(command -v typst || true)
  if [ -z "$TYPST" ]; then
    TYPST=$TOOLS/typst/bin/typst
    if [ ! -x "$TYPST" ]; then
      echo "installing typst-cli (crates.io) into $TOOLS/typst"
      cargo install typst-cli --version 0.15.1 --locked --root "$TOOLS/typst" --quiet
    fi
  fi
}
ensure_tools

# The alternative pipeline a team would script: pandoc → standalone HTML, pandoc → Typst →
# typst compile (Korean fonts from templates/fonts), both cores via xargs -P 2.
alt_pipeline() {
  local build=$1
  find "$build" -name '*.md' -not -path '*/digest/*' -print0 |
    PANDOC=$PANDOC TYPST=$TYPST FONTS=$REPO/templates/fonts xargs -0 -P 2 -n 1 sh -c '
      f=$1; b=${f%.md}
      "$PANDOC" "$f" -f gfm -s --metadata title=briefing -o "$b.alt.html" &&
      "$PANDOC" "$f" -f gfm -t typst -s -o "$b.alt.typ" &&
      "$TYPST" compile --ignore-system-fonts --font-path "$FONTS" "$b.alt.typ" "$b.alt.pdf"' _
}

printf '\n| N | cold (s) | per briefing (ms) | cores busy | no-op (s) | one edited (s) | peak RSS (MB) | cold -j1 (s) | 2 jobs vs 1 | pandoc+typst (s) | ratio |\n|---|---|---|---|---|---|---|---|---|---|---|\n' > "$WORK/table.md"
for n in $SIZES; do
  proj=$WORK/p$n
  python3 benches/gen_project.py content/2026-02-15-spri-open-source-ai.yaml "$proj" "$n" \
    ${SEED_SIZE:+--seed-size} ${FORMATS:+--formats "$FORMATS"}
  read -r cold rss < <(measure "$YOYAK" build --root "$proj" --timings)
  busy=$(stage)
  read -r noop _ < <(measure "$YOYAK" build --root "$proj")
  f=$(ls "$proj"/content/*bench-00000.yaml)
  sed -i '0,/^  ko: /s//  ko: (수정) /' "$f"
  read -r edit _ < <(measure "$YOYAK" build --root "$proj")
  rm -rf "$proj/build1"
  read -r cold1 _ < <(measure "$YOYAK" build --root "$proj" --out "$proj/build1" -j 1)
  speedup=$(awk -v a="$cold1" -v b="$cold" 'BEGIN{printf "%.2f×", a/b}')
  per=$(awk -v a="$cold" -v n="$n" 'BEGIN{printf "%.1f", 1000*a/n}')
  if [ "$n" -le "${ALT_MAX:-100}" ]; then
    alt_start=$(date +%s.%N); alt_pipeline "$proj/build1"; alt_end=$(date +%s.%N)
    alt=$(awk -v a="$alt_start" -v b="$alt_end" 'BEGIN{printf "%.2f", b-a}')
    ratio=$(awk -v a="$alt" -v b="$cold" 'BEGIN{printf "%.1f×", a/b}')
  else alt="–"; ratio="–"; fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$cold" "$per" "$busy" "$noop" "$edit" "$rss" "$cold1" "$speedup" "$alt" "$ratio" | tee -a "$WORK/table.md"
done
echo; "$YOYAK" build --root "$WORK/p${SIZES##* }" --out "$WORK/timings" --timings 2>&1 | tail -2
echo; cat "$WORK/table.md"
rm -f "$ERR"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(uname -m)"
