#!/usr/bin/env bash
# The dashboard's performance targets (issue 17; figures in docs/PERFORMANCE.md):
#   experiments page of 100 experiments < 500 ms; experiment page of a 100,000-run experiment first paint < 2 s;
#   a ledger change on the page < 1 s; 50 viewers for 60 s: server heap < 256 MB, sweep throughput within 5%.
# Synthetic experiments are written through the store API (bench/report/GenerateExperiment.java) into $BENCH_WORK.
# Usage: bench/serve/serve_bench.sh [rounds]      (rounds of the viewers A/B, default 2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_WORK:-/tmp/rigor-bench}/serve"
rounds="${1:-2}"
jar="$root/core/target/rigor.jar"
mkdir -p "$work"
"$root/rigor" --version > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other builds)"
(cd "$root" && mvn -B -q -o -Dstyle.color=never -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 || mvn -B -q -Dstyle.color=never -pl core dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$jar:$(cat "$work/cp.txt")"
quiet() { grep -v -e '^WARNING' -e 'CdpVersionFinder' -e '^[A-Z][a-z][a-z] [0-9]'; }

# 1. 100 experiments of 200 runs each (one generated, copied).
if [ ! -d "$work/hundred/exp-100" ]; then
  rm -rf "$work/hundred" "$work/one"; mkdir -p "$work/hundred"
  java -cp "$jar" "$root/bench/report/GenerateExperiment.java" "$work/one" 2 > /dev/null
  for i in $(seq -w 1 100); do cp -r "$work/one/bench-report" "$work/hundred/exp-$i"; done
fi
echo "== experiments page, 100 experiments × 200 runs"
java -cp "$cp" "$root/bench/serve/ServeBench.java" list "$work/hundred" 2>&1 | quiet

# 2. one experiment of 100,000 runs.
if [ ! -f "$work/big/bench-report/manifest.json" ]; then
  java -cp "$jar" "$root/bench/report/GenerateExperiment.java" "$work/big" 1000 > /dev/null
fi
echo "== experiment page, 100,000 runs"
java -cp "$cp" "$root/bench/serve/ServeBench.java" page "$work/big" bench-report 2>&1 | quiet

# 3. update latency (on a 200-run experiment: the ledger is written by the benchmark, as by a coordinator).
rm -rf "$work/latency"; mkdir -p "$work/latency"; cp -r "$work/one/bench-report" "$work/latency/"
echo "== update latency"
java -cp "$cp" "$root/bench/serve/ServeBench.java" latency "$work/latency" bench-report 2>&1 | quiet

# 4. 50 viewers for 60 s during a real sweep, with vs without the dashboard.
"$root/bench/serve/viewers_ab.sh" "$rounds"
