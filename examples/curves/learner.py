#!/usr/bin/env python3
"""A small learning task for Rigor's curves example (seed 001's workflow, no GPU, stdlib only).

Tabular Q-learning on a seeded gridworld curriculum: the agent learns to reach a goal on grids that
grow from 4x4 to 7x7 as training goes on; walls are placed from the seed, and with probability
--slip a move goes in a random direction (the environment's noise). Two "architectures":

  tabular  one-step Q-learning, epsilon-greedy, learning rate 0.5 (fast, noisy)
  traces   Q(lambda) with replacing eligibility traces, learning rate 0.2 (slower start, steadier)

The mean reward of every episode is streamed to $RIGOR_METRICS as a series point
{"step": episode, "reward": r}; at the end the curve's summaries the seed's analysis uses are written
as scalars: reward_auc (trapezoid area over the episodes divided by their span) and reward_slope (the
least-squares slope over the last 25% of episodes), plus reward_final.
"""
import argparse
import json
import os
import random

MOVES = [(0, 1), (1, 0), (0, -1), (-1, 0)]


def grid(size, rng):
    walls = set()
    for _ in range(size * size // 6):
        cell = (rng.randrange(size), rng.randrange(size))
        if cell not in ((0, 0), (size - 1, size - 1)):
            walls.add(cell)
    return walls


def step(state, action, size, walls, slip, rng):
    if rng.random() < slip:
        action = rng.randrange(4)
    r, c = state[0] + MOVES[action][0], state[1] + MOVES[action][1]
    if not (0 <= r < size and 0 <= c < size) or (r, c) in walls:
        return state, -0.05, False
    if (r, c) == (size - 1, size - 1):
        return (r, c), 1.0, True
    return (r, c), -0.01, False


def train(arch, episodes, slip, seed, layout):
    rng = random.Random(seed)
    lr, lam = (0.5, 0.0) if arch == "tabular" else (0.2, 0.8)
    gamma, q, curve = 0.95, {}, []
    stages = [4, 5, 6, 7]
    for ep in range(episodes):
        size = stages[min(len(stages) - 1, ep * len(stages) // episodes)]
        walls = grid(size, random.Random((seed if layout == "seeded" else 0) * 1000 + size))
        eps = max(0.05, 0.5 * (1 - ep / episodes))
        state, total, traces = (0, 0), 0.0, {}
        for _ in range(4 * size * size):
            qs = q.setdefault((size, state), [0.0] * 4)
            a = rng.randrange(4) if rng.random() < eps else max(range(4), key=lambda i: (qs[i], -i))
            nxt, reward, done = step(state, a, size, walls, slip, rng)
            total += reward
            nq = q.setdefault((size, nxt), [0.0] * 4)
            delta = reward + (0 if done else gamma * max(nq)) - qs[a]
            if lam == 0:
                qs[a] += lr * delta
            else:
                traces[(size, state, a)] = 1.0
                for key in list(traces):
                    s_size, s_state, s_a = key
                    q[(s_size, s_state)][s_a] += lr * delta * traces[key]
                    traces[key] *= gamma * lam
                    if traces[key] < 1e-3:
                        del traces[key]
            state = nxt
            if done:
                break
        curve.append(total)
    return curve


def summaries(curve):
    n = len(curve)
    auc = sum((curve[i] + curve[i + 1]) / 2 for i in range(n - 1)) / (n - 1)
    tail = list(range(n - n // 4, n))
    xs, ys = tail, [curve[i] for i in tail]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return auc, slope


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", choices=["tabular", "traces"], required=True)
    p.add_argument("--episodes", type=int, default=200)
    p.add_argument("--slip", type=float, default=0.0)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--layout", choices=["seeded", "fixed"], default="seeded",
                   help="seeded: walls differ by seed (a curriculum of different mazes); fixed: one maze for all seeds")
    p.add_argument("--every", type=int, default=5, help="stream the mean reward of this many episodes as one point")
    args = p.parse_args()
    curve = train(args.arch, args.episodes, args.slip, args.seed, args.layout)
    metrics = os.environ.get("RIGOR_METRICS")
    lines = []
    for start in range(0, len(curve), args.every):
        chunk = curve[start:start + args.every]
        lines.append({"step": start + len(chunk), "reward": round(sum(chunk) / len(chunk), 6)})
    auc, slope = summaries(curve)
    lines.append({"reward_auc": round(auc, 6), "reward_slope": round(slope, 8), "reward_final": round(sum(curve[-10:]) / 10, 6)})
    text = "".join(json.dumps(line) + "\n" for line in lines)
    if metrics:
        with open(metrics, "a") as f:
            f.write(text)
    else:
        print(text, end="")
    print(f"arch={args.arch} slip={args.slip} seed={args.seed} auc={auc:.4f} slope={slope:.6f}")


if __name__ == "__main__":
    main()
