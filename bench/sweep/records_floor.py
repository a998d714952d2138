"""The floor under Rigor's per-trial overhead: the files DESIGN.md §5 asks of every run, and nothing else.

Two worker processes run `true` N times between them (as `--jobs 2`), each trial with the records Rigor
writes: runs/<run_id>/, out/, params.json, stdout.txt and stderr.txt (the process's output), metrics.json,
and meta.json through a temporary file and a rename. No ledger, no measurement, no metric extraction, no
JIT: a lean runtime (CPython, posix_spawn) doing the contract's file work only. overhead.sh times it in the
same rounds as xargs and Rigor, so the report can say how much of Rigor's overhead the contract itself costs.
Usage: records_floor.py DIR N
"""
import json
import os
import sys

root, n, workers = sys.argv[1], int(sys.argv[2]), 2
os.makedirs(os.path.join(root, "runs"))


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def trials(worker):
    for i in range(worker, n, workers):
        run = os.path.join(root, "runs", f"i{i}__baseline__{i:012x}")
        os.mkdir(run)
        os.mkdir(os.path.join(run, "out"))
        write(os.path.join(run, "params.json"), json.dumps({"i": i, "replicate": 1, "ablation": "baseline"}, indent=2))
        out = os.open(os.path.join(run, "stdout.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        err = os.open(os.path.join(run, "stderr.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        pid = os.posix_spawnp("true", ["true"], os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, err, 2)])
        os.close(out)
        os.close(err)
        _, status = os.waitpid(pid, 0)
        write(os.path.join(run, "metrics.json"), json.dumps({"schema": "rigor.metrics/1", "values": {}, "missing": []}, indent=2))
        meta = {"schema": "rigor.run/1", "run_id": os.path.basename(run), "params": {"i": i}, "status": "ok",
                "exit_code": os.waitstatus_to_exitcode(status), "cmd": ["true"], "cwd": os.getcwd()}
        temp = os.path.join(run, ".meta.json.tmp")
        write(temp, json.dumps(meta, indent=2))
        os.rename(temp, os.path.join(run, "meta.json"))


children = []
for w in range(workers):
    pid = os.fork()
    if pid == 0:
        trials(w)
        os._exit(0)
    children.append(pid)
for pid in children:
    os.waitpid(pid, 0)
