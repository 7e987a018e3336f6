"""Reference values for Shannon.Losses from PyTorch (Debian python3-torch), written to losses_reference.json.

Run: /usr/bin/python3 tests/Shannon.Tests/References/losses_reference.py
Every case stores its inputs, so the C# tests need no Python. Values are computed in float64 unless a case says
"float32", in which case the inputs are float32 tensors and the result is PyTorch's float32 answer.
"""
import json
import math
import os

import mpmath
import torch
import torch.nn.functional as F
import torch.distributions as D

torch.manual_seed(20261125)
out = {"torch": torch.__version__, "softmax": [], "cross_entropy": [], "nll": [], "bce": [], "bce_logits": [],
       "kl_div": [], "kl_divergence": []}


def values(t):
    return [float(v) for v in t.flatten().tolist()]


def exact_entropy(row):
    with mpmath.workdps(40):
        z = [mpmath.mpf(v) for v in row]
        s = mpmath.fsum(mpmath.exp(v) for v in z)
        return float(-mpmath.fsum((mpmath.exp(v) / s) * (v - mpmath.log(s)) for v in z))


# --- softmax family -----------------------------------------------------------------------------------------------
for rows, classes, scale in [(1, 3, 1.0), (3, 7, 5.0), (4, 50, 20.0), (2, 300, 3.0)]:
    for temperature in [1.0, 0.5, 2.5]:
        z = torch.randn(rows, classes, dtype=torch.float64) * scale
        zt = z / temperature
        p = torch.softmax(zt, dim=1)
        out["softmax"].append({
            "rows": rows, "classes": classes, "temperature": temperature, "logits": values(z),
            "logsumexp": values(torch.logsumexp(zt, dim=1)),
            "softmax": values(p),
            "log_softmax": values(torch.log_softmax(zt, dim=1)),
            # torch's Categorical.entropy sums p·log p with cancellation on near-one-hot rows (2.6e-15 absolute on an
            # entropy of 3.6e-4); the reference entropy is therefore exact (mpmath, 40 digits).
            "entropy": [exact_entropy(r) for r in zt.tolist()],
            "entropy_torch": values(D.Categorical(logits=zt).entropy()),
        })


def num(v):
    v = float(v)
    return "NaN" if math.isnan(v) else ("Infinity" if v == math.inf else ("-Infinity" if v == -math.inf else v))


def nums(t):
    return [num(v) for v in t.detach().flatten().tolist()]


# --- cross-entropy: every option combination, index and probability targets, float64 and float32 ----------------
def cross_entropy_case(dtype, rows, classes, scale, weighted, ignored, smoothing, reduction, temperature, soft):
    z = (torch.randn(rows, classes, dtype=torch.float64) * scale).to(dtype)
    if soft:
        target = torch.softmax(torch.randn(rows, classes, dtype=torch.float64) * 2, dim=1).to(dtype)
    else:
        target = torch.randint(0, classes, (rows,))
        if ignored:
            target[torch.arange(rows) % 3 == 1] = -100
    weight = (torch.rand(classes, dtype=torch.float64) * 2 + 0.1).to(dtype) if weighted else None
    zz = z.clone().requires_grad_(True)
    loss = F.cross_entropy(zz / temperature, target, weight=weight, reduction=reduction, label_smoothing=smoothing)
    (loss.sum() if reduction == "none" else loss).backward()
    return {
        "dtype": str(dtype).replace("torch.", ""), "rows": rows, "classes": classes, "soft": soft,
        "weights": nums(weight) if weighted else [], "smoothing": smoothing, "reduction": reduction,
        "temperature": temperature, "logits": nums(z),
        "targets": nums(target) if soft else [int(v) for v in target.tolist()],
        "loss": nums(loss), "gradient": nums(zz.grad),
    }


