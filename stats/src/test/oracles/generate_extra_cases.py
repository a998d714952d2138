#!/usr/bin/env python3
"""Generates stats/src/test/resources/reference/extra-cases.json: oracle values for rigor-stats.

Every expected value comes from R (via Rscript; the exact R expression is stored in the case's
"command") or from NumPy/SciPy (the Python expression is stored). Nothing here calls Rigor.
Run from the repository root:  python3 stats/src/test/oracles/generate_extra_cases.py
Needs: Rscript (apt-get install -y r-base-core), numpy, scipy.
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import scipy
import scipy.special
import scipy.stats as st

OUT = Path(__file__).resolve().parents[1] / "resources" / "reference" / "extra-cases.json"
R_VERSION = subprocess.run(["Rscript", "-e", "cat(R.version.string)"], capture_output=True, text=True).stdout.strip()
PY_SOURCE = f"SciPy {scipy.__version__} / NumPy {np.__version__}"

rng = np.random.default_rng(20240611)
DATA = {
    "sleep_g1": [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0],
    "sleep_g2": [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4],
    "ties_x": [10, 12, 15, 11, 9, 14, 13, 12, 16, 10, 11, 15],
    "ties_y": [8, 12, 13, 11, 10, 11, 12, 9, 13, 10, 9, 12],
    "big_a": [round(v, 4) for v in rng.normal(1.0, 1.0, 60)],
    "big_b": [round(v, 4) for v in rng.normal(0.7, 1.0, 60)],
    "mw_tx": [3, 4, 2, 6, 2, 5, 5, 7],
    "mw_ty": [1, 3, 2, 4, 1, 2, 3],
    "mw_big_x": [round(v, 4) for v in rng.normal(0.3, 1.0, 55)],
    "mw_big_y": [round(v, 4) for v in rng.normal(0.0, 1.0, 62)],
    "boot_q": [10, 12, 12.5, 12.5, 13.9, 15, 21, 22, 23, 34, 50, 81, 89, 121, 134, 213],
    "mouse_z": [16, 23, 38, 94, 99, 141, 197],
    "mouse_y": [10, 27, 31, 40, 46, 50, 52, 104, 146],
    # Efron & Tibshirani (1993) Table 14.1, spatial test scores A (n = 26).
    "spatial_a": [48, 36, 20, 29, 42, 42, 20, 42, 22, 41, 45, 14, 6, 0, 33, 28, 34, 4, 32, 24, 47, 41, 24, 26, 30, 41],
    "lognormal": [round(v, 4) for v in rng.lognormal(0.0, 0.8, 25)],
    "pvals": [0.5, 0.01, 0.01, 0.2, 0.04, 0.9, 0.03, 0.001],
    "series_steps": [0, 10, 20, 35, 50, 80, 100],
    "series_values": [0.0, 0.1, 0.3, 0.35, 0.5, 0.55, 0.6],
    "small5": [4.0, 1.0, 3.0, 9.0, 2.0],
    "small7": [7.0, -2.0, 3.5, 3.5, 10.0, 0.5, 4.0],
    "cd_x": [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3],
    "cd_y": [4.1, 4.5, 3.9, 5.0, 4.4],
    "poi_x": [1, 2, 2, 3, 5],
    "poi_y": [2, 2, 4],
}
# rliable-style score matrices: rows are runs, columns are tasks.
DATA["scores_a"] = [[round(v, 3) for v in row] for row in rng.normal([0.6, 1.1, 0.3], 0.25, (6, 3))]
DATA["scores_b"] = [[round(v, 3) for v in row] for row in rng.normal([0.5, 0.9, 0.35], 0.25, (5, 3))]
# Null-like paired data for the bootstrap comparisons.
DATA["paired_x"] = [round(v, 3) for v in rng.normal(10, 2, 20)]
DATA["paired_y"] = [round(v + d, 3) for v, d in zip(DATA["paired_x"], rng.normal(0.8, 1.5, 20))]

CASES = []


def r_vec(name):
    return "c(" + ", ".join(repr(float(v)) for v in DATA[name]) + ")"


def r_eval(expr):
    """Evaluates an R expression returning a numeric vector; returns a list of floats."""
    code = f"options(warn = -1); v <- as.numeric({expr}); cat(sprintf('%.17g', v), sep = '\\n')"
    out = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, check=True).stdout
    return [float(line) for line in out.split()]


def r_case(kind, name, inputs, expected, tol_rel, tol_abs=None):
    """expected: {key: R expression}; the R expression's data names are substituted from DATA."""
    values, commands = {}, {}
    for key, template in expected.items():
        expr = template
        for data_name in sorted(DATA, key=len, reverse=True):
            if "@" + data_name in expr:
                expr = expr.replace("@" + data_name, r_vec(data_name))
        result = r_eval(expr)
        values[key] = result[0] if len(result) == 1 else result
        commands[key] = template
    add(kind, name, inputs, values, tol_rel, R_VERSION, commands, tol_abs)


