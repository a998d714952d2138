#!/usr/bin/env bash
# The report at scale: a synthetic experiment of 100,000 runs × 20 metrics (written once through the
# store API, kept in $BENCH_WORK), then `rigor report` timed (three tries), the HTML's size, and in
# headless Chromium the first paint, when the runs table is ready, and sorting it. Figures: docs/perf/report.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_WORK:-/tmp/rigor-bench}/report"
jar="$root/core/target/rigor.jar"
mkdir -p "$work"
"$root/rigor" --version > /dev/null   # builds the jar and its class-data archive when needed
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "java: $(java -version 2>&1 | head -1); chromium: $(chromium --version 2>/dev/null || echo missing)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
exp="$work/bench-report"
if [ ! -f "$exp/manifest.json" ]; then
  echo "set-up: writing 100,000 runs through the store API…"
  rm -rf "$exp"
  java -cp "$jar" "$root/bench/report/GenerateExperiment.java" "$work" 1000
fi
source "$root/bench/report/calibrate.sh"   # calibrate: seconds of a fixed CPU workload, timed before each try
for try in 1 2 3; do
  rm -rf "$exp/report"
  cal=$(calibrate)
  start=$(date +%s.%N)
  "$root/rigor" report "$exp" > "$work/report.out"   # what users run: the launcher
  end=$(date +%s.%N)
  echo "try $try: rigor report (default formats: html, md, png) took $(python3 -c "print(round($end - $start, 1))") s" \
    "(calibration just before: sha256 of 1 GiB in $cal s)"
done
cat "$work/report.out"
echo "index.html: $(du -b "$exp/report/index.html" | cut -f1 | python3 -c 'import sys; print(round(int(sys.stdin.read())/1e6, 1))') MB;" \
  "report.md: $(du -b "$exp/report/report.md" | cut -f1) bytes; assets: $(ls "$exp/report/assets" | wc -l) files"
echo "where the time goes:"
java -XX:+UseParallelGC -cp "$jar" "$root/bench/report/ReportPhases.java" "$exp"
(cd "$root" && mvn -B -q -Dstyle.color=never -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1)
java -cp "$jar:$(cat "$work/cp.txt")" "$root/bench/report/BrowserTiming.java" "$exp/report/index.html" latency_p95_ms policy run_id 2>&1 \
  | grep -v -e '^WARNING' -e 'CdpVersionFinder' -e '^[A-Z][a-z][a-z] [0-9]'