for dtype in [torch.float64, torch.float32]:
    for soft in [False, True]:
        for weighted in [False, True]:
            for ignored in ([False] if soft else [False, True]):
                for smoothing in [0.0, 0.1, 0.35]:
                    for reduction in ["mean", "sum", "none"]:
                        for temperature in [1.0, 2.0]:
                            out["cross_entropy"].append(cross_entropy_case(
                                dtype, 7, 5, 3.0, weighted, ignored, smoothing, reduction, temperature, soft))
    # Wide rows cross the 1024-value chunks of the streaming kernel.
    for soft in [False, True]:
        out["cross_entropy"].append(cross_entropy_case(dtype, 2, 1100, 8.0, True, not soft, 0.2, "mean", 1.5, soft))

# --- nll_loss: weights, ignore_index (default and a real class), reductions; float64 and float32 ----------------------
def nll_case(dtype, weighted, ignore_index, reduction, all_ignored=False):
    logp = torch.log_softmax(torch.randn(7, 5, dtype=torch.float64) * 3, dim=1).to(dtype)
    target = torch.randint(0, 5, (7,))
    if ignore_index == -100:
        target[torch.arange(7) % 3 == 1] = -100
    if all_ignored:
        target[:] = ignore_index
    weight = (torch.rand(5, dtype=torch.float64) * 2 + 0.1).to(dtype) if weighted else None
    loss = F.nll_loss(logp, target, weight=weight, ignore_index=ignore_index, reduction=reduction)
    return {"dtype": str(dtype).replace("torch.", ""), "classes": 5, "log_probabilities": nums(logp),
            "targets": [int(v) for v in target.tolist()], "weights": nums(weight) if weighted else [],
            "ignore_index": ignore_index, "reduction": reduction, "loss": nums(loss)}


for dtype in [torch.float64, torch.float32]:
    for weighted in [False, True]:
        for ignore_index in [-100, 1]:
            for reduction in ["mean", "sum", "none"]:
                out["nll"].append(nll_case(dtype, weighted, ignore_index, reduction))
    for reduction in ["mean", "sum"]:
        out["nll"].append(nll_case(dtype, True, -100, reduction, all_ignored=True))


# --- binary cross-entropy on probabilities (log clamped at -100) and from logits (pos_weight, weight) -------------
def weight_for(kind, dtype, rows, classes):
    if kind == "none":
        return None
    shape = (rows, classes) if kind == "element" else (classes,)
    return (torch.rand(*shape, dtype=torch.float64) * 2 + 0.1).to(dtype)


def binary_targets(soft, rows, classes):
    if soft:
        return torch.rand(rows, classes, dtype=torch.float64)
    return torch.randint(0, 2, (rows, classes)).to(torch.float64)


for dtype in [torch.float64, torch.float32]:
    for soft in [False, True]:
        for weight_kind in ["none", "element", "column"]:
            for reduction in ["mean", "sum", "none"]:
                p = torch.sigmoid(torch.randn(6, 4, dtype=torch.float64) * 3)
                p[0, 0], p[1, 1], p[2, 2], p[3, 3] = 0.0, 1.0, 1e-50, 1.0 - 1e-12  # the -100 clamp and near-edges
                t = binary_targets(soft, 6, 4)
                p, t = p.to(dtype), t.to(dtype)
                w = weight_for(weight_kind, dtype, 6, 4)
                loss = F.binary_cross_entropy(p, t, weight=w, reduction=reduction)
                out["bce"].append({"dtype": str(dtype).replace("torch.", ""), "classes": 4, "probabilities": nums(p),
                                   "targets": nums(t), "weights": nums(w) if w is not None else [],
                                   "reduction": reduction, "loss": nums(loss)})
    for soft in [False, True]:
        for weight_kind in ["none", "element", "column"]:
            for pos_weighted in [False, True]:
                for reduction in ["mean", "sum", "none"]:
                    z = torch.randn(6, 4, dtype=torch.float64) * 4
                    z[0, 0], z[1, 1], z[2, 2], z[3, 3] = 40.0, -40.0, 700.0, -700.0
                    t = binary_targets(soft, 6, 4)
                    z, t = z.to(dtype), t.to(dtype)
                    w = weight_for(weight_kind, dtype, 6, 4)
                    pw = (torch.rand(4, dtype=torch.float64) * 3 + 0.2).to(dtype) if pos_weighted else None
                    loss = F.binary_cross_entropy_with_logits(z, t, weight=w, pos_weight=pw, reduction=reduction)
                    out["bce_logits"].append({"dtype": str(dtype).replace("torch.", ""), "classes": 4, "logits": nums(z),
                                              "targets": nums(t), "weights": nums(w) if w is not None else [],
                                              "pos_weight": nums(pw) if pw is not None else [],
                                              "reduction": reduction, "loss": nums(loss)})

