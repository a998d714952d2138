#!/usr/bin/env python3
"""A trial that uses known resources in a grandchild: MB of memory held for a while, and CPU seconds.

usage: resources.py MEGABYTES CPU_SECONDS
"""
import os
import sys
import time

mb, cpu = int(sys.argv[1]), float(sys.argv[2])
pid = os.fork()
if pid == 0:
    block = bytearray(mb * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1  # touch every page so it is resident
    end = time.process_time() + cpu
    x = 0
    while time.process_time() < end:
        x += 1
    time.sleep(0.5)  # hold the memory while /proc sampling looks
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("child exit", os.waitstatus_to_exitcode(status), flush=True)
sys.exit(os.waitstatus_to_exitcode(status))