def add(kind, name, inputs, expected, tol_rel, source, command, tol_abs=None):
    if tol_abs is None and kind.startswith("bootstrap_"):
        tol_abs = boot_tol_abs(expected)
    case = {"kind": kind, "name": name, "input": inputs, "expected": expected, "tol_rel": tol_rel,
            "source": source, "command": command}
    if tol_abs is not None:
        case["tol_abs"] = tol_abs
    CASES.append(case)


def arr(name):
    return np.array(DATA[name], dtype=float)


# ---------------------------------------------------------------- t tests (R t.test)
r_case("t_welch", "Welch t at 90% (sleep g2 vs g1)", {"x": "sleep_g2", "y": "sleep_g1", "confidence": 0.9},
       {"t": "t.test(@sleep_g2, @sleep_g1, conf.level = 0.9)$statistic",
        "df": "t.test(@sleep_g2, @sleep_g1, conf.level = 0.9)$parameter",
        "p": "t.test(@sleep_g2, @sleep_g1, conf.level = 0.9)$p.value",
        "ci": "t.test(@sleep_g2, @sleep_g1, conf.level = 0.9)$conf.int"}, 1e-9)
r_case("t_paired", "paired t at 99% (sleep g2 vs g1)", {"x": "sleep_g2", "y": "sleep_g1", "confidence": 0.99},
       {"t": "t.test(@sleep_g2, @sleep_g1, paired = TRUE, conf.level = 0.99)$statistic",
        "df": "t.test(@sleep_g2, @sleep_g1, paired = TRUE, conf.level = 0.99)$parameter",
        "p": "t.test(@sleep_g2, @sleep_g1, paired = TRUE, conf.level = 0.99)$p.value",
        "ci": "t.test(@sleep_g2, @sleep_g1, paired = TRUE, conf.level = 0.99)$conf.int"}, 1e-9)
r_case("t_one_sample", "one-sample t of sleep g1 against mu = 0.5", {"x": "sleep_g1", "mu": 0.5, "confidence": 0.95},
       {"t": "t.test(@sleep_g1, mu = 0.5)$statistic", "df": "t.test(@sleep_g1, mu = 0.5)$parameter",
        "p": "t.test(@sleep_g1, mu = 0.5)$p.value", "ci": "t.test(@sleep_g1, mu = 0.5)$conf.int - 0.5"}, 1e-9)
r_case("t_student", "Student t at 95%, unequal sizes (mouse z vs y)", {"x": "mouse_z", "y": "mouse_y", "confidence": 0.95},
       {"t": "t.test(@mouse_z, @mouse_y, var.equal = TRUE)$statistic",
        "df": "t.test(@mouse_z, @mouse_y, var.equal = TRUE)$parameter",
        "p": "t.test(@mouse_z, @mouse_y, var.equal = TRUE)$p.value",
        "ci": "t.test(@mouse_z, @mouse_y, var.equal = TRUE)$conf.int"}, 1e-9)

