#!/usr/bin/env bash
# --resume of a 100,000-trial experiment with 99,000 trials done: time from launching rigor to the
# start of its first trial. Set-up runs 99,000 real `true`-like trials once (a few minutes; kept in
# $work). Each further try adds one more seed (1,000 new trials), so try n resumes an experiment of
# (99+n) x 1,000 planned trials with (98+n) x 1,000 done.
source "$(dirname "$0")/common.sh"
python3 - "$work/resume.yaml" <<'PY'
import sys
i = ", ".join(str(n) for n in range(1000))
open(sys.argv[1], "w").write("name: resume100k\ncommand: [sh, -c, '[ -e \"$FIRST\" ] || date +%s.%N > \"$FIRST\"']\n"
                             f"matrix:\n  i: [{i}]\njobs: 2\nmeasure: proc\n")
PY
machine
cd "$work"
if [ ! -f runs/resume100k/.done-99k ]; then
  echo "set-up: running 99,000 trials (seeds 1..99)…"
  again=(); [ -d runs/resume100k ] && again=(--resume)   # an interrupted set-up resumes
  FIRST=/dev/null "$root/rigor" run resume.yaml --set 'seeds={count: 99}' --quiet --no-report "${again[@]}"
  touch runs/resume100k/.done-99k
fi
done_seeds=$(ls runs/resume100k/.done-* | sed 's/.*done-//' | sort -n | tail -1 | sed 's/k//')
for try in 1 2 3; do
  seeds=$((done_seeds + 1))
  rm -f first.txt
  start=$(date +%s.%N)
  FIRST="$work/first.txt" "$root/rigor" run resume.yaml --set "seeds={count: $seeds}" --resume --quiet --no-report > resume.out
  echo "try $try: ${seeds},000 planned, ${done_seeds},000 done: first trial started" \
    "$(python3 -c "print(round($(cat first.txt) - $start, 2))") s after launch — $(head -1 resume.out)"
  touch "runs/resume100k/.done-${seeds}k"
  done_seeds=$seeds
done
