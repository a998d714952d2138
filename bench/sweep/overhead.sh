#!/usr/bin/env bash
# Per-trial overhead: 2,000 trivial trials (`true`) at --jobs 2, every trial fully recorded (run
# directory, meta.json at start and end, params.json, stdout/stderr files, metrics.json, the ledger,
# runs.csv), against `seq 2000 | xargs -P2 -I{} true` measured in the same rounds.
# Each round also times records_floor.py: the same 2,000 trials with only the files DESIGN.md §5 asks
# of a run, written by a lean runtime (CPython). It is the floor that any implementation of the
# contract pays on this file system, so the result says how much of the overhead is the contract's
# and how much is Rigor's own.
#
# The commands alternate within each round and the ratio is taken per round, so a noisy neighbour
# (this is a shared VM) slows both sides of a ratio alike. Every rigor run writes into a fresh
# directory, and old ones are deleted only at the end: deleting thousands of inodes right before a run
# makes ext4's inode allocator scan its recently-deleted inodes, which measures ext4, not Rigor.
# Usage: bench/sweep/overhead.sh [rounds]
source "$(dirname "$0")/common.sh"
rounds="${1:-7}"
python3 - "$work/overhead.yaml" <<'PY'
import sys
open(sys.argv[1], "w").write("name: overhead\ncommand: [\"true\"]\nmatrix:\n  i: [" + ", ".join(str(i) for i in range(2000)) + "]\n")
PY
"$root/rigor" --version >/dev/null   # build and make the class-data archive outside the measurement
machine
cd "$work"
rm -rf overhead-runs && mkdir overhead-runs
now() { date +%s.%N; }
results="$work/overhead.tsv"
: > "$results"
echo -e "round\txargs\tfloor\tcgroup\tproc\tcgroup/xargs\tproc/xargs\tfloor/xargs\tproc/floor"
for r in $(seq "$rounds"); do
  t0=$(now); seq 2000 | xargs -P2 -I{} true; tx=$(now)
  python3 "$root/bench/sweep/records_floor.py" "overhead-runs/$r-floor" 2000; tf=$(now)
  "$root/rigor" run overhead.yaml --jobs 2 --quiet --no-report --measure cgroup --out-root "overhead-runs/$r-cgroup" >/dev/null; t2=$(now)
  "$root/rigor" run overhead.yaml --jobs 2 --quiet --no-report --measure proc --out-root "overhead-runs/$r-proc" >/dev/null; t3=$(now)
  python3 - "$t0" "$tx" "$tf" "$t2" "$t3" "$r" >> "$results" <<'PY'
import sys
t0, tx, tf, t2, t3 = map(float, sys.argv[1:6])
x, f, c, p = tx - t0, tf - tx, t2 - tf, t3 - t2
print(f"{sys.argv[6]}\t{x:.3f}\t{f:.3f}\t{c:.3f}\t{p:.3f}\t{c / x:.2f}\t{p / x:.2f}\t{f / x:.2f}\t{p / f:.2f}")
PY
  tail -1 "$results"
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [list(map(float, l.split("\t")[1:])) for l in open(sys.argv[1])]
med = lambda i: statistics.median(r[i] for r in rows)
print(f"median of {len(rows)} rounds: xargs {med(0):.2f} s · records floor {med(1):.2f} s = {med(6):.2f}x · "
      f"rigor (cgroup) {med(2):.2f} s = {med(4):.2f}x · rigor (proc) {med(3):.2f} s = {med(5):.2f}x "
      f"= {med(7):.2f}x the floor")
PY
n=$(find overhead-runs -name meta.json | wc -l); echo "run records written: $n (expected $((rounds * 6000)), the floor's included)"
rm -rf overhead-runs
