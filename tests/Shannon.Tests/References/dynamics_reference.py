"""Reference values for transfer entropy, active information storage, O-/S-information and PID.

Each quantity is computed straight from its definition with numpy (counts of embedded tuples for the plug-in
estimates, log-determinants of numpy.cov for the Gaussian ones, the Williams-Beer I_min sum over a joint table), on
seeded random data that is written into the JSON too, so the C# tests read the same inputs.

    /usr/bin/python3 tests/Shannon.Tests/References/dynamics_reference.py > tests/Shannon.Tests/References/dynamics_reference.json
"""
import json
from collections import Counter

import numpy as np

rng = np.random.default_rng(20261204)


def times(trial_lengths, max_lag):
    out, start = [], 0
    for length in trial_lengths:
        out.extend(range(start + max_lag, start + length))
        start += length
    return np.array(out, dtype=int)


def block(series, ts, length, lag):
    return [tuple(series[t - lag - j] for j in range(length)) for t in ts]


def entropy_of(rows):
    counts = np.array(list(Counter(rows).values()), dtype=float)
    p = counts / counts.sum()
    return float(-(p * np.log(p)).sum())


def plugin_cmi(x, y, z):
    join = lambda *cols: [tuple(v for c in parts for v in c) for parts in zip(*cols)]
    return entropy_of(join(x, z)) + entropy_of(join(y, z)) - entropy_of(join(x, y, z)) - entropy_of(z)


def plugin_mi(x, y):
    return entropy_of(x) + entropy_of(y) - entropy_of([a + b for a, b in zip(x, y)])


def te_plugin(src, tgt, conds, k, l, d, ck, cd, trials):
    max_lag = max(k, d + l - 1, (cd + ck - 1) if conds else 0)
    ts = times(trials, max_lag)
    present = [(tgt[t],) for t in ts]
    past = block(tgt, ts, k, 1)
    for c in conds:
        past = [a + b for a, b in zip(past, block(c, ts, ck, cd))]
    return plugin_cmi(present, block(src, ts, l, d), past), len(ts)


def logdet(rows):
    rows = np.asarray(rows, dtype=float)
    cov = np.atleast_2d(np.cov(rows, rowvar=False))
    return float(np.linalg.slogdet(cov)[1])


def te_gaussian(src, tgt, k, l, d, trials):
    max_lag = max(k, d + l - 1)
    ts = times(trials, max_lag)
    y = np.array([[tgt[t]] for t in ts])
    x = np.array(block(src, ts, l, d))
    z = np.array(block(tgt, ts, k, 1))
    cmi = 0.5 * (logdet(np.hstack([x, z])) + logdet(np.hstack([y, z])) - logdet(z) - logdet(np.hstack([x, y, z])))
    return cmi, len(ts)


def ais_plugin(series, k, trials):
    ts = times(trials, k)
    return plugin_mi([(series[t],) for t in ts], block(series, ts, k, 1)), len(ts)


def entropy_table(p, axes):
    other = tuple(a for a in range(p.ndim) if a not in axes)
    m = p.sum(axis=other) if other else p
    m = m[m > 0]
    return float(-(m * np.log(m)).sum())


def o_information(p):
    n = p.ndim
    full = entropy_table(p, tuple(range(n)))
    total = (n - 2) * full
    for i in range(n):
        total += entropy_table(p, (i,)) - entropy_table(p, tuple(a for a in range(n) if a != i))
    return total


def s_information(p):
    n = p.ndim
    full = entropy_table(p, tuple(range(n)))
    return sum(entropy_table(p, (i,)) + entropy_table(p, tuple(a for a in range(n) if a != i)) - full for i in range(n))


