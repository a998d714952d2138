#!/usr/bin/env python3
"""Times scipy.stats.bootstrap on the data of bench/jmh BootstrapBenchmark (30 pairs, 10,000 resamples).

Prints one JSON object: SciPy/NumPy versions, the point estimate and the median / min time per call
(milliseconds) for BCa and percentile, paired=True, vectorized statistic.
"""
import argparse
import json
import statistics
import time

import numpy as np
import scipy
from scipy import stats

A = [115.43, 124.63, 117.2, 85.4, 79.11, 101.01, 112.92, 107.64, 127.15, 111.26, 109.6, 89.03, 83.38, 122.27,
     100.73, 112.17, 79.35, 93.45, 80.63, 88.36, 113.55, 77.79, 91.99, 102.46, 89.97, 96.22, 96.67, 106.27, 93.53,
     104.08]
B = [118.77, 130.18, 121.55, 98.35, 78.13, 111.21, 113.5, 104.89, 137.42, 111.62, 110.27, 83.7, 73.79, 129.08,
     96.74, 119.84, 93.44, 95.76, 76.87, 93.73, 121.12, 79.22, 95.09, 113.47, 100.56, 103.48, 94.47, 108.95,
     100.15, 105.81]


def mean_difference(b, a, axis=-1):
    return np.mean(b - a, axis=axis)


def time_method(method, repeats, warmups):
    a, b = np.array(A), np.array(B)
    rng = np.random.default_rng(42)
    call = lambda: stats.bootstrap((b, a), mean_difference, paired=True, vectorized=True, n_resamples=10_000,
                                   method=method, confidence_level=0.95, rng=rng)
    for _ in range(warmups):
        call()
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1e3)
    ci = result.confidence_interval
    return {"median_ms": statistics.median(times), "min_ms": min(times), "repeats": repeats,
            "ci": [float(ci.low), float(ci.high)]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    args = parser.parse_args()
    out = {"scipy": scipy.__version__, "numpy": np.__version__,
           "estimate": float(np.mean(np.array(B) - np.array(A))),
           "BCa": time_method("BCa", args.repeats, args.warmups),
           "percentile": time_method("percentile", args.repeats, args.warmups)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
