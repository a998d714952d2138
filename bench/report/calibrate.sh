# Sourced by the report benchmarks. This shared VM's speed drifts by up to 2× within minutes: a fixed
# CPU-bound workload (SHA-256 of 1 GiB of zeros, one core), timed right before a try, says how fast
# the machine was at the time. Prints the seconds it took.
calibrate() {
  local s e
  s=$(date +%s.%N); head -c 1073741824 /dev/zero | sha256sum > /dev/null; e=$(date +%s.%N)
  python3 -c "print(round($e - $s, 2))"
}
