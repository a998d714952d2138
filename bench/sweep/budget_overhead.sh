#!/usr/bin/env bash
# What a budget costs per trial: 2,000 trivial trials that each stream one spend line to
# $RIGOR_METRICS, run without a budget and with one (limit 100, per_run_limit 0.01, so the sweep
# reserves before every launch, the executor tails every run's metrics file and the ledger records
# every spend), in the same rounds. The two alternate within each round (A, B, A, B…) and the ratio is
# taken per round, so a noisy neighbour (a shared VM) slows both sides alike; the median ratio is the
# result. Usage: bench/sweep/budget_overhead.sh [rounds]
source "$(dirname "$0")/common.sh"
rounds="${1:-5}"
for kind in plain budget; do
  python3 - "$work/budget-$kind.yaml" "$kind" <<'PY'
import sys
path, kind = sys.argv[1:]
spec = ("name: budget-" + kind + "\n"
        "command: [sh, -c, 'echo {{\"cost_usd\": 0.001}} >> \"$RIGOR_METRICS\"']\n"
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
  t0=$(now); "$root/rigor" run budget-plain.yaml --jobs 2 --quiet --no-report --out-root "budget-runs/$r-plain" >/dev/null; t1=$(now)
  "$root/rigor" run budget-budget.yaml --jobs 2 --quiet --no-report --out-root "budget-runs/$r-budget" >/dev/null; t2=$(now)
  python3 - "$t0" "$t1" "$t2" "$r" >> "$results" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:4])
a, b = t1 - t0, t2 - t1
print(f"{sys.argv[4]}\t{a:.3f}\t{b:.3f}\t{b / a:.3f}")
PY
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
