#!/usr/bin/env bash
# 50 viewers of a sweep's dashboard page for 60 s (loopback only): the sweep's throughput with vs without
# `rigor serve` + viewers, interleaved A, B per round, and the serve process's heap (jstat samples).
# Usage: bench/serve/viewers_ab.sh [rounds] [trials]   (part of serve_bench.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_WORK:-/tmp/rigor-bench}/serve"
rounds="${1:-2}"
trials="${2:-600}"
mkdir -p "$work"
# A real sweep ($trials trials of sleep 0.2 s, 2 jobs; 600 ≈ 60 s), A = no dashboard, B = rigor serve
#    with 50 viewers on the sweep's page; interleaved A, B, A, B. The serve process's heap is sampled with jstat.
cat > "$work/sweep.yaml" <<'SPEC'
name: viewers
command: [sh, -c, "sleep 0.2; echo score=1"]
matrix: {i: HALF}
seeds: [1, 2]
jobs: 2
metrics: [{regex: {file: stdout, pattern: "score=([0-9]+)", name: score, type: float}}]
SPEC
sed -i "s/HALF/$(python3 -c "print(list(range($trials // 2)))")/" "$work/sweep.yaml"
sweep() { rm -rf "$work/sweeps/viewers"; local s e; s=$(date +%s.%N)
  "$root/rigor" run "$work/sweep.yaml" --out-root "$work/sweeps" --quiet --no-report > /dev/null || true; e=$(date +%s.%N)
  python3 -c "print(round($trials / ($e - $s), 2))"; }
for r in $(seq "$rounds"); do
  a=$(sweep)
  mkdir -p "$work/sweeps"
  # the server's heap capped at 256 MB: it must serve the whole minute within it (an OutOfMemoryError would end it)
  RIGOR_JAVA_OPTS="${SERVE_JAVA_OPTS:--Xmx256m}" "$root/rigor" serve "$work/sweeps" --port 0 > "$work/serve.out" 2>&1 &
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
  alive=$([ -s "$work/heap.txt" ] && ! grep -q OutOfMemory "$work/serve.out" && echo "no OutOfMemoryError" || echo "SERVER FAILED")
  heap=$(awk 'NF>10 && $1!="S0C" {u=($3+$4+$6+$8)/1024; if (u>m) m=u} END {printf "%.0f", m}' "$work/heap.txt")
  echo "round $r: sweep without dashboard $a trials/s; with rigor serve and 50 viewers $b trials/s (ratio $(python3 -c "print(round($b / $a, 3))"));" \
    "server heap used max ${heap} MB (-Xmx256m, $alive); $(cat "$work/viewers.out")"
done
