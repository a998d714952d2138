#!/usr/bin/env bash
# Benchmark of `rigor compare` at scale: 100 metrics × 20 candidate variations (each vs one control),
# 10 seeds per variation, 10,000 bootstrap resamples (BCa) — 2,000 comparisons in one command.
# Target: < 2 s wall-clock for the whole CLI invocation (JVM start included).
#
# Usage: bench/analysis/compare_bench.sh [RUNS]     (from anywhere; RUNS = timed runs, default 10)
# Needs: Maven and Java 17; hyperfine if installed (apt-get install -y hyperfine), else /usr/bin/time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d /tmp/rigor-compare-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

"$root/rigor" --version > /dev/null   # builds the jar and its class-data archive when needed
cp "$root/core/target/rigor.jar" "$work/rigor.jar"

echo "writing the synthetic experiment through the store API…" >&2
java -cp "$work/rigor.jar" "$root/bench/analysis/SyntheticExperiment.java" "$work/bench-compare" 21 10 100 >&2

args="compare $work/bench-compare --control variant=v00 --resamples 10000"
# What users run (the launcher: class-data archive + the parallel collector), and plain java -jar.
tuned="$root/rigor $args"
cmd="java -jar $work/rigor.jar $args"
$cmd > "$work/out.txt"
rows=$(grep -c '^variant=' "$work/out.txt" || true)
echo "one run: $rows comparison rows ($(grep -cE ' (higher|lower|better|worse)$' "$work/out.txt" || true) significant after Holm)" >&2

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(java -version 2>&1 | head -1)" >&2
# Timings on a shared machine are only meaningful when it is idle: wait (up to 2 min) for a low load.
for _ in $(seq 12); do
  awk '{exit !($1 < 0.5)}' /proc/loadavg && break
  sleep 10
done
echo "load average before timing: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$work/hyperfine.md" "$tuned" "$cmd"
  cat "$work/hyperfine.md"
else
  for c in "$tuned" "$cmd"; do
    echo "$c" >&2
    for i in $(seq "$runs"); do
      /usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" $c > /dev/null
    done
  done
fi