# ---------------------------------------------------------------- rank tests (R wilcox.test)
r_case("wilcoxon_paired", "signed-rank with zeros and ties: normal approximation, continuity correction",
       {"x": "ties_x", "y": "ties_y"},
       {"V": "wilcox.test(@ties_x, @ties_y, paired = TRUE)$statistic",
        "p": "wilcox.test(@ties_x, @ties_y, paired = TRUE)$p.value"}, 1e-9)
r_case("wilcoxon_paired", "signed-rank, n = 60 without ties: normal approximation", {"x": "big_a", "y": "big_b"},
       {"V": "wilcox.test(@big_a, @big_b, paired = TRUE)$statistic",
        "p": "wilcox.test(@big_a, @big_b, paired = TRUE)$p.value"}, 1e-9)
r_case("wilcoxon_paired", "signed-rank, sleep g2 vs g1: tied differences, so normal approximation",
       {"x": "sleep_g2", "y": "sleep_g1"},
       {"V": "wilcox.test(@sleep_g2, @sleep_g1, paired = TRUE)$statistic",
        "p": "wilcox.test(@sleep_g2, @sleep_g1, paired = TRUE)$p.value"}, 1e-9)
r_case("mann_whitney", "rank-sum with ties: normal approximation, continuity correction", {"x": "mw_tx", "y": "mw_ty"},
       {"W": "wilcox.test(@mw_tx, @mw_ty)$statistic", "p": "wilcox.test(@mw_tx, @mw_ty)$p.value"}, 1e-9)
r_case("mann_whitney", "rank-sum, n = 55 and 62 without ties: normal approximation", {"x": "mw_big_x", "y": "mw_big_y"},
       {"W": "wilcox.test(@mw_big_x, @mw_big_y)$statistic", "p": "wilcox.test(@mw_big_x, @mw_big_y)$p.value"}, 1e-9)
r_case("mann_whitney", "rank-sum exact, mouse z vs y", {"x": "mouse_z", "y": "mouse_y"},
       {"W": "wilcox.test(@mouse_z, @mouse_y)$statistic", "p": "wilcox.test(@mouse_z, @mouse_y)$p.value"}, 1e-9)

# ---------------------------------------------------------------- noncentral t and power (R pt, power.t.test)
for t, df, ncp in [(1.5, 10, 1), (-1, 5, 0.5), (2.5, 3.5, -1), (0, 20, 2), (10, 30, 8), (-3, 7, -2),
                   (40, 50, 35), (2, 1, 0.3), (3, 200, 5), (2.0, 9, 3.2), (1.7, 58, 2.9)]:
    r_case("nct_cdf", f"noncentral t CDF pt({t}, {df}, ncp = {ncp})", {"t": t, "df": df, "ncp": ncp},
           {"cdf": f"pt({t}, {df}, ncp = {ncp})"}, 1e-9)
r_case("power_power", "paired power: n = 15, delta = 0.8, sd = 1.2",
       {"design": "PAIRED", "n": 15, "delta": 0.8, "sd": 1.2, "alpha": 0.05, "strict": False},
       {"power": "power.t.test(n = 15, delta = 0.8, sd = 1.2, type = 'paired')$power"}, 1e-9)
r_case("power_power", "two-sample power, strict (both tails): n = 20, delta = 0.5",
       {"design": "TWO_SAMPLE", "n": 20, "delta": 0.5, "sd": 1, "alpha": 0.05, "strict": True},
       {"power": "power.t.test(n = 20, delta = 0.5, sd = 1, strict = TRUE)$power"}, 1e-9)
r_case("power_power", "two-sample power, strict, small n: n = 4, delta = 1.5, alpha = 0.1",
       {"design": "TWO_SAMPLE", "n": 4, "delta": 1.5, "sd": 1, "alpha": 0.1, "strict": True},
       {"power": "power.t.test(n = 4, delta = 1.5, sd = 1, sig.level = 0.1, strict = TRUE)$power"}, 1e-9)
