"""Reference values for Shannon.Calibration, written to calibration_reference.json.

Run: /usr/bin/python3 tests/Shannon.Tests/References/calibration_reference.py
(Debian python3-numpy, python3-scipy, python3-sklearn, python3-torch.) Every case stores its inputs, so the C# tests
need no Python.

Anchors:
- scikit-learn: log_loss, brier_score_loss (binary), calibration_curve (uniform and quantile).
- numpy: the top-label ECE and MCE written as torchmetrics does (confidence = max p, accuracy = argmax == label, a
  scatter-add per bin), but with the issue's bins: numpy.linspace edges, right-closed bins (searchsorted on the
  interior edges, side='left'), confidence 0 in the first bin; the classwise ECE (Kull et al. 2019); Brier's
  multiclass score; the binned Brier decomposition; Kumar et al.'s debiased ECE (closed form, with a Monte-Carlo
  check of the resampling estimator it is the limit of).
- PyTorch (float64): the same ECE with torch.bucketize(right=False), and the temperature T* as the root of the
  gradient of F.cross_entropy(z / T) in 1/T obtained by autograd, found by scipy's brentq to full precision; a
  bounded scalar minimiser (scipy minimize_scalar) of the NLL over T is recorded as a cross-check.
"""
import json
import math
import os

import numpy as np
import scipy.optimize as so
import scipy.stats as st
import torch
import torch.nn.functional as F
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

rng = np.random.default_rng(20261126)
out = {"numpy": np.__version__, "torch": torch.__version__, "multiclass": [], "logits": [], "binary": [],
       "debiased_monte_carlo": []}


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def edges_of(values, bins, strategy):
    if strategy == "uniform":
        return np.linspace(0.0, 1.0, bins + 1)
    return np.percentile(values, np.linspace(0, 1, bins + 1) * 100)


def bin_ids(values, edges):
    return np.searchsorted(edges[1:-1], values)  # side='left': right-closed bins, 0 in the first


def top_label(p, y, bins, strategy):
    conf = p.max(axis=1)
    correct = (p.argmax(axis=1) == y).astype(np.float64)
    edges = edges_of(conf, bins, strategy)
    ids = bin_ids(conf, edges)
    count = np.bincount(ids, minlength=bins)
    conf_sum = np.bincount(ids, weights=conf, minlength=bins)
    acc_sum = np.bincount(ids, weights=correct, minlength=bins)
    n = len(y)
    ece = float(np.sum(np.abs(acc_sum - conf_sum)) / n)
    nonzero = count > 0
    acc = np.where(nonzero, acc_sum / np.maximum(count, 1), np.nan)
    mean_conf = np.where(nonzero, conf_sum / np.maximum(count, 1), np.nan)
    mce = float(np.max(np.abs(acc - mean_conf)[nonzero]))
    # Kumar et al.'s resampling estimator in its infinite-resample limit: E|N(mu, s^2)| in closed form.
    mu = (acc - mean_conf)[nonzero]
    a = acc[nonzero]
    sigma = np.sqrt(a * (1 - a) / count[nonzero])
    folded = np.where(sigma > 0, sigma * np.sqrt(2 / np.pi) * np.exp(-0.5 * (mu / np.where(sigma > 0, sigma, 1)) ** 2)
                      + np.abs(mu) * (1 - 2 * st.norm.cdf(-np.abs(mu) / np.where(sigma > 0, sigma, 1))), np.abs(mu))
    debiased = 2 * ece - float(np.sum(count[nonzero] / n * folded))
    return {"ece": ece, "mce": mce, "debiased": debiased, "edges": flat(edges), "counts": [int(c) for c in count],
            "confidence": [None if not nz else float(v) for v, nz in zip(mean_conf, nonzero)],
            "accuracy": [None if not nz else float(v) for v, nz in zip(acc, nonzero)],
            "accuracy_total": float(correct.mean())}


def torch_ece(p, y, bins):
    pt = torch.from_numpy(p)
    conf, pred = pt.max(dim=1)
    correct = (pred == torch.from_numpy(y)).double()
    boundaries = torch.linspace(0, 1, bins + 1, dtype=torch.float64)
    boundaries = torch.from_numpy(np.linspace(0.0, 1.0, bins + 1))  # numpy's edges (torch.linspace rounds differently)
    ids = torch.bucketize(conf, boundaries[1:-1], right=False)
    count = torch.zeros(bins, dtype=torch.float64).scatter_add_(0, ids, torch.ones_like(conf))
    conf_sum = torch.zeros(bins, dtype=torch.float64).scatter_add_(0, ids, conf)
    acc_sum = torch.zeros(bins, dtype=torch.float64).scatter_add_(0, ids, correct)
    return float((acc_sum - conf_sum).abs().sum() / len(y))


