# Shared by the sweep benchmarks: build the jar once, print the machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/core/target/rigor.jar"
work="${BENCH_WORK:-/tmp/rigor-bench}"
mkdir -p "$work"
"$root/rigor" --version >/dev/null   # builds the jar (and its class-data archive) when needed
if [ -n "${BENCH_REBUILD:-}" ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl core,examples/sched -am package)
fi
machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg); CPU stolen by the hypervisor over 2 s: $(steal)"
}
steal() {   # share of CPU time the hypervisor gave to other guests (the 'st' of top)
  read -r _ u1 n1 s1 i1 w1 q1 sq1 st1 _ < /proc/stat; sleep 2
  read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ < /proc/stat
  local total=$(( (u2+n2+s2+i2+w2+q2+sq2+st2) - (u1+n1+s1+i1+w1+q1+sq1+st1) ))
  echo "$(( 100 * (st2 - st1) / (total > 0 ? total : 1) ))%"
}
