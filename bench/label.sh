#!/usr/bin/env bash
# Times `storylens label --format csv` over the public-domain novels (the
# headline throughput figure) and on one seed story (start-up included),
# with peak memory from /usr/bin/time -v.
#
#   bench/label.sh [CORPUS_DIR]     (default: ../shared/corpus/novels)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/novels}
if [ ! -d "$corpus" ]; then
  echo "bench: no corpus at $corpus" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is needed (Debian package: time)" >&2
  exit 1
fi
bin=$(mktemp -d)/storylens
CGO_ENABLED=0 go build -o "$bin" ./cmd/storylens
bytes=$(cat "$corpus"/*.txt | wc -c)
log=$(mktemp)

echo "== storylens label --format csv over $corpus ($((bytes / 1000000)) MB, $(nproc) cores)"
for run in 1 2 3; do
  /usr/bin/time -v "$bin" label "$corpus" --format csv > /dev/null 2> "$log"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$log")
  awk -v b="$bytes" -v s="$secs" -v r="$rss" -v n="$run" 'BEGIN {printf "run %d: %.2f s, %.1f MB/s, peak memory %d MB\n", n, s, b / 1e6 / s, r}'
done

echo "== storylens label on one seed story, start-up included"
for run in 1 2 3; do
  /usr/bin/time -v "$bin" label seeds/after_liz.txt --format csv > /dev/null 2> "$log"
  awk -F': ' '/Elapsed \(wall clock\)/ {print "run '"$run"': " $2 " (m:ss)"} /Maximum resident set size/ {print "  peak memory " int($2 / 1024) " MB"}' "$log"
done
