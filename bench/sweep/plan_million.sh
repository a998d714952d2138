#!/usr/bin/env bash
# `rigor plan` of a 1,000,000-trial spec (100 x 100 axis values x 100 seeds): wall time and heap.
# The JVM is capped at -Xmx1g (it would fail past it); GC logging gives the peak heap actually used.
source "$(dirname "$0")/common.sh"
python3 - "$work/million.yaml" <<'PY'
import sys
a = ", ".join(f"a{i}" for i in range(100)); b = ", ".join(str(i) for i in range(100))
open(sys.argv[1], "w").write(f"name: million\ncommand: [sim, --a, \"{{a}}\", --b, \"{{b}}\"]\nparams: {{lr: 0.001, pdfs: 10}}\n"
                             f"matrix:\n  a: [{a}]\n  b: [{b}]\nseeds: {{count: 100}}\n")
PY
machine
cd "$work"
for fmt in table json; do
  rm -f gc.log
  start=$(date +%s.%N)
  RIGOR_JAVA_OPTS="-Xmx1g -Xlog:gc:file=gc.log" "$root/rigor" plan million.yaml --format "$fmt" > plan.out
  end=$(date +%s.%N)
  peak=$(grep -oE '[0-9]+M->[0-9]+M' gc.log | awk -F'->' '{gsub("M","",$1); if ($1+0>m) m=$1+0} END {print m+0}')
  echo "plan --format $fmt: $(wc -l < plan.out) lines, $(python3 -c "print(round($end-$start,2))") s wall, peak heap before GC ${peak} MB (-Xmx1g)"
done
# Peer, same session: Python enumerating the same 1,000,000 combinations and printing one line each
# (what a hand-written sweep.py does before it launches anything).
start=$(date +%s.%N)
python3 -c "
import itertools, sys
w = sys.stdout.write
for i, (a, b, s) in enumerate(itertools.product(range(100), range(100), range(1, 101))):
    w(f'{i}\ta{a}\t{b}\t{s}\tsim --a a{a} --b {b} --seed {s}\n')
" > plan.py.out
end=$(date +%s.%N)
echo "peer: python3 itertools.product printing the same 1,000,000 rows: $(python3 -c "print(round($end-$start,2))") s wall"