r_case("power_n", "two-sample n: delta = 0.5, sd = 2, alpha = 0.01, power = 0.9 (uniroot tol 1e-12)",
       {"design": "TWO_SAMPLE", "delta": 0.5, "sd": 2, "alpha": 0.01, "power": 0.9, "strict": False},
       {"n": "power.t.test(delta = 0.5, sd = 2, sig.level = 0.01, power = 0.9, tol = 1e-12)$n"}, 1e-8)
r_case("power_n", "paired n: delta = 0.3, sd = 1, power = 0.95 (uniroot tol 1e-12)",
       {"design": "PAIRED", "delta": 0.3, "sd": 1, "alpha": 0.05, "power": 0.95, "strict": False},
       {"n": "power.t.test(delta = 0.3, sd = 1, power = 0.95, type = 'paired', tol = 1e-12)$n"}, 1e-8)
r_case("power_delta", "paired minimal detectable effect: n = 15, sd = 2, power = 0.9 (uniroot tol 1e-12)",
       {"design": "PAIRED", "n": 15, "sd": 2, "alpha": 0.05, "power": 0.9},
       {"delta": "power.t.test(n = 15, sd = 2, power = 0.9, type = 'paired', tol = 1e-12)$delta"}, 1e-8)
r_case("power_delta", "two-sample minimal detectable effect: n = 30, sd = 1, power = 0.8 (uniroot tol 1e-12)",
       {"design": "TWO_SAMPLE", "n": 30, "sd": 1, "alpha": 0.05, "power": 0.8},
       {"delta": "power.t.test(n = 30, sd = 1, power = 0.8, tol = 1e-12)$delta"}, 1e-8)

# ---------------------------------------------------------------- quantiles, p.adjust, Wilson, summary (R)
r_case("quantile7", "type-7 quantiles of lognormal sample", {"x": "lognormal", "p": [0, 0.1, 0.33, 0.5, 0.9, 1]},
       {"q": "quantile(@lognormal, c(0, 0.1, 0.33, 0.5, 0.9, 1), type = 7)"}, 1e-12)
r_case("quantile7", "type-7 quantiles of two values", {"x": "cd_y", "p": [0.05, 0.5, 0.95]},
       {"q": "quantile(@cd_y, c(0.05, 0.5, 0.95), type = 7)"}, 1e-12)
r_case("p_adjust", "Holm with ties", {"p": "pvals", "method": "HOLM"},
       {"adjusted": "p.adjust(@pvals, 'holm')"}, 1e-12)
r_case("p_adjust", "Benjamini-Hochberg with ties", {"p": "pvals", "method": "BENJAMINI_HOCHBERG"},
       {"adjusted": "p.adjust(@pvals, 'BH')"}, 1e-12)
for k, n, conf in [(7, 20, 0.95), (0, 15, 0.95), (15, 15, 0.95), (42, 50, 0.9), (1, 1, 0.99)]:
    r_case("wilson", f"Wilson interval {k}/{n} at {conf}", {"k": k, "n": n, "confidence": conf},
           {"ci": f"prop.test({k}, {n}, conf.level = {conf}, correct = FALSE)$conf.int"}, 1e-9, 1e-15)
r_case("summary", "descriptive summary of lognormal sample (R mean, sd, quantile type 7)", {"x": "lognormal"},
       {"mean": "mean(@lognormal)", "sd": "sd(@lognormal)", "sem": "sd(@lognormal) / sqrt(25)",
        "q1": "quantile(@lognormal, 0.25)", "median": "median(@lognormal)", "q3": "quantile(@lognormal, 0.75)",
        "min": "min(@lognormal)", "max": "max(@lognormal)", "cv": "sd(@lognormal) / abs(mean(@lognormal))"}, 1e-12)

