"""Independent oracle for dev.rigor.stats.ConfidenceSequence (called by ConfidenceSequenceOracleTest).

Reads {"alpha", "tightest_at", "data": [[...], ...]} on stdin and prints, for every data set, the
half-widths of both methods. Written from the papers, not from the Java code:
  * Lai's t confidence sequence: the set of mu where the scale-invariant normal-mixture martingale
    M_n(mu) = sqrt(c/(n+c)) * (1 - S^2/((n+c)Q))^(-n/2) stays below 1/alpha, found by root finding
    on M_n(mean + h) = 1/alpha with scipy's brentq (the Java code uses the solved closed form);
  * Waudby-Smith et al.'s asymptotic CS, Theorem 2.2, with rho^2 minimising the boundary at n* found
    numerically by scipy.optimize (the Java code uses the closed-form approximation).
"""
import json
import math
import sys

import numpy as np
from scipy.optimize import brentq, minimize_scalar


def rho2_closed(alpha, n_star):
    l = -2 * math.log(alpha)
    return (l + math.log(1 + l)) / n_star


def lai_half_width(x, alpha, c):
    n = len(x)
    if n < 2:
        return math.inf
    mean = float(np.mean(x))

    def log_m(h):  # log M_n at mu = mean + h, minus log(1/alpha)
        d = x - (mean + h)
        s, q = d.sum(), (d * d).sum()
        inner = 1 - s * s / ((n + c) * q)
        if inner <= 0:
            return math.inf
        return 0.5 * math.log(c / (n + c)) - n / 2 * math.log(inner) + math.log(alpha)

    hi = np.std(x) + 1e-12
    for _ in range(200):
        v = log_m(hi)
        if v > 0:
            return brentq(log_m, 0.0, hi, xtol=1e-14, rtol=1e-13, maxiter=500)
        # M_n(mu) tends to sqrt(c/(n+c)) (1 - n/(n+c))^(-n/2) as |mu| grows: unbounded when that stays below 1/alpha
        if hi > 1e12 * (np.std(x) + 1):
            return math.inf
        hi *= 2
    return math.inf


def asymptotic_half_width(x, alpha, rho2):
    n = len(x)
    if n < 2:
        return math.inf
    sigma = float(np.std(x))  # plug-in (1/n) variance, as in the theorem
    nr = n * rho2 + 1
    return sigma * math.sqrt(2 * nr / (n * n * rho2) * math.log(math.sqrt(nr) / alpha))


def best_rho2(alpha, n_star):
    width = lambda r: math.sqrt(2 * (n_star * r + 1) / (n_star ** 2 * r) * math.log(math.sqrt(n_star * r + 1) / alpha))
    res = minimize_scalar(lambda lr: width(math.exp(lr)), bounds=(-20, 10), method="bounded", options={"xatol": 1e-10})
    return math.exp(res.x)


def main():
    req = json.load(sys.stdin)
    alpha, n_star = req["alpha"], req["tightest_at"]
    rho2 = rho2_closed(alpha, n_star)
    out = []
    for data in req["data"]:
        x = np.asarray(data, dtype=float)
        out.append({
            "lai": lai_half_width(x, alpha, 1 / rho2),
            "asymptotic": asymptotic_half_width(x, alpha, rho2),
            "asymptotic_optimal_rho2": asymptotic_half_width(x, alpha, best_rho2(alpha, n_star)),
        })
    json.dump(out, sys.stdout, allow_nan=True)


if __name__ == "__main__":
    main()
