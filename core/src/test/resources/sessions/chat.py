"""A deterministic interactive program for Rigor's session tests (never an agent: every reply is fixed).

It prints a banner and the prompt "chat> " without a newline, then obeys one command a line:
  echo TEXT      prints TEXT
  ask            asks "overwrite? (y/n) " and writes answer.txt with the answer
  done           prints DONE
  exit N         exits with code N
  hang           starts a grandchild that ignores SIGTERM and SIGHUP, then never answers
                 (prints DONE instead when the file named by $CHAT_QUICK exists)
  big N          prints N numbered lines
  utf8           prints multi-byte characters one byte at a time (split across reads)
  color          prints coloured text, a title escape and a cursor move
  raw            switches the terminal to raw mode and reads one line key by key
Extra arguments are ignored (tests pass a marker to find the processes).
"""
import os
import signal
import subprocess
import sys
import termios
import time
import tty

out = sys.stdout


def say(text, end="\n"):
    out.write(text + end)
    out.flush()


def main():
    if os.environ.get("CHAT_IGNORE_HUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    say("chat ready")
    while True:
        say("chat> ", end="")
        line = sys.stdin.readline()
        if not line:
            return 0
        cmd, _, arg = line.strip().partition(" ")
        if cmd == "echo":
            say(arg)
        elif cmd == "ask":
            say("overwrite? (y/n) ", end="")
            answer = sys.stdin.readline().strip()
            with open("answer.txt", "w") as f:
                f.write(answer + "\n")
            say("wrote answer.txt")
        elif cmd == "done":
            say("DONE")
        elif cmd == "exit":
            say("bye")
            return int(arg or 0)
        elif cmd == "hang" and os.path.exists(os.environ.get("CHAT_QUICK", "/nonexistent")):
            say("DONE")
        elif cmd == "hang":
            subprocess.Popen(["/bin/sh", "-c", "trap '' TERM HUP; while :; do sleep 1; done", "hang-child"] + sys.argv[1:])
            say("thinking")
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            while True:
                signal.pause()
        elif cmd == "big":
            for i in range(int(arg)):
                out.write("line %d of a large output\n" % i)
            out.flush()
        elif cmd == "utf8":
            data = "é 日本 😀 ok\n".encode("utf-8")
            fd = out.fileno()
            for b in data:
                os.write(fd, bytes([b]))
                time.sleep(0.002)
        elif cmd == "color":
            say("\x1b]0;a title\x07\x1b[1;31mred\x1b[0m \x1b[2Kplain\x1b[10D")
        elif cmd == "raw":
            fd = sys.stdin.fileno()
            saved = termios.tcgetattr(fd)
            tty.setraw(fd)
            try:
                out.write("raw mode, type a line: ")
                out.flush()
                keys = b""
                while True:
                    k = os.read(fd, 1)
                    if k in (b"\r", b"\n"):
                        break
                    keys += k
                out.write("\r\nraw got: " + keys.decode() + "\r\n")
                out.flush()
            finally:
                termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        else:
            say("unknown command: " + cmd)


if __name__ == "__main__":
    sys.exit(main())
