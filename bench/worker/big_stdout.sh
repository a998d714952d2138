#!/usr/bin/env bash
# A python trial printing 2 GB (issue 13): the worker's output is copied into the run's stdout.txt by the
# coordinator (file to file, no heap), so its heap stays small. The JVM runs with -Xmx256m.
source "$(dirname "$0")/../sweep/common.sh"
cat > "$work/bigprint.py" <<'PY'
import sys
def run(params, ctx):
    line = "iteration value=42 padding padding padding padding padding padding\n" * 1000
    for _ in range(2 * 1024 ** 3 // len(line)):
        sys.stdout.write(line)
    print("final value=7")
    return {"done": 1}
PY
cat > "$work/bigprint.yaml" <<'YAML'
name: bigprint
python: {function: "bigprint:run", path: ["."]}
metrics:
  - regex: {file: stdout, pattern: "final value=([0-9]+)", name: value, type: int}
YAML
machine
cd "$work"
rm -rf runs/bigprint gc.log
start=$(date +%s.%N)
RIGOR_JAVA_OPTS="-Xmx256m -Xlog:gc:file=gc.log" "$root/rigor" run bigprint.yaml --quiet --no-report
end=$(date +%s.%N)
peak=$(grep -oE '[0-9]+M->[0-9]+M' gc.log | awk -F'->' '{gsub("M","",$1); if ($1+0>m) m=$1+0} END {print m+0}')
echo "stdout.txt: $(stat -c %s runs/bigprint/runs/*/stdout.txt) bytes; metric: $(grep -o '"value" : [0-9]*' runs/bigprint/runs/*/metrics.json)"
echo "wall $(python3 -c "print(round($end-$start,1))") s; peak heap before GC ${peak} MB (-Xmx256m)"
rm -rf runs/bigprint
