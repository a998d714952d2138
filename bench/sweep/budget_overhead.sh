#!/usr/bin/env bash
# What a budget costs per trial: 2,000 trivial trials that each stream one spend line to
# $RIGOR_METRICS, run without a budget and with one (limit 100, per_run_limit 0.01, so the sweep
# reserves before every launch, the executor tails every run's metrics file and the ledger records
# every spend), in the same rounds. Both run in each round, in alternating order (A B, B A, …: the second
# run of a round writes its 10,000 files while ext4 still flushes the first's), and the ratio is taken
# per round, so a noisy neighbour (a shared VM) slows both sides alike; the median ratio is the result.
# Usage: bench/sweep/budget_overhead.sh [rounds]
source "$(dirname "$0")/common.sh"
rounds="${1:-5}"
for kind in plain budget; do
  python3 - "$work/budget-$kind.yaml" "$kind" <<'PY'
import sys
path, kind = sys.argv[1:]
spec = ("name: budget-" + kind + "\n"
        "command: [sh, -c, 'echo \"{{\\\"cost_usd\\\": 0.001}}\" >> \"$RIGOR_METRICS\"']\n"
        "matrix:\n  i: [" + ", ".join(str(i) for i in range(2000)) + "]\n")
if kind == "budget":
    spec += "budget: {metric: cost_usd, limit: 100, per_run_limit: 0.01}\n"
open(path, "w").write(spec)
PY
done
machine
cd "$work"
rm -rf budget-runs && mkdir budget-runs
now() { date +%s.%N; }
results="$work/budget.tsv"
: > "$results"
echo -e "round\twithout\twith\twith/without"
for r in $(seq "$rounds"); do
  run() { local t0; t0=$(now); "$root/rigor" run "budget-$1.yaml" --jobs 2 --quiet --no-report --out-root "budget-runs/$r-$1" >/dev/null
    python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$t0" "$(now)"; }
  if [ $((r % 2)) -eq 1 ]; then a=$(run plain); b=$(run budget); else b=$(run budget); a=$(run plain); fi
  python3 -c "import sys; a, b = map(float, sys.argv[1:3]); print(f'{sys.argv[3]}\t{a:.3f}\t{b:.3f}\t{b / a:.3f}')" "$a" "$b" "$r" >> "$results"
  tail -1 "$results"
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [list(map(float, l.split("\t")[1:])) for l in open(sys.argv[1])]
med = lambda i: statistics.median(r[i] for r in rows)
print(f"median of {len(rows)} rounds: without a budget {med(0):.2f} s · with a budget {med(1):.2f} s · "
      f"ratio {med(2):.3f} (per-round ratios {', '.join(f'{r[2]:.3f}' for r in rows)})")
PY
spent=$(sqlite3 "budget-runs/1-budget/budget-budget/rigor.db" "select round(total, 6) from spend_total" 2>/dev/null || echo "?")
echo "spend recorded by the budget run (round 1): $spent (expected 2.0)"
rm -rf budget-runs
