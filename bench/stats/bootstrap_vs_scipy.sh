#!/usr/bin/env bash
# Times Rigor's bootstrap (JMH) and scipy.stats.bootstrap on the same 30 pairs with 10,000 resamples,
# in one session, and prints both and the ratio. Results land in bench/results/ (git-ignored).
# Usage: bench/stats/bootstrap_vs_scipy.sh      (from anywhere; needs mvn, java 17, python3 with scipy)
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/results

mvn -B -q -pl bench/jmh -am package -DskipTests
java -jar bench/jmh/target/benchmarks.jar 'BootstrapBenchmark\.(bca|percentile)PairedMeanDifference$' \
  -f 1 -wi 5 -w 1s -i 10 -r 1s -bm avgt -tu ms -rf json -rff bench/results/jmh-bootstrap.json > bench/results/jmh-bootstrap.log
python3 bench/stats/scipy_bootstrap.py > bench/results/scipy-bootstrap.json

python3 - <<'PY'
import json
jmh = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open("bench/results/jmh-bootstrap.json"))}
scipy = json.load(open("bench/results/scipy-bootstrap.json"))
print(f"paired mean difference, n = 30, 10,000 resamples (SciPy {scipy['scipy']}, NumPy {scipy['numpy']})")
print(f"{'method':<11} {'Rigor (JMH avgt)':>22} {'SciPy (median)':>15} {'ratio':>8}")
for method, bench in (("BCa", "bcaPairedMeanDifference"), ("percentile", "percentilePairedMeanDifference")):
    m = jmh[bench]
    rigor, err = m["score"], m["scoreError"]
    sp = scipy[method]["median_ms"]
    print(f"{method:<11} {rigor:>11.3f} ± {err:5.3f} ms {sp:>12.2f} ms {sp / rigor:>7.1f}x")
PY