def imin(p):
    """Williams-Beer: sources axes 0 and 1, target axis 2."""
    pt = p.sum(axis=(0, 1))
    ps1t = p.sum(axis=1)
    ps2t = p.sum(axis=0)
    red = 0.0
    for t in range(p.shape[2]):
        if pt[t] == 0:
            continue
        specifics = []
        for pst in (ps1t, ps2t):
            ps = pst.sum(axis=1)
            s = 0.0
            for a in range(pst.shape[0]):
                if pst[a, t] > 0:
                    s += pst[a, t] / pt[t] * np.log(pst[a, t] / (ps[a] * pt[t]))
            specifics.append(s)
        red += pt[t] * min(specifics)
    i1 = entropy_table(p, (0,)) + entropy_table(p, (2,)) - entropy_table(p, (0, 2))
    i2 = entropy_table(p, (1,)) + entropy_table(p, (2,)) - entropy_table(p, (1, 2))
    i12 = entropy_table(p, (0, 1)) + entropy_table(p, (2,)) - entropy_table(p, (0, 1, 2))
    return {"redundancy": red, "unique_1": i1 - red, "unique_2": i2 - red, "synergy": i12 - i1 - i2 + red, "mutual_information": i12}


out = {}

# Plug-in TE on random discrete series with history, delay, conditions and trials.
n = 600
x = rng.integers(0, 3, n)
z = rng.integers(0, 2, n)
y = np.zeros(n, dtype=int)
for t in range(2, n):
    y[t] = (x[t - 2] + z[t - 1] + (rng.random() < 0.3)) % 2
trials = [250, 200, 150]
cases = []
for (k, l, d, ck, cd, use_z, tr) in [(1, 1, 1, 1, 1, False, [n]), (2, 2, 2, 1, 1, False, [n]), (1, 1, 2, 1, 1, True, [n]),
                                      (2, 1, 1, 2, 1, True, trials), (3, 2, 1, 1, 1, False, trials)]:
    value, used = te_plugin(x, y, [z] if use_z else [], k, l, d, ck, cd, tr)
    cases.append({"k": k, "l": l, "d": d, "condition_history": ck, "condition_delay": cd, "conditioned": use_z,
                  "trials": tr, "te": value, "n": used})
out["plugin_te"] = {"x": x.tolist(), "y": y.tolist(), "z": z.tolist(), "cases": cases}

ais_cases = []
for k, tr in [(1, [n]), (2, [n]), (3, trials)]:
    value, used = ais_plugin(y, k, tr)
    ais_cases.append({"k": k, "trials": tr, "ais": value, "n": used})
out["plugin_ais"] = {"y": y.tolist(), "cases": ais_cases}

# Gaussian TE on a VAR process.
m = 400
gx = rng.standard_normal(m)
gy = np.zeros(m)
for t in range(1, m):
    gy[t] = 0.4 * gy[t - 1] + 0.5 * gx[t - 1] + rng.standard_normal()
gcases = []
for k, l, d in [(1, 1, 1), (2, 1, 1), (2, 2, 1), (1, 1, 2)]:
    value, used = te_gaussian(gx, gy, k, l, d, [m])
    gcases.append({"k": k, "l": l, "d": d, "te": value, "n": used})
out["gaussian_te"] = {"x": gx.tolist(), "y": gy.tolist(), "cases": gcases}

# O- and S-information of random joint tables.
tables = []
for shape in [(2, 2, 2), (2, 3, 2), (3, 2, 2, 2)]:
    p = rng.random(shape)
    p /= p.sum()
    tables.append({"shape": list(shape), "p": p.ravel().tolist(), "o_information": o_information(p), "s_information": s_information(p)})
out["o_information_tables"] = tables

# Williams-Beer I_min PID of random tables.
pid = []
for shape in [(2, 2, 2), (3, 2, 2), (2, 3, 4)]:
    p = rng.random(shape)
    p /= p.sum()
    case = {"shape": list(shape), "p": p.ravel().tolist()}
    case.update(imin(p))
    pid.append(case)
out["imin_tables"] = pid

print(json.dumps(out, indent=1))
