#!/usr/bin/env bash
# Trials without a process each (issue 13): N trivial trials at --jobs 2, fully recorded, as `python`
# trials, `java` trials (worker and coordinator isolation) and — for the start-up comparison — as
# process trials (`python3 trivial.py`), against the records floor (bench/sweep/records_floor.py: the
# files DESIGN.md §5 asks of every run, written by CPython, with a `true` process per trial).
# Commands alternate within each round and ratios are taken per round (a shared VM).
# Usage: bench/worker/trivial.sh [rounds] [n] [n_process]
source "$(dirname "$0")/../sweep/common.sh"
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-3}"; n="${2:-10000}"; np="${3:-1000}"
cp "$here/trivial.py" "$here/with_numpy.py" "$work/"
(cd "$root" && mvn -B -q -o -pl api package -DskipTests >/dev/null 2>&1 || mvn -B -q -pl api package -DskipTests)
mkdir -p "$work/trivial-classes"
javac -d "$work/trivial-classes" -cp "$root/api/target/rigor-api.jar" "$here/Trivial.java"
spec() {   # name, kind block, trial count
  python3 - "$work/$1.yaml" "$1" "$2" "$3" <<'PY'
import sys
path, name, kind, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
open(path, "w").write("name: %s\n%s\njobs: 2\nmatrix:\n  i: [%s]\n" % (name, kind, ", ".join(str(i) for i in range(n))))
PY
}
spec py 'python: {function: "trivial:run", path: ["."]}' "$n"
spec jworker "java: {class: Trivial, classpath: [trivial-classes]}" "$n"
spec jthread "java: {class: Trivial, classpath: [trivial-classes], isolation: coordinator}" "$n"
spec pyfn "python: {function: \"trivial:run\", path: [\".\"]}" "$np"
spec pyproc 'command: [python3, trivial.py]' "$np"
spec npfn "python: {function: \"with_numpy:run\", path: [\".\"]}" "$np"
spec npproc 'command: [python3, with_numpy.py]' "$np"
machine
cd "$work"
k=0
timed() {   # label, command...: prints seconds
  local start end
  start=$(date +%s.%N); "${@:2}" >/dev/null 2>&1 || echo "($1 exited $?)" >&2; end=$(date +%s.%N)
  python3 -c "print(round($end-$start, 2))"
}
# A copy of the jar, run as the launcher runs `rigor run` (C1 only): editing sources during the benchmark
# cannot make the launcher rebuild in the middle of it.
cp "$jar" "$work/rigor-bench.jar"
rig() { k=$((k+1)); java -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$work/rigor-bench.jar" run "$1.yaml" --quiet --no-report --name "$1-$k"; }
rm -rf "$work"/floor-* "$work"/floor2-* "$work"/runs
for r in $(seq "$rounds"); do
  floor=$(timed floor python3 "$root/bench/sweep/records_floor.py" "$work/floor-$r" "$n")
  py=$(timed python rig py)
  jw=$(timed jworker rig jworker)
  jt=$(timed jthread rig jthread)
  floor2=$(timed floor python3 "$root/bench/sweep/records_floor.py" "$work/floor2-$r" "$n")
  pf=$(timed pyfn rig pyfn)
  pp=$(timed pyproc rig pyproc)
  nf=$(timed npfn rig npfn)
  npp=$(timed npproc rig npproc)
  python3 - "$r" "$n" "$np" "$floor" "$floor2" "$py" "$jw" "$jt" "$pf" "$pp" "$nf" "$npp" <<'PY'
import sys
r, n, np_ = sys.argv[1:4]
floor, floor2, py, jw, jt, pf, pp, nf, npp = map(float, sys.argv[4:])
f = (floor + floor2) / 2
print(f"round {r}: {n} trials: floor {f:.1f}s | python {py:.1f}s ({py/f:.2f}x) | java worker {jw:.1f}s ({jw/f:.2f}x)"
      f" | java coordinator {jt:.1f}s ({jt/f:.2f}x)")
print(f"round {r}: {np_} trials: python fn {pf:.1f}s vs python3 process {pp:.1f}s ({pp/pf:.1f}x faster)"
      f" | numpy fn {nf:.1f}s vs numpy process {npp:.1f}s ({npp/nf:.1f}x faster)")
PY
done
rm -rf "$work"/floor-* "$work"/floor2-* "$work"/runs
