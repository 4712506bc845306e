#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repository's fixtures and content, plus every saved
# regression input (tests/fixtures/fuzz/<target>/). Idempotent; corpus/ is not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
seed() { # seed TARGET FILE...
  local dir="fuzz/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(printf '%s' "$f" | tr '/' '_')"
  done
  return 0
}
yaml=$(find content tests/fixtures -name '*.yaml' | sort)
articles=$(find tests/fixtures/import -name '*.txt' | sort)
docs=$(find README.md docs -name '*.md' 2>/dev/null | sort)
# shellcheck disable=SC2086
{
  seed load $yaml
  seed check $yaml
  seed numbers_ko $articles $yaml
  seed numbers_en $yaml $docs
  seed import $articles
  seed import_formats $(find tests/fixtures/import-formats -maxdepth 1 -type f ! -name '*.yaml' ! -name '*.md' | sort)
  seed markdown $yaml $docs
}
for t in load check numbers_ko numbers_en import import_formats markdown; do
  if [ -d "tests/fixtures/fuzz/$t" ]; then
    # shellcheck disable=SC2046
    seed "$t" $(find "tests/fixtures/fuzz/$t" -type f | sort)
  fi
done
