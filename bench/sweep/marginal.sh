#!/usr/bin/env bash
# Marginal cost per trial: the slope of wall time between 500 and 4,000 trivial trials (`true`) at
# --jobs 2, so that start-up (the JVM's, Python's) is not in the figure. Measured in the same rounds:
#   C floor       records_floor.c: the files DESIGN.md §5 asks of a run (meta.json at start and end
#                 through a rename), two forked workers, posix_spawn, nothing else
#   python floor  records_floor.py: the same files (meta.json at the end only) from CPython
#   rigor default `rigor run` as users get it (measure: auto; cgroup v1 on this machine kind, as root)
#   rigor proc    `rigor run --measure proc`
#   parallel      GNU parallel -j2 --joblog --results: the peer that records
# Every round runs each command at 500 and at 4,000 trials, the commands alternating, and the
# slope (s per 1,000 trials) and its ratio to the C floor's are taken per round; the medians are
# printed. The same slope of CPU time (user + system of the command and everything it waited for)
# is printed too: on a VM whose neighbours saturate the cores, it varies far less than wall time. Each run writes into a fresh directory; old ones are deleted only at the end (see
# overhead.sh for why).
#   before-*      with RIGOR_BEFORE=<another checkout, built>: its rigor, default and proc, for a
#                 side-by-side comparison of two versions
# Usage: bench/sweep/marginal.sh [rounds]   (BENCH_ONLY="c rigor-default" runs a subset)
source "$(dirname "$0")/common.sh"
rounds="${1:-3}"
small="${SMALL:-500}"    # SMALL/LARGE change the two sizes (on a machine too loaded for 4,000 trials a tool)
large="${LARGE:-4000}"
command -v parallel >/dev/null || { echo "GNU parallel is needed (apt-get install parallel)" >&2; exit 2; }
floor="$work/records_floor"
gcc -O2 -Wall -Wextra -o "$floor" "$root/bench/sweep/records_floor.c"
for n in $small $large; do
  python3 - "$work/marginal-$n.yaml" "$n" <<'PY'
import sys
n = int(sys.argv[2])
open(sys.argv[1], "w").write("name: marginal\ncommand: [\"true\"]\nmatrix:\n  i: [" + ", ".join(str(i) for i in range(n)) + "]\n")
PY
done
machine
cd "$work"
runs="marginal-runs-$$"   # fresh: deleting a previous run's inodes just before would slow ext4 down
mkdir "$runs"
default_tools="c python rigor-default rigor-proc parallel"
[ -n "${RIGOR_BEFORE:-}" ] && default_tools="c python rigor-default before-default rigor-proc before-proc parallel"
tools=(${BENCH_ONLY:-$default_tools})
run() {   # tool n dir
  case "$1" in
    c) "$floor" "$3" "$2" ;;
    python) python3 "$root/bench/sweep/records_floor.py" "$3" "$2" ;;
    rigor-default) "$root/rigor" run "marginal-$2.yaml" --jobs 2 --quiet --no-report --out-root "$3" >/dev/null ;;
    rigor-proc) "$root/rigor" run "marginal-$2.yaml" --jobs 2 --quiet --no-report --measure proc --out-root "$3" >/dev/null ;;
    before-default) "$RIGOR_BEFORE/rigor" run "marginal-$2.yaml" --jobs 2 --quiet --no-report --out-root "$3" >/dev/null ;;
    before-proc) "$RIGOR_BEFORE/rigor" run "marginal-$2.yaml" --jobs 2 --quiet --no-report --measure proc --out-root "$3" >/dev/null ;;
    parallel) mkdir -p "$3"; seq "$2" | parallel -j2 --joblog "$3/joblog" --results "$3/results" true ;;
  esac
}
results="$work/marginal.tsv"
: > "$results"
for r in $(seq "$rounds"); do
  for n in $small $large; do
    for t in "${tools[@]}"; do
      TIMEFORMAT="%R %U %S"   # wall, and CPU (user, system) of the tool and every process it waited for
      read -r wall user sys < <( { time run "$t" "$n" "$runs/$r-$n-$t" 2>/dev/null; } 2>&1 )
      echo -e "$r\t$t\t$n\t$wall\t$(echo "$user + $sys" | bc)" | tee -a "$results"
    done
  done
done
python3 - "$results" "$small" "$large" "${tools[@]}" <<'PY'
import statistics, sys
from collections import defaultdict
path, small, large, tools = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
t = defaultdict(dict)
cpu = defaultdict(dict)
for line in open(path):
    r, tool, n, s, c = line.split("\t")
    t[(int(r), tool)][int(n)] = float(s)
    cpu[(int(r), tool)][int(n)] = float(c)
rounds = sorted({r for r, _ in t})
slope = {(r, tool): (t[(r, tool)][large] - t[(r, tool)][small]) / (large - small) * 1000 for (r, tool) in t}
print(f"\nmarginal cost per 1,000 trials (slope {small}->{large}), median of {len(rounds)} interleaved rounds:")
for tool in tools:
    s = [slope[(r, tool)] for r in rounds]
    line = f"  {tool:14s} {statistics.median(s):6.3f} s  (rounds: {', '.join(f'{x:.3f}' for x in s)})"
    if "c" in tools and tool != "c":
        ratio = [slope[(r, tool)] / slope[(r, "c")] for r in rounds]
        line += f"   {statistics.median(ratio):.2f}x the C floor (rounds: {', '.join(f'{x:.2f}' for x in ratio)})"
    print(line)
    print(f"  {'':14s} one-shot at {large}: {statistics.median(t[(r, tool)][large] for r in rounds):.2f} s, at {small}: {statistics.median(t[(r, tool)][small] for r in rounds):.2f} s")
print(f"\nmarginal CPU (user + system, the tool and its children) per 1,000 trials, median of {len(rounds)} rounds:")
cslope = {k: (cpu[k][large] - cpu[k][small]) / (large - small) * 1000 for k in cpu}
for tool in tools:
    s = [cslope[(r, tool)] for r in rounds]
    line = f"  {tool:14s} {statistics.median(s):6.3f} s"
    if "c" in tools and tool != "c":
        line += f"   {statistics.median(cslope[(r, tool)] / cslope[(r, 'c')] for r in rounds):.2f}x the C floor"
    print(line)
PY
n=$(find "$runs" -name meta.json | wc -l); echo "meta.json files written: $n"
rm -rf "$runs"
