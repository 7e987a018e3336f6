#!/usr/bin/env python3
"""Reference values for the scipy conveniences: Elementwise (scipy.special.entr, rel_entr, kl_div), the row-wise
measures (scipy.stats.entropy with axis=1) and Softmax.LogSumExp with scale factors and sign.

Run with Debian's python3-scipy:  /usr/bin/python3 tests/Shannon.Tests/References/scipy_conveniences_reference.py
Writes scipy_conveniences_reference.json next to this script. Seeded: the output is deterministic.
Non-finite numbers are written as the strings "inf", "-inf" and "nan".

  elementwise  per (x, y): entr(x), rel_entr(x, y), kl_div(x, y) from scipy.special; where scipy < 1.14 overflows
               (x / y beyond the double range, y subnormal) the rel_entr and kl_div values are mpmath's at 50 digits
               and the pair is listed under "exact_pairs".
  rows         per matrix (rows of `outcomes` probabilities, already normalised, zeros included) and base e and 2:
               entropy = scipy.stats.entropy(p, base=b, axis=1), kl = scipy.stats.entropy(p, q, base=b, axis=1),
               cross_entropy = -sum(xlogy(p, q), axis=1) / ln b (scipy has no cross-entropy function);
               and "exact_*" in nats from mpmath at 50 digits on the same float64 inputs: scipy's plain sums keep only
               absolute accuracy (a KL of 5e-5 from terms of 1e-2 loses about four digits), so the tests hold Shannon
               to 1e-12 relative of the exact values and to 1e-12 relative + 1e-15 absolute of scipy's.
  logsumexp    per (a, b): scipy.special.logsumexp(a, b=b, return_sign=True); cases that nearly cancel are mpmath's.
"""
import json
import math
import os

import mpmath
import numpy as np
import scipy
from scipy.special import entr, kl_div, logsumexp, rel_entr, xlogy
from scipy.stats import entropy

rng = np.random.default_rng(20261204)


def enc(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def exact_rel_entr(x, y):
    with mpmath.workdps(50):
        X, Y = mpmath.mpf(x), mpmath.mpf(y)
        return float(X * mpmath.log(X / Y)), float(X * mpmath.log(X / Y) - X + Y)


special = [0.0, -0.0, 5e-324, 1e-310, 1e-300, 1e-200, 0.1, 1 / math.e, 0.5, 1.0, 2.0, 1e10, 1e300,
           math.inf, -1.0, -5e-324, -math.inf, math.nan]
pairs = [(x, y) for x in special for y in special]
pairs += [(float(a), float(b)) for a, b in zip(rng.random(40), rng.random(40))]
pairs += [(float(a), float(b)) for a, b in zip(rng.random(20) ** 8, rng.random(20) ** 8)]
elementwise = []
exact_pairs = []
for x, y in pairs:
    r, k = rel_entr(x, y), kl_div(x, y)
    if x > 0 and y > 0 and math.isfinite(x) and math.isfinite(y) and not (2.2250738585072014e-308 <= x / y <= 1.7976931348623157e308):
        r, k = exact_rel_entr(x, y)
        exact_pairs.append([x, y])
    elementwise.append({"x": enc(x), "y": enc(y), "entr": enc(entr(x)), "rel_entr": enc(r), "kl_div": enc(k)})


def exact_rows(p, q):
    out = {"entropy": [], "kl": [], "cross_entropy": []}
    with mpmath.workdps(50):
        for pr, qr in zip(p, q):
            P = [mpmath.mpf(float(v)) for v in pr]
            Q = [mpmath.mpf(float(v)) for v in qr]
            h = -sum(x * mpmath.log(x) for x in P if x > 0)
            if any(x > 0 and y == 0 for x, y in zip(P, Q)):
                kl = ce = mpmath.inf
            else:
                kl = sum(x * mpmath.log(x / y) for x, y in zip(P, Q) if x > 0)
                ce = -sum(x * mpmath.log(y) for x, y in zip(P, Q) if x > 0)
            out["entropy"].append(enc(float(h)))
            out["kl"].append(enc(float(kl)))
            out["cross_entropy"].append(enc(float(ce)))
    return {"exact_" + k: v for k, v in out.items()}


def normalized_rows(w):
    return w / w.sum(axis=1, keepdims=True)


matrices = []
for rows, outcomes, zeros in [(1, 1, 0.0), (1, 7, 0.0), (5, 3, 0.3), (64, 10, 0.2), (3, 257, 0.1), (200, 2, 0.25), (3, 1029, 0.05)]:
    p = rng.random((rows, outcomes)) ** 3
    q = rng.random((rows, outcomes)) + 1e-3
    if zeros > 0:
        mask = rng.random((rows, outcomes)) < zeros
        mask[:, 0] = False  # every row keeps some mass
        p[mask] = 0.0
    p, q = normalized_rows(p), normalized_rows(q)
    case = {"rows": rows, "outcomes": outcomes, "p": p.ravel().tolist(), "q": q.ravel().tolist()}
    for name, b in [("e", math.e), ("2", 2.0)]:
        case["entropy_" + name] = [enc(v) for v in entropy(p, base=b, axis=1)]
        case["kl_" + name] = [enc(v) for v in entropy(p, q, base=b, axis=1)]
        case["cross_entropy_" + name] = [enc(v) for v in -np.sum(xlogy(p, q), axis=1) / math.log(b)]
    case.update(exact_rows(p, q))
    matrices.append(case)

# A row where q is 0 under positive p: KL and cross-entropy are +inf on that row only.
p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
q = np.array([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]])
matrices.append({"rows": 2, "outcomes": 3, "p": p.ravel().tolist(), "q": q.ravel().tolist(),
                 "entropy_e": [enc(v) for v in entropy(p, axis=1)], "kl_e": [enc(v) for v in entropy(p, q, axis=1)],
                 "cross_entropy_e": [enc(v) for v in -np.sum(xlogy(p, q), axis=1)],
                 "entropy_2": [enc(v) for v in entropy(p, base=2, axis=1)], "kl_2": [enc(v) for v in entropy(p, q, base=2, axis=1)],
                 "cross_entropy_2": [enc(v) for v in -np.sum(xlogy(p, q), axis=1) / math.log(2)], **exact_rows(p, q)})