# --- kl_div on log-probability input: log_target and every reduction ---------------------------------------------
for dtype in [torch.float64, torch.float32]:
    for log_target in [False, True]:
        for reduction in ["none", "sum", "mean", "batchmean"]:
            x = torch.log_softmax(torch.randn(5, 6, dtype=torch.float64) * 2, dim=1)
            q = torch.softmax(torch.randn(5, 6, dtype=torch.float64) * 2, dim=1)
            if not log_target:
                q[0, 1] = 0.0  # 0 * log 0 = 0
                q[2, 3] = 0.0
            t = torch.log(q) if log_target else q
            x, t = x.to(dtype), t.to(dtype)
            loss = F.kl_div(x, t, reduction=reduction, log_target=log_target)
            out["kl_div"].append({"dtype": str(dtype).replace("torch.", ""), "classes": 6, "input": nums(x),
                                  "target": nums(t), "log_target": log_target, "reduction": reduction,
                                  "loss": nums(loss)})

# --- focal loss: torchvision.ops.sigmoid_focal_loss's formula, written out here ----------------------------------
out["focal"] = []


def sigmoid_focal_loss(inputs, targets, alpha, gamma, reduction):
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * ((1 - p_t) ** gamma)
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return loss.mean() if reduction == "mean" else (loss.sum() if reduction == "sum" else loss)


for dtype in [torch.float64, torch.float32]:
    for soft in [False, True]:
        for gamma in [0.0, 0.5, 2.0]:
            for alpha in [0.25, -1.0]:
                for reduction in ["mean", "sum", "none"]:
                    z = (torch.randn(5, 3, dtype=torch.float64) * 2).clamp(-3, 3).to(dtype)
                    t = binary_targets(soft, 5, 3).to(dtype)
                    loss = sigmoid_focal_loss(z, t, alpha, gamma, reduction)
                    out["focal"].append({"dtype": str(dtype).replace("torch.", ""), "logits": nums(z), "targets": nums(t),
                                         "gamma": gamma, "alpha": alpha, "reduction": reduction, "loss": nums(loss)})

# --- InfoNCE: cross_entropy on the cosine-similarity matrix / T (one direction, or both averaged) ----------------
out["info_nce"] = []
for dtype in [torch.float64, torch.float32]:
    for n, d in [(1, 3), (4, 3), (16, 8), (40, 32)]:
        for temperature in [0.07, 0.5, 1.0]:
            for related in [False, True]:
                z1 = torch.randn(n, d, dtype=torch.float64)
                z2 = z1 + 0.3 * torch.randn(n, d, dtype=torch.float64) if related else torch.randn(n, d, dtype=torch.float64)
                z1, z2 = z1.to(dtype), z2.to(dtype)
                logits = (F.normalize(z1, dim=1) @ F.normalize(z2, dim=1).T) / temperature
                labels = torch.arange(n)
                forward = F.cross_entropy(logits, labels)
                symmetric = (forward + F.cross_entropy(logits.T, labels)) / 2
                # SimCLR's NT-Xent: both views as 2N anchors, each against the other 2N − 1 (its own similarity masked).
                h = F.normalize(torch.cat([z1, z2]), dim=1)
                views = (h @ h.T) / temperature
                views.fill_diagonal_(float("-inf"))
                partners = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
                nt_xent = F.cross_entropy(views, partners)
                out["info_nce"].append({"dtype": str(dtype).replace("torch.", ""), "n": n, "d": d, "temperature": temperature,
                                        "z1": nums(z1), "z2": nums(z2), "loss": num(forward), "symmetric_loss": num(symmetric),
                                        "nt_xent_loss": num(nt_xent)})

