#!/usr/bin/env python3
"""A small, deterministic interactive "agent" for Rigor's session example (seed 003's workflow).

It is not an AI: it follows a few instructions typed at its prompt ("agent> "), and under some
profiles and seeds it makes the kind of mistakes an agent makes. The same profile, seed and
instructions always give the same conversation, so Rigor's statistics about profiles are about
the profiles, not about noise in this program.

Instructions (several may be joined with " ; "):
  say TEXT                 prints TEXT (and logs it to agent.log)
  touch FILE               creates FILE empty
  write FILE TEXT          writes TEXT to FILE; asks "FILE exists, overwrite? (y/n)" when it exists
  write the answer         asks "which file?" and writes 42 to the file named in the reply
  count to N in FILE       writes 1..N, one a line
  summarize FILE into OUT  needs FILE (and fails when it is missing)
  plan a trip              keeps planning and asks "shall I continue planning? (y/n)" forever
After an instruction it prints DONE and the prompt again.

Profiles: careful (rarely wrong), hasty (more typos, sometimes skips a line when counting, and
overwrites without asking). Mistakes are drawn from a generator seeded by --seed and the instruction.
"""
import argparse
import hashlib
import os
import random
import sys

PROFILES = {
    # probability of a slip per instruction, whether it asks before overwriting
    "careful": {"slip": 0.08, "asks": True},
    "hasty": {"slip": 0.40, "asks": False},
}


def out(text="", end="\n"):
    sys.stdout.write(text + end)
    sys.stdout.flush()


def ask(question):
    out(question, end="")
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    return line.strip()


class Agent:
    def __init__(self, profile, seed):
        self.profile = PROFILES[profile]
        self.name = profile
        self.seed = seed

    def rng(self, instruction):
        digest = hashlib.sha256(("%s|%s|%d" % (self.name, instruction, self.seed)).encode()).hexdigest()
        return random.Random(int(digest[:16], 16))

    def slips(self, rng):
        return rng.random() < self.profile["slip"]

    def log(self, text):
        with open("agent.log", "a") as f:
            f.write(text + "\n")

    def write(self, path, text, rng):
        if os.path.exists(path) and self.profile["asks"]:
            if ask("%s exists, overwrite? (y/n) " % path).lower() not in ("y", "yes"):
                out("kept %s" % path)
                return
        if self.slips(rng):
            text = text[:-1]  # a typo: the last character is lost
        with open(path, "w") as f:
            f.write(text + "\n")
        out("wrote %s" % path)

    def do(self, instruction):
        rng = self.rng(instruction)
        words = instruction.split()
        if not words:
            return
        if words[0] == "say":
            text = instruction[4:]
            out(text)
            self.log(text)
        elif words[0] == "touch" and len(words) == 2:
            open(words[1], "a").close()
            out("created %s" % words[1])
        elif instruction == "write the answer":
            target = ask("which file? ")
            self.write(target, "42", rng)
        elif words[0] == "write" and len(words) >= 3:
            self.write(words[1], " ".join(words[2:]), rng)
        elif words[:2] == ["count", "to"] and len(words) == 5 and words[3] == "in":
            n = int(words[2])
            numbers = [str(i) for i in range(1, n + 1)]
            if self.slips(rng):
                del numbers[rng.randrange(len(numbers))]  # skips a number
            with open(words[4], "w") as f:
                f.write("\n".join(numbers) + "\n")
            out("counted to %d in %s" % (n, words[4]))
        elif words[0] == "summarize" and len(words) == 4 and words[2] == "into":
            if not os.path.exists(words[1]):
                out("error: %s not found, nothing to summarize" % words[1])
            else:
                with open(words[1]) as f, open(words[3], "w") as g:
                    g.write("%d lines\n" % len(f.readlines()))
                out("wrote %s" % words[3])
        elif instruction == "plan a trip":
            day = 1
            while True:
                out("day %d: visit a museum" % day)
                if ask("shall I continue planning? (y/n) ").lower() not in ("y", "yes"):
                    break
                day += 1
        else:
            out("sorry, I cannot %s" % instruction)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="careful")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    agent = Agent(args.profile, args.seed)
    out("agent (%s) ready" % args.profile)
    while True:
        line = ask("agent> ")
        for instruction in line.split(" ; "):
            agent.do(instruction.strip())
        out("DONE")


if __name__ == "__main__":
    main()
