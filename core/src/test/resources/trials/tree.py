#!/usr/bin/env python3
"""A trial that builds a process tree: a child, a grandchild, and a daemon (double fork + setsid,
re-parented away from the tree). Every process carries the marker (argv[1]) in its command line.

usage: tree.py MARKER sleep|exit
  sleep  the main process then sleeps for 300 s (a timeout must stop the whole tree)
  exit   the main process exits 0 at once, leaving the tree behind (Rigor must clean it up)
"""
import os
import sys
import time

marker, mode = sys.argv[1], sys.argv[2]


def sleeper():
    os.execvp(sys.executable, [sys.executable, "-c", "import time; time.sleep(300)", marker])


if os.fork() == 0:  # child
    if os.fork() == 0:  # grandchild
        sleeper()
    if os.fork() == 0:  # daemon: setsid, fork again, the intermediate exits
        os.setsid()
        if os.fork() == 0:
            sleeper()
        os._exit(0)
    sleeper()

time.sleep(0.5)  # let the tree form
print("tree started", flush=True)
if mode == "sleep":
    time.sleep(300)