# --- closed forms: torch.distributions entropy and kl_divergence; the VAE term --------------------------------------
out["gaussian"] = []
out["vae"] = []


def spd(k):
    a = torch.randn(k, k, dtype=torch.float64)
    return a @ a.T + 0.5 * torch.eye(k, dtype=torch.float64)


for k in [1, 2, 3, 5]:
    for _ in range(3):
        m1, m2 = torch.randn(k, dtype=torch.float64), torch.randn(k, dtype=torch.float64)
        s1, s2 = spd(k), spd(k)
        v1, v2 = torch.rand(k, dtype=torch.float64) * 3 + 0.1, torch.rand(k, dtype=torch.float64) * 3 + 0.1
        full = D.kl_divergence(D.MultivariateNormal(m1, s1), D.MultivariateNormal(m2, s2))
        diag = D.kl_divergence(D.Independent(D.Normal(m1, v1.sqrt()), 1), D.Independent(D.Normal(m2, v2.sqrt()), 1))
        out["gaussian"].append({"k": k, "mean1": values(m1), "mean2": values(m2), "cov1": values(s1), "cov2": values(s2),
                                "var1": values(v1), "var2": values(v2), "kl_full": float(full), "kl_diagonal": float(diag),
                                "entropy_full": float(D.MultivariateNormal(m1, s1).entropy()),
                                "entropy_univariate": float(D.Normal(m1[0], v1[0].sqrt()).entropy()),
                                "kl_univariate": float(D.kl_divergence(D.Normal(m1[0], v1[0].sqrt()), D.Normal(m2[0], v2[0].sqrt())))})

for rows, latent in [(1, 1), (4, 3), (8, 20)]:
    mu = torch.randn(rows, latent, dtype=torch.float64)
    log_var = torch.randn(rows, latent, dtype=torch.float64)
    per_row = -0.5 * torch.sum(1 + log_var - mu ** 2 - log_var.exp(), dim=1)
    out["vae"].append({"latent": latent, "mean": values(mu), "log_variance": values(log_var), "per_row": values(per_row),
                       "batch_mean": float(per_row.mean())})

out["distributions"] = []
for _ in range(4):
    u = lambda: float(torch.rand(()) * 3 + 0.2)
    a1, b1, a2, b2 = u(), u(), u(), u()
    pb, qb = float(torch.rand(())), float(torch.rand(()))
    pc = torch.softmax(torch.randn(5, dtype=torch.float64), 0)
    qc = torch.softmax(torch.randn(5, dtype=torch.float64), 0)
    d1, d2 = torch.rand(4, dtype=torch.float64) * 3 + 0.2, torch.rand(4, dtype=torch.float64) * 3 + 0.2
    t = lambda x: torch.tensor(x, dtype=torch.float64)
    out["distributions"].append({
        "a1": a1, "b1": b1, "a2": a2, "b2": b2, "p": pb, "q": qb, "pc": values(pc), "qc": values(qc),
        "alpha1": values(d1), "alpha2": values(d2),
        "bernoulli": float(D.kl_divergence(D.Bernoulli(t(pb)), D.Bernoulli(t(qb)))),
        "categorical": float(D.kl_divergence(D.Categorical(probs=pc), D.Categorical(probs=qc))),
        "poisson": float(D.kl_divergence(D.Poisson(t(a1)), D.Poisson(t(a2)))),
        "exponential": float(D.kl_divergence(D.Exponential(t(a1)), D.Exponential(t(a2)))),
        "gamma": float(D.kl_divergence(D.Gamma(t(a1), t(b1)), D.Gamma(t(a2), t(b2)))),
        "beta": float(D.kl_divergence(D.Beta(t(a1), t(b1)), D.Beta(t(a2), t(b2)))),
        "dirichlet": float(D.kl_divergence(D.Dirichlet(d1), D.Dirichlet(d2))),
    })

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "losses_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(path)
