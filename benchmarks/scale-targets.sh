#!/usr/bin/env bash
# The scale targets in one run (benchmarks/README.md, "The scale targets"): each big dataset in the heap and time
# its target names, measured against its bound.
#   1. large-fixed (10,000 attendees, fixed): 1 minute in a 2 GB heap.
#   2. huge (50,000, fixed) and large (10,000, open): 2 minutes each in a 4 GB heap; huge's bound by column
#      generation (its tightest, about 15 minutes before the runs), large's the default one.
#   3. bound on huge at its defaults, in the heap the launcher gives: its time.
# Run from the repository root after `./breakout generate benchmark-set`; about 25 minutes on 2 cores.
# Usage: benchmarks/scale-targets.sh [REPORT-DIR]   (default: benchmarks/reports; each benchmark makes its own folder)
set -euo pipefail
dir="${1:-benchmarks/reports}"
seed=0
echo "== 1. large-fixed: 1 minute, -Xmx2g"
BREAKOUT_JAVA_OPTS=-Xmx2g ./breakout benchmark --only large-fixed --time-limit 1m --unimproved-limit 20s \
  --seed "$seed" --dir "$dir"
echo "== 2. huge and large: 2 minutes, -Xmx4g; huge against its bound by column generation"
BREAKOUT_JAVA_OPTS=-Xmx4g ./breakout benchmark --only huge,large --time-limit 2m --unimproved-limit 20s \
  --seed "$seed" --dir "$dir" --no-mip --lp-solver columns --lp-time-limit 30m
echo "== 3. bound on huge at its defaults (the launcher's heap)"
./breakout bound benchmarks/data/huge.json