def classwise(p, y, bins):
    n, c = p.shape
    edges = np.linspace(0.0, 1.0, bins + 1)
    total = 0.0
    for k in range(c):
        ids = bin_ids(p[:, k], edges)
        psum = np.bincount(ids, weights=p[:, k], minlength=bins)
        ysum = np.bincount(ids, weights=(y == k).astype(np.float64), minlength=bins)
        total += np.sum(np.abs(ysum - psum)) / n
    return float(total / c)


def decomposition(f, o, edges):
    """Binned Brier decomposition of forecasts f of binary outcomes o: REL, RES, UNC, WBV, WBC."""
    n = len(f)
    ids = bin_ids(f, edges)
    rel = res = wbv = wbc = 0.0
    base = o.mean()
    for b in np.unique(ids):
        m = ids == b
        fb, ob = f[m], o[m]
        nb = m.sum()
        fbar, obar = fb.mean(), ob.mean()
        rel += nb * (fbar - obar) ** 2 / n
        res += nb * (obar - base) ** 2 / n
        wbv += np.sum((fb - fbar) ** 2) / n
        wbc += 2 * np.sum((ob - obar) * (fb - fbar)) / n
    return [float(rel), float(res), float(base * (1 - base)), float(wbv), float(wbc)]


def multiclass_decomposition(p, y, bins):
    edges = np.linspace(0.0, 1.0, bins + 1)
    terms = np.zeros(5)
    for k in range(p.shape[1]):
        terms += np.array(decomposition(p[:, k], (y == k).astype(np.float64), edges))
    return flat(terms)


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def nll_of(z, y, beta):
    zt = torch.from_numpy(np.where(np.isneginf(z), -1e4, z))
    return float(F.cross_entropy(zt * beta, torch.from_numpy(y).long()))


def temperature(z, y):
    """T* = 1/beta*, beta* the root of d/dbeta mean CE(beta z, y), by autograd (float64) and brentq.

    A masked class (z = -inf, probability 0) would give autograd 0 * inf = NaN; it is replaced by -1e4, whose weight
    e^(beta * -1e4) is below 1e-200 on the whole bracket beta in [0.05, 20].
    """
    z = np.where(np.isneginf(z), -1e4, z)
    zt = torch.from_numpy(z)
    yt = torch.from_numpy(y).long()

    def grad(beta):
        b = torch.tensor(beta, dtype=torch.float64, requires_grad=True)
        loss = F.cross_entropy(zt * b, yt)
        loss.backward()
        return float(b.grad)

    lo, hi = 0.05, 20.0
    beta = so.brentq(grad, lo, hi, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500)
    t_min = so.minimize_scalar(lambda t: nll_of(z, y, 1.0 / t), bounds=(1.0 / hi, 1.0 / lo), method="bounded",
                               options={"xatol": 1e-12})
    return 1.0 / beta, float(t_min.x)


def probabilities_case(n, c, scale, bins_list, dtype_note, special=None):
    z = rng.normal(size=(n, c)) * scale
    p = softmax(z)
    if special == "zeros":
        mask = rng.random((n, c)) < 0.2
        p = np.where(mask, 0.0, p)
        p[np.arange(n), p.argmax(axis=1)] += 0.0
        p = p / p.sum(axis=1, keepdims=True)
    truth = softmax(z * 0.7 + rng.normal(size=(n, c)) * 0.5)
    y = np.array([rng.choice(c, p=truth[i]) for i in range(n)], dtype=np.int64)
    if special == "zeros":
        # keep the label's probability positive, so the NLL is finite and sklearn's clipping does not act
        for i in range(n):
            if p[i, y[i]] == 0.0:
                y[i] = int(p[i].argmax())
    if special == "edges":
        # rows whose confidence sits exactly on an edge of linspace(0, 1, 6) or 11, and exact ties
        rows = [[0.2, 0.2, 0.2, 0.2, 0.2], [0.4, 0.3, 0.3, 0.0, 0.0], [0.6000000000000001, 0.3999999999999999, 0, 0, 0],
                [0.6, 0.4, 0, 0, 0], [0.3, 0.3, 0.2, 0.2, 0.0], [1.0, 0, 0, 0, 0], [0.5, 0.5, 0, 0, 0],
                [0.30000000000000004, 0.29999999999999993, 0.2, 0.2, 0.0], [0.8, 0.1, 0.1, 0, 0], [0.7, 0.1, 0.1, 0.1, 0]]
        extra = np.array(rows)
        p = np.vstack([p[:, :5] / p[:, :5].sum(axis=1, keepdims=True), extra]) if c == 5 else p
        y = np.concatenate([y, np.array([0, 1, 0, 1, 1, 0, 1, 1, 0, 2])]) if c == 5 else y
        n = len(y)
    case = {"name": f"{dtype_note} n={n} c={c} scale={scale} {special or ''}".strip(), "rows": n, "classes": c,
            "probabilities": flat(p), "labels": [int(v) for v in y],
            "nll": float(np.mean(-np.log(p[np.arange(n), y]))),
            "log_loss_sklearn": float(log_loss(y, p, labels=list(range(c)))),
            "brier": float(np.mean(np.sum((p - np.eye(c)[y]) ** 2, axis=1))),
            "accuracy": float(np.mean(p.argmax(axis=1) == y)),
            "bins": []}
    for bins in bins_list:
        entry = {"bins": bins, "classwise": classwise(p, y, bins), "decomposition": multiclass_decomposition(p, y, bins),
                 "torch_ece_uniform": torch_ece(p, y, bins)}
        for strategy in ["uniform", "quantile"]:
            entry[strategy] = top_label(p, y, bins, strategy)
        case["bins"].append(entry)
    if special != "edges" and np.all(p[np.arange(n), y] > 0):
        with np.errstate(divide="ignore"):
            logp = np.log(p)
        t, t_min = temperature(logp, y)
        case["temperature"] = {"t": t, "t_minimize_scalar": t_min, "nll_after": nll_of(logp, y, 1.0 / t),
                               "ece_after_15": top_label(softmax(logp / t), y, 15, "uniform")["ece"]}
    out["multiclass"].append(case)


