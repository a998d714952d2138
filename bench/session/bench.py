#!/usr/bin/python3
"""Session benchmark (docs/PERFORMANCE.md, "Interactive sessions").

1. A 50-turn session against echo_prog.py, driven in the same run, rounds interleaved, by Rigor
   (the packaged jar; time per turn from its transcript: first send to last reply), pexpect (Debian's
   python3-pexpect, default settings and with delaybeforesend=None) and Tcl expect.
   Rigor's harness overhead per turn = its time per turn - expect's (the leanest driver).
2. 200 short sessions (3 turns) at --jobs 2, fully recorded: the sweep's wall time, and the same
   sessions driven by pexpect two at a time (xargs -P2) as the peer.

Usage: /usr/bin/python3 bench/session/bench.py [--rounds 5]   (from the repository root, after mvn package)
"""
import argparse
import json
import os
import glob
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JAR = os.path.join(ROOT, "core/target/rigor.jar")
PROG = os.path.join(HERE, "echo_prog.py")
PY = "/usr/bin/python3"
TURNS = 50


def rigor_session(tmp, turns):
    spec = os.path.join(tmp, "s.yaml")
    with open(spec, "w") as f:
        f.write("""name: bench
session:
  command: [%s, %s, "%d"]
  initial_prompt: "ping 1"
  ready: {regex: "(> |DONE\\\\n)$"}
  reactors: [{when: "DONE", end: true}]
  default: {send: "ping"}
  max_turns: %d
""" % (PY, PROG, turns, turns + 1))
    shutil.rmtree(os.path.join(tmp, "runs"), ignore_errors=True)
    subprocess.run(["java", "-jar", JAR, "run", spec, "--quiet"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    t = json.load(open(glob.glob(os.path.join(tmp, "runs/bench/runs/*/transcript.json"))[0]))
    assert t["end"] == "end" and len(t["turns"]) == turns, t["end"]
    turns_ = t["turns"]
    round_trip = statistics.median(x["end_s"] - x["start_s"] for x in turns_)
    return (turns_[-1]["end_s"] - turns_[0]["start_s"]) / turns, round_trip


def pexpect_session(turns, delay):
    child = pexpect.spawn(PY, [PROG, str(turns)], encoding="utf-8")
    if not delay:
        child.delaybeforesend = None
    child.expect(r"> $")
    t0 = time.perf_counter()
    for i in range(1, turns + 1):
        child.sendline("ping %d" % i)
        child.expect(r"> $" if i < turns else "DONE")
    elapsed = time.perf_counter() - t0
    child.close()
    return elapsed / turns


def expect_session(turns):
    out = subprocess.run(["expect", os.path.join(HERE, "drive.exp"), str(turns), PY, PROG], capture_output=True, text=True, check=True)
    return float(out.stdout.strip()) / turns


def short_sessions(tmp, n):
    spec = os.path.join(tmp, "short.yaml")
    with open(spec, "w") as f:
        f.write("""name: short
seeds: {count: %d}
jobs: 2
session:
  command: [%s, %s, "3"]
  initial_prompt: "ping 1"
  ready: {regex: "(> |DONE\\\\n)$"}
  reactors: [{when: "DONE", end: true}]
  default: {send: "ping"}
""" % (n, PY, PROG))
    shutil.rmtree(os.path.join(tmp, "runs"), ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run(["java", "-jar", JAR, "run", spec, "--quiet"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    metas = [json.load(open(p)) for p in glob.glob(os.path.join(tmp, "runs/short/runs/*/meta.json"))]
    assert len(metas) == n and all(m["status"] == "ok" for m in metas)
    transcripts = [json.load(open(p)) for p in glob.glob(os.path.join(tmp, "runs/short/runs/*/transcript.json"))]
    # time the programs were talking (start to the last reply), summed, per slot
    talking = sum(t["turns"][-1]["end_s"] for t in transcripts) / 2
    return wall, talking


def pexpect_short(n):
    script = ("import pexpect,sys\nc=pexpect.spawn(%r,[%r,'3'],encoding='utf-8')\nc.delaybeforesend=None\nc.expect(r'> $')\n"
              "for i in (1,2,3):\n c.sendline('ping');c.expect(r'> $' if i<3 else 'DONE')\nc.close()\n") % (PY, PROG)
    t0 = time.perf_counter()
    subprocess.run("seq %d | xargs -P2 -I{} %s -c \"$SCRIPT\"" % (n, PY), shell=True, check=True, env=dict(os.environ, SCRIPT=script))
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--short", type=int, default=200)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="rigor-session-bench-")
    rows = {"rigor": [], "rigor_round_trip": [], "pexpect": [], "pexpect_nodelay": [], "expect": []}
    for r in range(args.rounds):
        per_turn, rt = rigor_session(tmp, TURNS)
        rows["rigor"].append(per_turn)
        rows["rigor_round_trip"].append(rt)
        rows["pexpect"].append(pexpect_session(TURNS, True))
        rows["pexpect_nodelay"].append(pexpect_session(TURNS, False))
        rows["expect"].append(expect_session(TURNS))
        print("round %d: %s" % (r + 1, "  ".join("%s %.2f ms" % (k, v[-1] * 1000) for k, v in rows.items())), flush=True)
    med = {k: statistics.median(v) * 1000 for k, v in rows.items()}
    print("median ms per turn (%d turns, %d rounds): %s" % (TURNS, args.rounds, "  ".join("%s %.2f" % kv for kv in med.items())))
    print("rigor / pexpect %.3f   rigor / pexpect(no delay) %.3f   rigor / expect %.3f   rigor - expect %.2f ms per turn"
          % (med["rigor"] / med["pexpect"], med["rigor"] / med["pexpect_nodelay"], med["rigor"] / med["expect"], med["rigor"] - med["expect"]))
    wall, talking = short_sessions(tmp, args.short)
    peer = pexpect_short(args.short)
    print("%d short sessions (3 turns) at --jobs 2: rigor %.1f s (%.1f ms a session, %.0f%% of it with programs talking, the rest harness:"
          " JVM start, PTY and process tree, records, report); pexpect via xargs -P2 %.1f s; ratio %.2f"
          % (args.short, wall, wall / args.short * 1000, 100 * talking / wall, peer, wall / peer))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
