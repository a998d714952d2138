"""An echo-like interactive program for the session benchmark: prompt "> " (no newline), echoes each
line, and prints DONE after the line numbered by its first argument (default 50)."""
import sys

last = int(sys.argv[1]) if len(sys.argv) > 1 else 50
n = 0
while True:
    sys.stdout.write("> ")
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        break
    n += 1
    sys.stdout.write("echo: %s" % line)
    if n >= last:
        sys.stdout.write("DONE\n")
    sys.stdout.flush()
