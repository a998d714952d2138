#!/usr/bin/env python3
"""The example's custom verify command: exit 0 when the case's result is right (run after the session ended)."""
import os
import sys

case, workdir = sys.argv[1], sys.argv[2]
if case == "count":
    path = os.path.join(workdir, "count.txt")
    lines = open(path).read().split() if os.path.exists(path) else []
    if lines != [str(i) for i in range(1, 6)]:
        print("count.txt should hold 1..5, holds %s" % lines)
        sys.exit(1)
sys.exit(0)