# ---------------------------------------------------------------- trimmed means, effect sizes (SciPy/NumPy)
for name, prop in [("small5", 0.25), ("small7", 0.25), ("lognormal", 0.25), ("lognormal", 0.1)]:
    add("trim_mean", f"trim_mean({name}, {prop})", {"x": name, "proportion": prop},
        {"value": float(st.trim_mean(arr(name), prop))}, 1e-12, PY_SOURCE,
        f"scipy.stats.trim_mean({name}, {prop})")
x, y = arr("cd_x"), arr("cd_y")
nx, ny = len(x), len(y)
sp = np.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / (nx + ny - 2))
d = (x.mean() - y.mean()) / sp
m = nx + ny - 2
j = np.exp(scipy.special.gammaln(m / 2) - scipy.special.gammaln((m - 1) / 2)) / np.sqrt(m / 2)
add("cohens_d", "Cohen's d, pooled sd (cd_x vs cd_y)", {"x": "cd_x", "y": "cd_y"}, {"d": float(d)}, 1e-12, PY_SOURCE,
    "(x.mean() - y.mean()) / sqrt(((nx-1) x.var(ddof=1) + (ny-1) y.var(ddof=1)) / (nx+ny-2))")
add("hedges_g", "Hedges' g with exact J (cd_x vs cd_y)", {"x": "cd_x", "y": "cd_y"}, {"g": float(d * j)}, 1e-12,
    PY_SOURCE, "d * exp(gammaln(m/2) - gammaln((m-1)/2)) / sqrt(m/2), m = nx + ny - 2 (Hedges 1981 eq. 6e)")
g1, g2 = arr("sleep_g1"), arr("sleep_g2")
add("hedges_g", "Hedges' g, approximately d (1 - 3/(4m - 1)) (sleep g2 vs g1)", {"x": "sleep_g2", "y": "sleep_g1"},
    {"g": float(0.8321810813495395 * (1 - 3 / (4 * 18 - 1)))}, 1e-3, "Hedges (1981) approximation J ~ 1 - 3/(4m - 1)",
    "0.8321810813495395 * (1 - 3 / (4 * 18 - 1)); the approximation is within 1e-3 of the exact J at m = 18")
u = st.mannwhitneyu(x, y).statistic
add("rank_biserial", "rank-biserial, independent (cd_x vs cd_y)", {"x": "cd_x", "y": "cd_y"},
    {"r": float(2 * u / (nx * ny) - 1)}, 1e-12, PY_SOURCE, "2 * scipy.stats.mannwhitneyu(x, y).statistic / (nx*ny) - 1")
dd = arr("ties_x") - arr("ties_y")
dd = dd[dd != 0]
ranks = st.rankdata(np.abs(dd))
wp, wm = ranks[dd > 0].sum(), ranks[dd < 0].sum()
add("rank_biserial_paired", "matched-pairs rank-biserial, zeros dropped (ties_x vs ties_y)", {"x": "ties_x", "y": "ties_y"},
    {"r": float((wp - wm) / (wp + wm))}, 1e-12, PY_SOURCE,
    "d = x - y; d = d[d != 0]; r = rankdata(|d|); (r[d>0].sum() - r[d<0].sum()) / r.sum()  (Kerby 2014)")
px, py = arr("poi_x"), arr("poi_y")
poi = float(np.mean([(a > b) + 0.5 * (a == b) for a in px for b in py]))
add("poi", "P(X > Y) + P(X = Y)/2 (poi_x vs poi_y)", {"x": "poi_x", "y": "poi_y"}, {"poi": poi}, 1e-12, PY_SOURCE,
    "mean over all pairs of (a > b) + 0.5 (a == b)")
poi_min = float(np.mean([(a < b) + 0.5 * (a == b) for a in px for b in py]))
add("poi_goal", "P(X better than Y) when minimising (poi_x vs poi_y)", {"x": "poi_x", "y": "poi_y", "goal": "MINIMIZE"},
    {"poi": poi_min}, 1e-12, PY_SOURCE, "mean over all pairs of (a < b) + 0.5 (a == b)")

# ---------------------------------------------------------------- series (NumPy)
s, v = arr("series_steps"), arr("series_values")