lse_cases = [
    ([1.0, 2.0], [1.0, 1.0]), ([1.0, 2.0], [1.0, -1.0]), ([1.0, 2.0], [0.0, 0.0]), ([1.0, 2.0], [-1.0, -2.0]),
    ([1000.0, 1000.0], [2.0, -1.0]), ([-1000.0, -1001.0], [1.0, 3.0]), ([-math.inf, -math.inf], [1.0, 1.0]),
    ([-math.inf, -math.inf], [1.0, -1.0]), ([math.inf, 1.0], [1.0, 1.0]), ([math.inf, 1.0], [-1.0, 1.0]),
    ([math.inf, math.inf], [1.0, -1.0]), ([math.inf, 0.0], [0.0, 2.0]), ([0.0], [0.5]), ([3.0], [-0.25]),
    ([1.0, 1.0], [1.0, -1.0]), ([0.0, 0.0, 0.0], [1.0, 2.0, 3.0]), ([5.0, -math.inf], [1.0, 1.0]),
]
for n in [3, 10, 100, 1000]:
    a = rng.normal(0, 10, n)
    lse_cases.append((a.tolist(), rng.random(n).tolist()))
    lse_cases.append((a.tolist(), rng.normal(0, 1, n).tolist()))
logsumexp_cases = []
for a, b in lse_cases:
    value, sign = logsumexp(np.array(a, dtype=np.float64), b=np.array(b, dtype=np.float64), return_sign=True)
    logsumexp_cases.append({"a": [enc(v) for v in a], "b": [enc(v) for v in b], "value": enc(value), "sign": enc(sign)})

# A sum that cancels to one part in 1e12: the compensated sum keeps the digits scipy's plain sum loses.
a = [0.0, 0.0, 0.0]
b = [1.0, -1.0 + 2.0 ** -40, 1e-3]
with mpmath.workdps(50):
    s = sum(mpmath.mpf(bi) * mpmath.exp(mpmath.mpf(ai)) for ai, bi in zip(a, b))
    exact_cancelling = {"a": a, "b": b, "value": float(mpmath.log(abs(s))), "sign": float(mpmath.sign(s))}

out = {
    "generator": "scipy " + scipy.__version__ + ", numpy " + np.__version__ + ", mpmath " + mpmath.__version__,
    "elementwise": elementwise,
    "exact_pairs": exact_pairs,
    "rows": matrices,
    "logsumexp": logsumexp_cases,
    "logsumexp_exact": [exact_cancelling],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scipy_conveniences_reference.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {path}: {len(elementwise)} pairs ({len(exact_pairs)} exact), {len(matrices)} matrices, {len(logsumexp_cases)} logsumexp cases")
