"""The causal simulation engine of examples/causal in Python, run by Rigor's `python` trial kind.

The same model as the Java engine (dev.rigor.examples.causal.CausalEngine): five variables linked by
weighted causal rules; each turn the world moves by the rules, seeded noise and its own mean reversion,
the forecast by the rules alone and, unless gravity is off, a pull back toward the baseline. Accuracy
compares forecast and truth, drift measures how far the forecast strayed from the baseline.

    python: {function: "causal_engine:run", path: [examples/causal/python]}
"""

import json
import math
import os

VARIABLES = ["demand", "supply", "price", "sentiment", "inventory"]
RULES = [
    ("sentiment", "demand", 0.4),
    ("demand", "price", 0.5),
    ("supply", "price", -0.5),
    ("price", "supply", 0.3),
    ("demand", "inventory", -0.6),
    ("supply", "inventory", 0.6),
    ("price", "sentiment", -0.2),
]
RATE = 0.5
GRAVITY = 0.25
MEAN_REVERSION = 0.2
MASK = (1 << 64) - 1
DEFAULT_SCENARIOS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios.json")

_scenarios = {}  # read once per worker and file


class SplitMix64:
    """The same tiny generator as the Java engine's, with Box-Muller normals."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return ((self.next_long() >> 11) + 1) * 2.0 ** -53

    def next_gaussian(self):
        u1, u2 = self.next_double(), self.next_double()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def baseline():
    return {v: (0.0 if v == "sentiment" else 1.0) for v in VARIABLES}


def load_scenarios(path):
    if path not in _scenarios:
        with open(path) as f:
            _scenarios[path] = {s["name"]: s for s in json.load(f)["scenarios"]}
    return _scenarios[path]


def step(state, base):
    delta = [0.0] * len(state)
    for cause, effect, weight in RULES:
        c, e = VARIABLES.index(cause), VARIABLES.index(effect)
        delta[e] += RATE * weight * (state[c] - base[c])
    return delta


def simulate(scenario, seed, gravity):
    base_map = baseline()
    base = [base_map[v] for v in VARIABLES]
    overrides = scenario.get("overrides", {})
    truth = [float(overrides.get(v, base_map[v])) for v in VARIABLES]
    forecast = list(truth)
    rng = SplitMix64(seed)
    turns, volatility = scenario.get("turns", 1), scenario.get("volatility", 0.05)
    accuracy = [0.0] * len(truth)
    drift = [0.0] * len(truth)
    for _ in range(turns):
        truth_step, forecast_step = step(truth, base), step(forecast, base)
        for i in range(len(truth)):
            truth[i] += truth_step[i] + volatility * rng.next_gaussian() + MEAN_REVERSION * (base[i] - truth[i])
            forecast[i] += forecast_step[i]
            if gravity:
                forecast[i] += GRAVITY * (base[i] - forecast[i])
            accuracy[i] += 1.0 / (1.0 + abs(forecast[i] - truth[i]))
            drift[i] += abs(forecast[i] - base[i])
    by_variable = {v: {"accuracy": accuracy[i] / turns, "drift": drift[i] / turns} for i, v in enumerate(VARIABLES)}
    ranked = sorted(VARIABLES, key=lambda v: by_variable[v]["accuracy"])
    return {
        "accuracy": sum(m["accuracy"] for m in by_variable.values()) / len(VARIABLES),
        "drift": sum(m["drift"] for m in by_variable.values()) / len(VARIABLES),
        "by_variable": by_variable,
        "best_variable": ranked[-1],
        "worst_variable": ranked[0],
    }


def run(params, ctx):
    """A Rigor trial: params scenario, gravity (true; the gravity_off ablation sets false), optional scenarios file."""
    scenarios = load_scenarios(params.get("scenarios", DEFAULT_SCENARIOS))
    name = params["scenario"]
    if name not in scenarios:
        raise KeyError("unknown scenario %r; known: %s" % (name, sorted(scenarios)))
    return simulate(scenarios[name], ctx.seed, params.get("gravity", True) is not False)
