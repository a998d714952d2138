#!/usr/bin/env bash
# `rigor report` of the 100,000-run benchmark experiment with this checkout and with an earlier revision,
# alternating, each through its own launcher (so with its own JVM options), with a CPU calibration
# before each round. On this shared VM the speed drifts by up to 2× within minutes; the ratio of the
# two, measured side by side, is the figure that holds.
# Usage: bench/report/compare_versions.sh REV [rounds]     (after bench/report/report_100k.sh made the experiment)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rev="${1:?usage: compare_versions.sh REV [rounds]}"
rounds="${2:-3}"
work="${BENCH_WORK:-/tmp/rigor-bench}/report"
exp="$work/bench-report"
[ -f "$exp/manifest.json" ] || { echo "no benchmark experiment in $exp: run bench/report/report_100k.sh first" >&2; exit 2; }
before="$work/rev-$(git -C "$root" rev-parse --short "$rev")"
[ -d "$before" ] || git -C "$root" worktree add -q --detach "$before" "$rev"
"$before/rigor" --version > /dev/null   # builds that revision (and its class-data archive)
"$root/rigor" --version > /dev/null
seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); python3 -c "print(round($e - $s, 2))"; }
source "$root/bench/report/calibrate.sh"
report() { rm -rf "$exp/report"; "$1/rigor" report "$exp"; }
echo "this checkout $(git -C "$root" rev-parse --short HEAD) against $rev; calibration = SHA-256 of 1 GiB on one core"
for r in $(seq "$rounds"); do
  cal=$(calibrate); b=$(seconds report "$before"); n=$(seconds report "$root")
  python3 -c "print(f'round $r: calibration $cal s  $rev {$b:.1f} s  this {$n:.1f} s  this/$rev {$n / $b:.2f}')"
done
