#!/usr/bin/env python3
"""Reference values for the 1-D measures of Shannon.Measures from scipy, plus 50-digit mpmath values.

Run with Debian's python3-scipy:  /usr/bin/python3 tests/Shannon.Tests/References/measures_reference.py
Writes measures_reference.json next to this script. Seeded: the output is deterministic.

Per case and log base (e, 2, 10, 3), scipy's answers:
  entropy        scipy.stats.entropy(p, base=b)
  cross_entropy  -sum(scipy.special.xlogy(p, q)) / ln b     (scipy has no cross-entropy; xlogy is its 0*log 0 = 0 term)
  kl             scipy.stats.entropy(p, q, base=b), checked against sum(scipy.special.rel_entr(p, q)) / ln b
  js_distance    scipy.spatial.distance.jensenshannon(p, q, base=b)
  js             js_distance ** 2
and "exact": the same five in nats from mpmath at 50 digits on the same float64 inputs.
A scipy value is left out (and the reason stored under "notes") where scipy itself is wrong: rel_entr overflowing
to inf when p/q exceeds the double range (scipy < 1.15), and Jensen-Shannon of nearly identical distributions,
where scipy's plain sum of rel_entr terms keeps only absolute accuracy. The exact values cover those cases.
"""
import json
import math
import os

import mpmath
import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr, xlogy
from scipy.stats import entropy

BASES = {"e": math.e, "2": 2.0, "10": 10.0, "3": 3.0}
rng = np.random.default_rng(20261125)


def normalized(w):
    w = np.asarray(w, dtype=np.float64)
    return w / w.sum()


def exact(p, q):
    with mpmath.workdps(50):
        P = [mpmath.mpf(float(v)) for v in p]
        Q = [mpmath.mpf(float(v)) for v in q]
        h = -mpmath.fsum(a * mpmath.log(a) for a in P if a > 0)
        if any(a > 0 and b == 0 for a, b in zip(P, Q)):
            ce = kl = math.inf
        else:
            ce = float(-mpmath.fsum(a * mpmath.log(b) for a, b in zip(P, Q) if a > 0))
            kl = float(mpmath.fsum(a * mpmath.log(a / b) for a, b in zip(P, Q) if a > 0))
        js = mpmath.fsum(
            (a * mpmath.log(2 * a / (a + b)) if a > 0 else 0) + (b * mpmath.log(2 * b / (a + b)) if b > 0 else 0)
            for a, b in zip(P, Q)) / 2
        return {"entropy": float(h), "cross_entropy": ce, "kl": kl, "js": float(js), "js_distance": float(mpmath.sqrt(js))}


def number(x):
    return x if math.isfinite(x) else ("Infinity" if x > 0 else "-Infinity")


def case(name, p, q, notes=None, undefined=None):
    """notes: scipy values left out, with the reason; undefined: values left out of both, with the reason."""
    p, q = normalized(p), normalized(q)
    notes = {**(notes or {}), **(undefined or {})}
    values = {}
    for key, b in BASES.items():
        ln_b = math.log(b)
        kl = float(entropy(p, q, base=b))
        kl_sum = float(np.sum(rel_entr(p, q))) / ln_b
        assert kl == kl_sum or abs(kl - kl_sum) <= 1e-14 * abs(kl) + 1e-300 or name == "nearly_identical_128", (name, key)
        d = float(jensenshannon(p, q, base=b))
        v = {
            "entropy": float(entropy(p, base=b)),
            "cross_entropy": float(-np.sum(xlogy(p, q))) / ln_b,
            "kl": kl,
            "js": d * d,
            "js_distance": d,
        }
        values[key] = {k: number(x) for k, x in v.items() if k not in notes}
    return {"name": name, "p": p.tolist(), "q": q.tolist(), "scipy": values,
            "exact": {k: number(x) for k, x in exact(p, q).items() if k not in (undefined or {})}, "notes": notes}


def uniform_weights(n):
    return rng.random(n)


cases = [
    case("one_outcome", [1.0], [1.0]),
    case("fair_coin_vs_biased", [0.5, 0.5], [0.9, 0.1]),
    case("biased_coin_0.99", [0.99, 0.01], [0.5, 0.5]),
    case("random_2", uniform_weights(2), uniform_weights(2)),
    case("random_128", uniform_weights(128), uniform_weights(128)),
    case("random_3079", uniform_weights(3079), uniform_weights(3079)),
    case("dirichlet_sparse_3079", rng.dirichlet(np.full(3079, 0.05)), rng.dirichlet(np.full(3079, 0.5))),
]

w = uniform_weights(3079)
w[rng.random(3079) < 0.3] = 0.0
cases.append(case("p_with_zeros_3079", w, uniform_weights(3079)))

w, v = uniform_weights(128), uniform_weights(128)
zeros = rng.random(128) < 0.25
w[zeros] = 0.0
v[zeros & (rng.random(128) < 0.5)] = 0.0
cases.append(case("zeros_in_both_128", w, v))

w, v = uniform_weights(128), uniform_weights(128)
v[5] = 0.0
cases.append(case("q_zero_where_p_positive_128", w, v))

w, v = uniform_weights(128), uniform_weights(128)
v[::9] = 1e-300
cases.append(case("tiny_q_1e-300_128", w, v))

cases.append(case("tiny_q_1e-308", [0.5, 0.5], [1e-308, 1.0 - 1e-308]))

cases.append(case("subnormal_q", [0.5, 0.5], [5e-324, 1.0], notes={
    "kl": "scipy 1.10's rel_entr(0.5, 5e-324) overflows the ratio to inf; the exact value is finite (fixed in scipy 1.15)."}))

w = normalized(uniform_weights(128))
v = normalized(w * (1.0 + 1e-9 * rng.standard_normal(128)))
cases.append(case("nearly_identical_128", w, v, notes={
    "js": "JS is about 1e-19; scipy sums rel_entr terms of size 1e-10 with both signs, so only its absolute error is small.",
    "js_distance": "the square root of the JS value above."}, undefined={
    "kl": "KL of order 1e-19 is below the first-order term sum(p) - sum(q) ~ 1e-17 left by rounding the inputs to doubles, "
          "so even its sign is set by that rounding (the exact value for these doubles is -5e-17); JS has no such term."}))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "measures_reference.json"), "w") as f:
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases}, f)
    f.write("\n")

# Report where scipy and the exact values differ, so every left-out value is justified.
for c in cases:
    for k, e in c["exact"].items():
        s = c["scipy"]["e"].get(k)
        if isinstance(s, float) and isinstance(e, float) and e != 0 and abs(s - e) > 1e-12 * abs(e):
            print("scipy vs exact beyond 1e-12:", c["name"], k, s, e)
