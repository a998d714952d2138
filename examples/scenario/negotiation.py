#!/usr/bin/env python3
"""A stand-in for Scenario Lab's LLM-driven negotiation (seed 002), written for Rigor's example.

Two actors -- a regulator and a tech company -- negotiate a regulation over a number of turns.
Each turn each actor "calls" its model: the call takes time, consumes tokens and costs money
according to a small table of model prices and skills. The scenario is seeded (same seed and
models, same negotiation), streams its cumulative spend as JSON lines to $RIGOR_METRICS
({"cost_usd": ...}) after every call, and ends with lines such as "cooperation level: 7".

Like a real API, it is sometimes rate limited: then it prints an HTTP 429 message to stderr and
exits 75 (EX_TEMPFAIL). Rate limits are not part of the scenario, so they are drawn from the OS's
randomness, not the seed: a retry of the same run can succeed. Exit codes: 0 agreement reached,
1 no agreement, 75 rate limited.

Environment: SCENARIO_LATENCY scales the simulated call time (default 1.0; 0 for none),
SCENARIO_RATE_LIMIT is the chance per call of a 429 (default 0.01), SCENARIO_HANG=1 makes an
actor's API call never return (to see a timeout stop the run).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

# model -> (USD per 1k prompt tokens, USD per 1k completion tokens, skill 0..1, seconds per call)
MODELS = {
    "openai/gpt-4o-mini": (0.00015, 0.0006, 0.55, 0.04),
    "anthropic/claude-3-haiku": (0.00025, 0.00125, 0.58, 0.04),
    "openai/gpt-4o": (0.0025, 0.01, 0.78, 0.08),
    "anthropic/claude-3.5-sonnet": (0.003, 0.015, 0.82, 0.08),
}

ISSUES = ["data retention", "audit access", "model disclosure", "fines", "compliance deadline"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--regulator_model", required=True, choices=sorted(MODELS))
    p.add_argument("--tech_company_model", required=True, choices=sorted(MODELS))
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--max_turns", type=int, default=10)
    p.add_argument("--out", default=os.environ.get("RIGOR_OUT", "out"))
    p.add_argument("--tag", default="", help="a label, ignored (tests find the scenario's processes by it)")
    return p.parse_args()


class Meter:
    """Counts tokens and spend, and streams the cumulative spend the way Rigor reads it."""

    def __init__(self, path):
        self.path = path
        self.cost = 0.0
        self.tokens = 0
        self.calls = 0

    def charge(self, model, prompt_tokens, completion_tokens):
        price_in, price_out, _, _ = MODELS[model]
        self.cost += prompt_tokens / 1000 * price_in + completion_tokens / 1000 * price_out
        self.tokens += prompt_tokens + completion_tokens
        self.calls += 1
        if self.path:
            with open(self.path, "a") as f:  # one line per report: the last value counts
                f.write(json.dumps({"cost_usd": round(self.cost, 6), "tokens": self.tokens}) + "\n")


def call_model(actor, model, turn, history_tokens, rng, meter, latency, rate_limit, hang, tag):
    """One 'API call': waits, may be rate limited, costs tokens. Returns the actor's concession (0..1)."""
    seconds = MODELS[model][3] * latency * (0.5 + rng.random())
    if hang and actor == "tech-company" and turn == 3:
        print(f"[turn {turn}] {actor} waiting for {model} ...", flush=True)
        # a tool process whose API call never returns: only stopping the whole tree ends it
        subprocess.run([sys.executable, "-c", "import time; time.sleep(3600)", tag])
    time.sleep(seconds)
    if random.SystemRandom().random() < rate_limit:
        print(f"Error: 429 Too Many Requests: rate limit exceeded for {model} (actor {actor}, turn {turn})",
              file=sys.stderr, flush=True)
        sys.exit(75)
    prompt = 400 + history_tokens + rng.randint(0, 300)
    completion = rng.randint(150, 450)
    meter.charge(model, prompt, completion)
    skill = MODELS[model][2]
    return max(0.0, min(1.5, rng.gauss(skill, 0.35)))


def main():
    args = parse_args()
    latency = float(os.environ.get("SCENARIO_LATENCY", "1.0"))
    rate_limit = float(os.environ.get("SCENARIO_RATE_LIMIT", "0.01"))
    hang = os.environ.get("SCENARIO_HANG") == "1"
    rng = random.Random(f"{args.seed}|{args.regulator_model}|{args.tech_company_model}")
    meter = Meter(os.environ.get("RIGOR_METRICS"))
    os.makedirs(args.out, exist_ok=True)

    positions = {"regulator": 0.0, "tech-company": 1.0}  # 0 = strict rules, 1 = none
    history = 0
    settled = []
    turns = 0
    for turn in range(1, args.max_turns + 1):
        turns = turn
        issue = ISSUES[(turn - 1) % len(ISSUES)]
        r = call_model("regulator", args.regulator_model, turn, history, rng, meter, latency, rate_limit, hang, args.tag)
        c = call_model("tech-company", args.tech_company_model, turn, history, rng, meter, latency, rate_limit, hang, args.tag)
        history += 350
        positions["regulator"] += 0.065 * r
        positions["tech-company"] -= 0.065 * c
        gap = positions["tech-company"] - positions["regulator"]
        print(f"[turn {turn}] {issue}: regulator {positions['regulator']:.2f}, "
              f"tech-company {positions['tech-company']:.2f}, gap {gap:.2f}", flush=True)
        if gap <= 0.15 and issue not in settled:
            settled.append(issue)
        if gap <= 0.05:
            break

    gap = max(0.0, positions["tech-company"] - positions["regulator"])
    cooperation = max(1, min(10, round(10 * (1 - gap) - rng.random())))
    agreement = gap <= 0.2 and cooperation >= 6
    result = {
        "cooperation_level": cooperation,
        "agreement": agreement,
        "turns": turns,
        "issues_settled": len(settled),
        "total_cost_usd": round(meter.cost, 6),
        "tokens": meter.tokens,
    }
    with open(os.path.join(args.out, "result.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(f"cooperation level: {cooperation}")
    print(f"issues settled: {len(settled)}")
    print(f"agreement: {'yes' if agreement else 'no'}")
    print(f"total cost: ${meter.cost:.4f} in {meter.calls} calls")
    return 0 if agreement else 1


if __name__ == "__main__":
    sys.exit(main())
