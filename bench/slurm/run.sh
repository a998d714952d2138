#!/usr/bin/env bash
# SLURM executor benchmark (issue 16), on the single-node SLURM of .ci/slurm-up.sh.
#  1. 200 trivial trials through `rigor run --executor slurm` against a bare `sbatch --array=0-199`
#     of `true` and waiting for it (squeue until the array is gone from the active states), in
#     interleaved rounds (A, B, A, B…) in the same run. Target: Rigor ≤ 1.2× bare.
#  2. Coordinator load: squeue calls per minute with 20 and with 2,000 queued tasks. The tasks are
#     held (sbatch --hold, via sbatch_args) so they stay queued; squeue is counted through a PATH shim.
# Rigor runs through its launcher (./rigor), as users run it: the nodes then get its class-data archive.
# Usage: bench/slurm/run.sh [speed|load|all] [rounds=3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="${1:-all}"
rounds="${2:-3}"
rigor="$root/rigor"
"$rigor" --version >/dev/null   # builds the jar and its archive when needed
"$root/.ci/slurm-up.sh"
work="$(mktemp -d)"
trap 'scancel --name=rigor-bench-slurm-load --name=bench-bare >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

wait_gone() {   # waits until no job named $1 is pending, running or completing
  while [ -n "$(squeue -h --name="$1" -t PENDING,RUNNING,COMPLETING,CONFIGURING -o %i)" ]; do sleep 0.2; done
}

if [ "$mode" != load ]; then
cat > "$work/trivial.yaml" <<YAML
name: bench-slurm
command: [true, "{i}"]
matrix: {i: [$(seq -s, 0 199)]}
executor: {type: slurm}
YAML
printf 'running: rounds=%s, %s cores, shared machine\n' "$rounds" "$(nproc)"
declare -a bare rigor
for r in $(seq 1 "$rounds"); do
  s=$(date +%s.%N)
  sbatch --parsable --job-name=bench-bare --array=0-199 --output=/dev/null --wrap true >/dev/null
  wait_gone bench-bare
  b=$(echo "$(date +%s.%N) - $s" | bc)
  rm -rf "$work/runs"
  s=$(date +%s.%N)
  (cd "$work" && RIGOR_PROGRESS=plain "$rigor" run trivial.yaml --no-report -q >/dev/null)
  g=$(echo "$(date +%s.%N) - $s" | bc)
  bare+=("$b"); rigor+=("$g")
  printf 'round %s: bare sbatch --array=0-199 %.1f s   rigor --executor slurm %.1f s   ratio %.2f\n' "$r" "$b" "$g" "$(echo "$g / $b" | bc -l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print ((NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
mb=$(median "${bare[@]}"); mg=$(median "${rigor[@]}")
printf 'median: bare %.1f s, rigor %.1f s, ratio %.2f (target <= 1.2)\n' "$mb" "$mg" "$(echo "$mg / $mb" | bc -l)"
fi
[ "$mode" = speed ] && exit 0

# 2. squeue calls per minute, 20 vs 2,000 queued (held) tasks, 60 s each.
mkdir -p "$work/shim"
real_squeue="$(command -v squeue)"
printf '#!/bin/sh\necho x >> %s/squeue.calls\nexec %s "$@"\n' "$work" "$real_squeue" > "$work/shim/squeue"
chmod +x "$work/shim/squeue"
for n in 20 2000; do
  rm -rf "$work/runs" "$work/squeue.calls"
  cat > "$work/load.yaml" <<YAML
name: bench-slurm-load
command: [true, "{i}"]
matrix: {i: [$(seq -s, 1 "$n")]}
executor: {type: slurm, sbatch_args: [--hold]}
YAML
  (cd "$work" && PATH="$work/shim:$PATH" RIGOR_SLURM_PREFLIGHT=skip "$rigor" run load.yaml --no-report -q >/dev/null 2>&1 &
   echo $! > "$work/pid")
  until [ "$(squeue -h -r -o '%j' | grep -c '^rigor-bench-slurm-load')" -ge "$n" ]; do sleep 0.5; done
  : > "$work/squeue.calls"
  sleep 60
  calls=$(wc -l < "$work/squeue.calls")
  printf 'queued tasks %5d: %d squeue calls in 60 s\n' "$n" "$calls"
  pkill -9 -P "$(cat "$work/pid")" 2>/dev/null || true; kill -9 "$(cat "$work/pid")" 2>/dev/null || true
  scancel --name="$(squeue -h -o %j | grep -m1 '^rigor-bench-slurm-load' || echo none)" >/dev/null 2>&1 || true
  sleep 2
done