def window_auc(lo, hi):
    grid = np.concatenate(([lo], s[(s > lo) & (s < hi)], [hi]))
    return float(np.trapezoid(np.interp(grid, s, v), grid) / (hi - lo))


add("auc", "AUC over last 25% of steps (75..100), interpolated edge", {"window": {"last_fraction": 0.25}},
    {"auc": window_auc(75, 100)}, 1e-12, PY_SOURCE, "np.trapezoid(np.interp(grid, s, v), grid) / 25, grid = [75, 80, 100]")
add("auc", "AUC over explicit window [15, 90]", {"window": {"from": 15, "to": 90}},
    {"auc": window_auc(15, 90)}, 1e-12, PY_SOURCE, "np.trapezoid(np.interp(grid, s, v), grid) / 75, grid = [15, 20, 35, 50, 80, 90]")
add("auc", "AUC over a zero-width window [42, 42] is the interpolated value", {"window": {"from": 42, "to": 42}},
    {"auc": float(np.interp(42, s, v))}, 1e-12, PY_SOURCE, "np.interp(42, s, v)")
add("series_summaries", "final, max, min, mean, mean of last 3, slope", {},
    {"final": float(v[-1]), "max": float(v.max()), "min": float(v.min()), "mean": float(v.mean()),
     "mean_last_3": float(v[-3:].mean()), "slope": float(np.polyfit(s, v, 1)[0])}, 1e-12, PY_SOURCE,
    "v[-1], v.max(), v.min(), v.mean(), v[-3:].mean(), np.polyfit(s, v, 1)[0]")

# ---------------------------------------------------------------- rliable point estimates (NumPy/SciPy)
A, B = np.array(DATA["scores_a"]), np.array(DATA["scores_b"])
add("rliable", "rliable aggregates of scores_a (runs x tasks)", {"scores": "scores_a", "gamma": 1.0},
    {"iqm": float(st.trim_mean(A, 0.25, axis=None)), "mean": float(np.mean(np.mean(A, axis=0))),
     "median": float(np.median(np.mean(A, axis=0))), "optimality_gap": float(1.0 - np.mean(np.minimum(A, 1.0)))},
    1e-12, PY_SOURCE, "rliable.metrics definitions: trim_mean(A, 0.25, axis=None); mean(mean(A, 0)); median(mean(A, 0));"
    " gamma - mean(minimum(A, gamma))")
poi_tasks = np.mean([st.mannwhitneyu(A[:, t], B[:, t]).statistic / (A.shape[0] * B.shape[0]) for t in range(A.shape[1])])
add("rliable_poi", "rliable probability of improvement of scores_a over scores_b", {"x": "scores_a", "y": "scores_b"},
    {"poi": float(poi_tasks)}, 1e-12, PY_SOURCE, "mean over tasks of mannwhitneyu(A[:, t], B[:, t]).statistic / (nA nB)")
taus = [0.0, 0.25, 0.5, 0.75, 1.0, 1.25]
add("rliable_profile", "run-score performance profile of scores_a", {"scores": "scores_a", "taus": taus},
    {"fractions": [float(np.mean(A > tau)) for tau in taus]}, 1e-12, PY_SOURCE, "[np.mean(A > tau) for tau in taus]")

# ---------------------------------------------------------------- bootstrap (SciPy, 1e6 resamples) and E&T
def boot_tol_abs(expected):
    """Monte Carlo allowance for endpoints near 0: 0.5% of the percentile interval's width."""
    low, high = expected["percentile"]
    return 0.005 * (high - low)


def scipy_boot(data, statistic, paired=False, confidence=0.95):
    out = {}
    for method in ("percentile", "basic", "BCa"):
        res = st.bootstrap(data, statistic, n_resamples=1_000_000, batch=50_000, paired=paired, vectorized=True,
                           confidence_level=confidence, method=method, rng=np.random.default_rng(12345))
        out[method] = [float(res.confidence_interval.low), float(res.confidence_interval.high)]
    return out


