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

# 4. 50 viewers for 60 s of a real sweep (600 trials of sleep 0.2 s, 2 jobs ≈ 60 s), A = no dashboard, B = rigor serve
#    with 50 viewers on the sweep's page; interleaved A, B, A, B. The serve process's heap is sampled with jstat.
cat > "$work/sweep.yaml" <<'SPEC'
name: viewers
command: [sh, -c, "sleep 0.2; echo score=1"]
matrix: {i: {range: [0, 300]}}
seeds: [1, 2]
jobs: 2
metrics: [{regex: {file: stdout, pattern: "score=([0-9]+)", name: score, type: float}}]
SPEC
sweep() { rm -rf "$work/sweeps/viewers"; local s e; s=$(date +%s.%N)
  "$root/rigor" run "$work/sweep.yaml" --out-root "$work/sweeps" --quiet --no-report > /dev/null || true; e=$(date +%s.%N)
  python3 -c "print(round(600 / ($e - $s), 2))"; }
for r in $(seq "$rounds"); do
  a=$(sweep)
  mkdir -p "$work/sweeps"
  "$root/rigor" serve "$work/sweeps" --port 0 > "$work/serve.out" 2>&1 &
  spid=$!
  for _ in $(seq 100); do grep -q http "$work/serve.out" && break; sleep 0.2; done
  url=$(grep -o 'http://[^ ]*' "$work/serve.out" | head -1)
  jpid=$(pgrep -P "$spid" java || echo "$spid")
  (while kill -0 "$jpid" 2>/dev/null; do jstat -gc "$jpid" | tail -1; sleep 1; done) > "$work/heap.txt" 2>/dev/null &
  hpid=$!
  (sleep 3; java "$root/bench/serve/Viewers.java" "${url}api/experiments/viewers/events" 50 60 > "$work/viewers.out") &
  vpid=$!
  b=$(sweep)
  wait "$vpid" || true
  kill "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true; kill "$hpid" 2>/dev/null || true
  heap=$(awk 'NF>10 && $1!="S0C" {u=($3+$4+$6+$8)/1024; if (u>m) m=u} END {printf "%.0f", m}' "$work/heap.txt")
  echo "round $r: sweep without dashboard $a trials/s; with rigor serve and 50 viewers $b trials/s (ratio $(python3 -c "print(round($b / $a, 3))"));" \
    "server heap used max ${heap} MB; $(cat "$work/viewers.out")"
done