probabilities_case(200, 3, 2.0, [15, 10, 5], "double")
probabilities_case(500, 10, 3.0, [15, 7], "double")
probabilities_case(300, 20, 1.0, [15, 1, 2], "double")
probabilities_case(240, 4, 4.0, [15], "double", special="zeros")
probabilities_case(60, 5, 2.0, [5, 10, 15], "double", special="edges")


def logits_case(n, c, scale, dtype):
    z = rng.normal(size=(n, c)) * scale
    truth = softmax(z * 0.5 + rng.normal(size=(n, c)))
    y = np.array([rng.choice(c, p=truth[i]) for i in range(n)], dtype=np.int64)
    if dtype == "float32":
        # float32 logits on a grid of 1/1024, so that their decimal form in the JSON is short and exact
        z = (np.round(z * 1024) / 1024).astype(np.float32).astype(np.float64)
    p = softmax(z)
    t, t_min = temperature(z, y)
    pt = softmax(z / t)
    case = {"name": f"{dtype} logits n={n} c={c} scale={scale}", "dtype": dtype, "rows": n, "classes": c, "logits": flat(z),
            "labels": [int(v) for v in y], "nll": nll_of(z, y, 1.0), "brier": float(np.mean(np.sum((p - np.eye(c)[y]) ** 2, axis=1))),
            "top": top_label(p, y, 15, "uniform"), "classwise": classwise(p, y, 15),
            "t": t, "t_minimize_scalar": t_min, "nll_after": nll_of(z, y, 1.0 / t),
            "ece_after": top_label(pt, y, 15, "uniform")["ece"], "ece_after_quantile": top_label(pt, y, 10, "quantile")["ece"]}
    if dtype == "float32":
        zt = torch.from_numpy(z.astype(np.float32))
        case["nll_torch_float32"] = float(F.cross_entropy(zt, torch.from_numpy(y).long()))
    out["logits"].append(case)


logits_case(300, 5, 4.0, "float64")   # over-confident: T* > 1
logits_case(400, 10, 0.7, "float64")  # under-confident: T* < 1
logits_case(200, 37, 2.5, "float64")
logits_case(120, 1030, 3.0, "float32")  # rows longer than one 1024-value chunk
logits_case(512, 12, 5.0, "float32")