mean_stat = lambda a, axis: np.mean(a, axis=axis)
add("bootstrap_one_sample_mean", "bootstrap CIs of the mean of a lognormal sample, 1e6 resamples",
    {"x": "lognormal", "confidence": 0.95, "resamples": 1_000_000},
    scipy_boot((arr("lognormal"),), mean_stat), 0.005, PY_SOURCE,
    "scipy.stats.bootstrap((x,), np.mean, n_resamples=1e6, method=M) for M in percentile, basic, BCa")
add("bootstrap_paired_mean_difference", "paired bootstrap CIs of mean(x - y), 1e6 resamples",
    {"x": "paired_y", "y": "paired_x", "confidence": 0.95, "resamples": 1_000_000},
    scipy_boot((arr("paired_y"), arr("paired_x")), lambda a, b, axis: np.mean(a - b, axis=axis), paired=True),
    0.01, PY_SOURCE, "scipy.stats.bootstrap((x, y), lambda a, b: mean(a - b), paired=True, n_resamples=1e6)")
add("bootstrap_two_sample_mean_difference", "two-sample bootstrap CIs of mean(z) - mean(y), mouse data, 1e6 resamples",
    {"x": "mouse_z", "y": "mouse_y", "confidence": 0.95, "resamples": 1_000_000},
    scipy_boot((arr("mouse_z"), arr("mouse_y")), lambda a, b, axis: np.mean(a, axis=axis) - np.mean(b, axis=axis)),
    0.01, PY_SOURCE, "scipy.stats.bootstrap((z, y), lambda a, b: mean(a) - mean(b), n_resamples=1e6); multi-sample BCa")
add("bootstrap_two_sample_ratio_of_means", "two-sample bootstrap CIs of mean(z) / mean(y), mouse data, 1e6 resamples",
    {"x": "mouse_z", "y": "mouse_y", "confidence": 0.95, "resamples": 1_000_000},
    scipy_boot((arr("mouse_z"), arr("mouse_y")), lambda a, b, axis: np.mean(a, axis=axis) / np.mean(b, axis=axis)),
    0.01, PY_SOURCE, "scipy.stats.bootstrap((z, y), lambda a, b: mean(a) / mean(b), n_resamples=1e6)")
add("bootstrap_one_sample_variance", "90% bootstrap CIs of the plug-in variance of E&T spatial A, 1e6 resamples",
    {"x": "spatial_a", "confidence": 0.9, "resamples": 1_000_000},
    scipy_boot((arr("spatial_a"),), lambda a, axis: np.var(a, axis=axis), confidence=0.9), 0.01, PY_SOURCE,
    "scipy.stats.bootstrap((A,), np.var, confidence_level=0.9, n_resamples=1e6)")
add("jackknife_acceleration", "BCa acceleration of the plug-in variance, E&T spatial A (book: a = 0.061, theta = 171.5)",
    {"x": "spatial_a"}, {"a": 0.061, "estimate": 171.5}, 0.01,
    "Efron & Tibshirani (1993), An Introduction to the Bootstrap, Table 14.1 data and §14.3 (a-hat = .061, theta-hat = 171.5)",
    "values quoted from the book (3-4 significant digits)")

OUT.write_text(json.dumps({
    "about": "Extra reference values for rigor-stats, generated by stats/src/test/oracles/generate_extra_cases.py "
             f"with {R_VERSION} and {PY_SOURCE}, plus values quoted from Efron & Tibshirani (1993). Each case has "
             "its kind, inputs (data names refer to 'data'), expected values, tolerance, source and the exact "
             "command that produced it (in R commands, @name stands for c(data[name]...)). Monte Carlo (bootstrap) cases use 1e6 resamples on both sides and a "
             "tolerance that covers the Monte Carlo error.",
    "data": DATA, "cases": CASES}, indent=1) + "\n")
print(f"wrote {len(CASES)} cases to {OUT}", file=sys.stderr)
