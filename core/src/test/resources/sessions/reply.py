"""A reply program for a `program` reactor: reads the transcript JSON on stdin, answers deterministically."""
import json
import sys

t = json.load(sys.stdin)
last = t["turns"][-1]
print("echo turn %d saw %d chars" % (last["n"], len(last["received"])))
