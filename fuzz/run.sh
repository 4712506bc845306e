#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 15), one job at a time:
#   fuzz/run.sh [SECONDS] [TARGET...]
# Installs cargo-fuzz if missing; uses the nightly toolchain when installed, else stable with
# RUSTC_BOOTSTRAP=1 (libFuzzer needs -Z flags). No sanitizer (yoyak has no unsafe code; the
# targets look for panics, overflows, hangs and runaway memory), debug assertions on.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-15}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load check numbers_ko numbers_en import import_formats markdown)
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi
fuzz/seed.sh
flags=(--sanitizer none --debug-assertions)
"${fuzz[@]}" build "${flags[@]}"
for t in "${targets[@]}"; do
  echo "== fuzz $t (${secs}s)"
  # With -jobs, libFuzzer writes the run (and any crash) to fuzz-<n>.log: print it here.
  rc=0
  "${fuzz[@]}" run "${flags[@]}" "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -jobs=1 -workers=1 -print_final_stats=1 || rc=$?
  cat fuzz-*.log 2>/dev/null | grep -v '^#' || true
  rm -f fuzz-*.log
  [ "$rc" -eq 0 ] || { echo "fuzz target $t failed; the input is in fuzz/artifacts/$t/"; exit "$rc"; }
done