def binary_case(n, special=None):
    score = rng.normal(size=n) * 2.0
    p = 1 / (1 + np.exp(-score * 1.5))
    y = (rng.random(n) < 1 / (1 + np.exp(-score))).astype(np.int64)
    if special == "edges":
        p = np.concatenate([p, [0.0, 1.0, 0.5, 0.2, 0.4, 0.6000000000000001, 0.6, 0.1, 0.30000000000000004, 0.3]])
        y = np.concatenate([y, [0, 1, 1, 0, 1, 1, 0, 0, 1, 0]])
        n = len(y)
    case = {"name": f"binary n={n} {special or ''}".strip(), "rows": n, "probabilities": flat(p), "labels": [int(v) for v in y],
            "brier": float(brier_score_loss(y, p)), "log_loss": float(log_loss(y, p)),
            "nll": float(np.mean(-np.log(np.where(y == 1, p, 1 - p)))), "curves": []}
    two = np.stack([1 - p, p], axis=1)
    case["top_15"] = top_label(two, y, 15, "uniform")
    case["classwise_15"] = classwise(two, y, 15)
    for bins in [5, 10, 15]:
        for strategy in ["uniform", "quantile"]:
            prob_true, prob_pred = calibration_curve(y, p, n_bins=bins, strategy=strategy)
            case["curves"].append({"bins": bins, "strategy": strategy, "prob_true": flat(prob_true), "prob_pred": flat(prob_pred),
                                   "decomposition": decomposition(p, y.astype(np.float64), edges_of(p, bins, strategy))})
    if special != "edges":
        z = np.stack([np.log1p(-p), np.log(p)], axis=1)
        t, t_min = temperature(z, y)
        case["temperature"] = {"t": t, "t_minimize_scalar": t_min, "nll_after": nll_of(z, y, 1.0 / t)}
    out["binary"].append(case)


binary_case(400)
binary_case(90, special="edges")

# Kumar et al.'s resampling estimator with many resamples, to show the closed form is its limit.
p_mc = softmax(rng.normal(size=(300, 4)) * 2.0)
y_mc = np.array([rng.choice(4, p=softmax(np.log(p_mc[i:i + 1]) * 0.8)[0]) for i in range(300)], dtype=np.int64)
top = top_label(p_mc, y_mc, 10, "uniform")
conf = p_mc.max(axis=1)
correct = (p_mc.argmax(axis=1) == y_mc).astype(np.float64)
ids = bin_ids(conf, np.linspace(0, 1, 11))
count = np.bincount(ids, minlength=10)
nz = count > 0
acc = np.bincount(ids, weights=correct, minlength=10)[nz] / count[nz]
mc = np.bincount(ids, weights=conf, minlength=10)[nz] / count[nz]
resamples = 200_000
draws = rng.normal(loc=acc, scale=np.sqrt(acc * (1 - acc) / count[nz]), size=(resamples, nz.sum()))
resampled = np.abs(draws - mc) @ (count[nz] / 300)
out["debiased_monte_carlo"].append({"probabilities": flat(p_mc), "labels": [int(v) for v in y_mc], "classes": 4, "bins": 10,
                                    "closed_form": top["debiased"], "monte_carlo": float(2 * top["ece"] - resampled.mean()),
                                    "monte_carlo_standard_error": float(resampled.std() / math.sqrt(resamples))})

# Tied confidences: 20 of 40 rows at 0.5 put the first five equal-mass edges on 0.5, so three bins (0.5, 0.5] hold
# nothing by construction (and the next, (0.5, 0.5145], happens to be empty). scikit-learn's calibration_curve (np.percentile edges, np.searchsorted) drops empty bins; its curve is the
# accuracy and mean confidence of the bins that hold rows. A generator of its own, so the cases above keep their draws.
tie_rng = np.random.default_rng(20261205)
p_tie = np.concatenate([np.full(20, 0.5), np.round(tie_rng.uniform(0.5, 1.0, 20), 3)])
y_tie = (tie_rng.random(40) >= p_tie).astype(np.int64)  # class 0 (the top label, confidence p) is right with probability p
two_tie = np.stack([p_tie, 1 - p_tie], axis=1)
top_tie = top_label(two_tie, y_tie, 10, "quantile")
prob_true, prob_pred = calibration_curve((y_tie == 0).astype(np.int64), p_tie, n_bins=10, strategy="quantile")
weights = np.array([c for c in top_tie["counts"] if c > 0], dtype=np.float64) / len(y_tie)
out["ties"] = {"probabilities": flat(two_tie), "labels": [int(v) for v in y_tie], "classes": 2, "bins": 10, "top": top_tie,
               "prob_true": flat(prob_true), "prob_pred": flat(prob_pred),
               "sklearn_ece": float(np.sum(weights * np.abs(prob_true - prob_pred)))}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calibration_reference.json")
with open(path, "w") as f:
    json.dump(out, f, allow_nan=False, separators=(",", ":"))
print(f"wrote {path}")
for c in out["logits"]:
    print(c["name"], "T* =", c["t"], "minimize_scalar", c["t_minimize_scalar"], "rel", abs(c["t"] - c["t_minimize_scalar"]) / c["t"])
print("debiased", out["debiased_monte_carlo"][0]["closed_form"], out["debiased_monte_carlo"][0]["monte_carlo"], "+-",
      out["debiased_monte_carlo"][0]["monte_carlo_standard_error"])
