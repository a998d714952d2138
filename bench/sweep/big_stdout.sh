#!/usr/bin/env bash
# A trial printing 2 GB to stdout, with a regex metric over it: the coordinator's heap stays small
# (stdout goes straight to a file; metrics stream line by line). The JVM runs with -Xmx256m.
source "$(dirname "$0")/common.sh"
cat > "$work/bigout.yaml" <<'YAML'
name: bigout
command: [sh, -c, 'yes "iteration value=42 padding padding padding padding" | head -c 2147483648; echo "final value=7"']
metrics:
  - regex: {file: stdout, pattern: "value=([0-9]+)", name: value, type: int}
YAML
machine
cd "$work"
rm -rf runs/bigout gc.log
start=$(date +%s.%N)
RIGOR_JAVA_OPTS="-Xmx256m -Xlog:gc:file=gc.log" "$root/rigor" run bigout.yaml --quiet --no-report
end=$(date +%s.%N)
peak=$(grep -oE '[0-9]+M->[0-9]+M' gc.log | awk -F'->' '{gsub("M","",$1); if ($1+0>m) m=$1+0} END {print m+0}')
echo "stdout.txt: $(stat -c %s runs/bigout/runs/*/stdout.txt) bytes; metric: $(grep -o '"value" : [0-9]*' runs/bigout/runs/*/metrics.json)"
echo "wall $(python3 -c "print(round($end-$start,1))") s; peak heap before GC ${peak} MB (-Xmx256m)"
