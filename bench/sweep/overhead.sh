#!/usr/bin/env bash
# Per-trial overhead: 2,000 trivial trials (`true`) at --jobs 2, every trial fully recorded
# (run directory, meta.json at start and end, params.json, stdout/stderr files, metrics.json, ledger,
# runs.csv), against `seq 2000 | xargs -P2 -I{} true` measured in the same run.
# Usage: bench/sweep/overhead.sh [runs]   (needs hyperfine: apt-get install -y hyperfine)
source "$(dirname "$0")/common.sh"
runs="${1:-5}"
cat > "$work/overhead.yaml" <<'YAML'
name: overhead
command: ["true"]
matrix: {i: {count: 0}}
YAML
python3 - "$work/overhead.yaml" <<'PY'
import sys
open(sys.argv[1], "w").write("name: overhead\ncommand: [\"true\"]\nmatrix:\n  i: [" + ", ".join(str(i) for i in range(2000)) + "]\n")
PY
machine
cd "$work"
hyperfine --runs "$runs" --warmup 1 --export-markdown "$work/overhead.md" \
  --prepare "rm -rf $work/runs" \
  -n 'xargs -P2 (2000 x true)' 'seq 2000 | xargs -P2 -I{} true' \
  -n 'rigor --jobs 2 (cgroup, default here)' "java -jar $jar run overhead.yaml --jobs 2 --quiet --measure auto" \
  -n 'rigor --jobs 2 --measure proc' "java -jar $jar run overhead.yaml --jobs 2 --quiet --measure proc"
cat "$work/overhead.md"
