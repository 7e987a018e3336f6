"""Values and autograd gradients of every loss in Shannon.Losses from PyTorch, written to loss_gradients_reference.json.

Run: /usr/bin/python3 tests/Shannon.Tests/References/loss_gradients_reference.py   (Debian python3-torch)
Every case stores its inputs, the loss and the gradient(s) of the reduced loss from loss.backward() (of loss.sum() for
reduction 'none'), for every kind x reduction x dtype, with edge cases: BCE's -100 log clamp (p = 0, 1, 1e-50), rows
ignored and all rows ignored, an empty batch, a batch of one, large logits. Values in float32 cases are PyTorch's
float32 answers on float32 tensors.
"""
import json
import warnings
import math
import os

import torch
import torch.nn.functional as F

torch.manual_seed(20261204)
warnings.filterwarnings("ignore", message="reduction: 'mean' divides the total loss")
out = {"torch": torch.__version__}


def num(v):
    v = float(v)
    return "NaN" if math.isnan(v) else ("Infinity" if v == math.inf else ("-Infinity" if v == -math.inf else v))


def nums(t):
    return [num(v) for v in t.detach().flatten().tolist()]


def name(dtype):
    return str(dtype).replace("torch.", "")


def backward(loss):
    (loss.sum() if loss.dim() > 0 else loss).backward()


REDUCTIONS = ["none", "mean", "sum"]
DTYPES = [torch.float64, torch.float32]

# --- nll_loss: w.r.t. the log-probabilities; weights, ignore_index (default and a real class), every row ignored, a
# batch of one, an empty batch (mean NaN, sum 0) -------------------------------------------------------------------
out["nll"] = []


def nll_case(dtype, rows, weighted, ignore_index, reduction, all_ignored=False):
    logp = torch.log_softmax(torch.randn(rows, 5, dtype=torch.float64) * 3, dim=1).to(dtype).requires_grad_(True)
    target = torch.randint(0, 5, (rows,))
    if ignore_index == -100 and rows > 2:
        target[torch.arange(rows) % 3 == 1] = -100
    if all_ignored:
        target[:] = ignore_index
    weight = (torch.rand(5, dtype=torch.float64) * 2 + 0.1).to(dtype) if weighted else None
    loss = F.nll_loss(logp, target, weight=weight, ignore_index=ignore_index, reduction=reduction)
    backward(loss)
    return {"dtype": name(dtype), "classes": 5, "input": nums(logp), "targets": [int(v) for v in target.tolist()],
            "weights": nums(weight) if weighted else [], "ignore_index": ignore_index, "reduction": reduction,
            "loss": nums(loss), "gradient": nums(logp.grad)}


for dtype in DTYPES:
    for weighted in [False, True]:
        for ignore_index in [-100, 1]:
            for reduction in REDUCTIONS:
                out["nll"].append(nll_case(dtype, 7, weighted, ignore_index, reduction))
    for reduction in REDUCTIONS:
        out["nll"].append(nll_case(dtype, 4, True, -100, reduction, all_ignored=True))
        out["nll"].append(nll_case(dtype, 1, True, -100, reduction))
        out["nll"].append(nll_case(dtype, 0, False, -100, reduction))

# --- binary_cross_entropy on probabilities: PyTorch's -100 floor on each log and its backward (p - y)/max(p(1-p), 1e-12)
# at p = 0, 1, 1e-50, 1 - 1e-12 --------------------------------------------------------------------------------------
out["bce"] = []


def weight_for(kind, dtype, rows, classes):
    if kind == "none":
        return None
    shape = (rows, classes) if kind == "element" else (classes,)
    return (torch.rand(*shape, dtype=torch.float64) * 2 + 0.1).to(dtype)


def binary_targets(soft, rows, classes):
    if soft:
        return torch.rand(rows, classes, dtype=torch.float64)
    return torch.randint(0, 2, (rows, classes)).to(torch.float64)


for dtype in DTYPES:
    for soft in [False, True]:
        for weight_kind in ["none", "element", "column"]:
            for reduction in REDUCTIONS:
                p = torch.sigmoid(torch.randn(6, 4, dtype=torch.float64) * 3)
                t = binary_targets(soft, 6, 4)
                p[0, 0], p[1, 1], p[2, 2], p[3, 3] = 0.0, 1.0, 1e-50, 1.0 - 1e-12
                t[0, 0], t[1, 1], t[2, 2] = 1.0, 0.0, 1.0  # confidently wrong: floored loss, 1e12 gradient
                p[4, 0], t[4, 0], p[5, 1], t[5, 1] = 0.0, 0.0, 1.0, 1.0  # confidently right: 0 and 0
                p = p.to(dtype).requires_grad_(True)
                t = t.to(dtype)
                w = weight_for(weight_kind, dtype, 6, 4)
                loss = F.binary_cross_entropy(p, t, weight=w, reduction=reduction)
                backward(loss)
                out["bce"].append({"dtype": name(dtype), "classes": 4, "input": nums(p), "targets": nums(t),
                                   "weights": nums(w) if w is not None else [], "reduction": reduction,
                                   "loss": nums(loss), "gradient": nums(p.grad)})
    for reduction in REDUCTIONS:  # a batch of one
        p = torch.tensor([0.3], dtype=dtype, requires_grad=True)
        t = torch.tensor([1.0], dtype=dtype)
        loss = F.binary_cross_entropy(p, t, reduction=reduction)
        backward(loss)
        out["bce"].append({"dtype": name(dtype), "classes": 1, "input": nums(p), "targets": nums(t), "weights": [],
                           "reduction": reduction, "loss": nums(loss), "gradient": nums(p.grad)})

# --- binary_cross_entropy_with_logits: weight and pos_weight, logits +-40 and +-700 ----------------------------------
out["bce_logits"] = []
for dtype in DTYPES:
    for soft in [False, True]:
        for weight_kind in ["none", "element", "column"]:
            for pos_weighted in [False, True]:
                for reduction in REDUCTIONS:
                    z = torch.randn(6, 4, dtype=torch.float64) * 4
                    z[0, 0], z[1, 1], z[2, 2], z[3, 3] = 40.0, -40.0, 700.0, -700.0
                    t = binary_targets(soft, 6, 4)
                    z = z.to(dtype).requires_grad_(True)
                    t = t.to(dtype)
                    w = weight_for(weight_kind, dtype, 6, 4)
                    pw = (torch.rand(4, dtype=torch.float64) * 3 + 0.2).to(dtype) if pos_weighted else None
                    loss = F.binary_cross_entropy_with_logits(z, t, weight=w, pos_weight=pw, reduction=reduction)
                    backward(loss)
                    out["bce_logits"].append({"dtype": name(dtype), "classes": 4, "input": nums(z), "targets": nums(t),
                                              "weights": nums(w) if w is not None else [],
                                              "pos_weight": nums(pw) if pw is not None else [],
                                              "reduction": reduction, "loss": nums(loss), "gradient": nums(z.grad)})
    # Long enough for the vector kernel's eight-wide lanes, its 1024-element chunks and a tail.
    for reduction in ["none", "mean"]:
        z = (torch.randn(2053, dtype=torch.float64) * 6).to(dtype).requires_grad_(True)
        t = torch.rand(2053, dtype=torch.float64).to(dtype)
        pw = (torch.rand(1, dtype=torch.float64) * 3 + 0.2).to(dtype)
        loss = F.binary_cross_entropy_with_logits(z, t, pos_weight=pw, reduction=reduction)
        backward(loss)
        out["bce_logits"].append({"dtype": name(dtype), "classes": 1, "input": nums(z), "targets": nums(t), "weights": [],
                                  "pos_weight": nums(pw), "reduction": reduction, "loss": nums(loss), "gradient": nums(z.grad)})

# --- kl_div on log-probability input: log_target both ways, every reduction including batchmean, a batch of one ------
out["kl_div"] = []
for dtype in DTYPES:
    for rows in [5, 1]:
        for log_target in [False, True]:
            for reduction in REDUCTIONS + ["batchmean"]:
                x = torch.log_softmax(torch.randn(rows, 6, dtype=torch.float64) * 2, dim=1)
                q = torch.softmax(torch.randn(rows, 6, dtype=torch.float64) * 2, dim=1)
                if not log_target:
                    q[0, 1] = 0.0  # 0 * log 0 = 0
                t = torch.log(q) if log_target else q
                x = x.to(dtype).requires_grad_(True)
                t = t.to(dtype)
                loss = F.kl_div(x, t, reduction=reduction, log_target=log_target)
                backward(loss)
                out["kl_div"].append({"dtype": name(dtype), "classes": 6, "input": nums(x), "targets": nums(t),
                                      "log_target": log_target, "reduction": reduction, "loss": nums(loss),
                                      "gradient": nums(x.grad)})

# --- sigmoid focal loss: torchvision.ops.sigmoid_focal_loss's formula, written out, and its autograd gradient ----------
out["focal"] = []


def sigmoid_focal_loss(inputs, targets, alpha, gamma, reduction):
    p = torch.sigmoid(inputs)
    ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * ((1 - p_t) ** gamma)
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return loss.mean() if reduction == "mean" else (loss.sum() if reduction == "sum" else loss)


for dtype in DTYPES:
    for soft in [False, True]:
        for gamma in [0.0, 0.5, 2.0]:
            for alpha in [0.25, -1.0]:
                for reduction in REDUCTIONS:
                    z = (torch.randn(5, 3, dtype=torch.float64) * 2).clamp(-3, 3).to(dtype).requires_grad_(True)
                    t = binary_targets(soft, 5, 3).to(dtype)
                    loss = sigmoid_focal_loss(z, t, alpha, gamma, reduction)
                    backward(loss)
                    out["focal"].append({"dtype": name(dtype), "input": nums(z), "targets": nums(t), "gamma": gamma,
                                         "alpha": alpha, "reduction": reduction, "loss": nums(loss), "gradient": nums(z.grad)})
    for reduction in REDUCTIONS:  # large logits (gamma >= 1, where PyTorch's 1 - p_t = 0 still has a finite gradient) and one element
        z = torch.tensor([12.0, -12.0, 30.0, -30.0, 0.5, 4.0], dtype=dtype, requires_grad=True)
        t = torch.tensor([1.0, 0.0, 0.0, 1.0, 1.0, 0.0], dtype=dtype)
        loss = sigmoid_focal_loss(z, t, 0.25, 2.0, reduction)
        backward(loss)
        out["focal"].append({"dtype": name(dtype), "input": nums(z), "targets": nums(t), "gamma": 2.0, "alpha": 0.25,
                             "reduction": reduction, "loss": nums(loss), "gradient": nums(z.grad)})
        z = torch.tensor([0.7], dtype=dtype, requires_grad=True)
        t = torch.tensor([1.0], dtype=dtype)
        loss = sigmoid_focal_loss(z, t, 0.25, 2.0, reduction)
        backward(loss)
        out["focal"].append({"dtype": name(dtype), "input": nums(z), "targets": nums(t), "gamma": 2.0, "alpha": 0.25,
                             "reduction": reduction, "loss": nums(loss), "gradient": nums(z.grad)})

# --- InfoNCE: cross_entropy(q k^T / T, arange(N)), dot or cosine, one direction or symmetric; w.r.t. q and k ---------
out["info_nce"] = []
for dtype in DTYPES:
    for n, d, temperature in [(1, 3, 0.5), (5, 4, 0.1), (12, 8, 0.7)]:
        for cosine in [False, True]:
            for symmetric in [False, True]:
                for reduction in REDUCTIONS:
                    q0 = torch.randn(n, d, dtype=torch.float64)
                    k0 = q0 + 0.5 * torch.randn(n, d, dtype=torch.float64)
                    q = q0.to(dtype).clone().requires_grad_(True)
                    k = k0.to(dtype).clone().requires_grad_(True)
                    qq = F.normalize(q, dim=1) if cosine else q
                    kk = F.normalize(k, dim=1) if cosine else k
                    logits = qq @ kk.T / temperature
                    labels = torch.arange(n)
                    loss = F.cross_entropy(logits, labels, reduction=reduction)
                    if symmetric:
                        loss = (loss + F.cross_entropy(logits.T, labels, reduction=reduction)) / 2
                    backward(loss)
                    out["info_nce"].append({"dtype": name(dtype), "n": n, "d": d, "cosine": cosine, "symmetric": symmetric,
                                            "temperature": temperature, "reduction": reduction, "queries": nums(q),
                                            "keys": nums(k), "loss": nums(loss), "query_gradient": nums(q.grad),
                                            "key_gradient": nums(k.grad)})

# --- NT-Xent (SimCLR): 2N rows, i and i + N positives, cosine, diagonal masked, mean over the 2N anchors ------------------
out["nt_xent"] = []
for dtype in DTYPES:
    for n, d, temperatures, reductions in [(1, 3, [0.5], REDUCTIONS), (4, 5, [0.1, 0.5], REDUCTIONS),
                                           (20, 16, [0.1, 0.5], REDUCTIONS), (40, 33, [0.2], ["mean"])]:
        for temperature in temperatures:
            for reduction in reductions:
                z1 = torch.randn(n, d, dtype=torch.float64)
                z = torch.cat([z1, z1 + 0.4 * torch.randn(n, d, dtype=torch.float64)]).to(dtype).requires_grad_(True)
                h = F.normalize(z, dim=1)
                s = (h @ h.T / temperature).masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
                partners = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
                loss = F.cross_entropy(s, partners, reduction=reduction)
                backward(loss)
                out["nt_xent"].append({"dtype": name(dtype), "n": n, "d": d, "temperature": temperature, "reduction": reduction,
                                       "embeddings": nums(z), "loss": nums(loss), "gradient": nums(z.grad)})

# --- the VAE's Gaussian KL to N(0, I): sum over dimensions, reduced over the batch; w.r.t. mu and log-variance ---------
out["gaussian_kl"] = []
for dtype in DTYPES:
    for rows, latent in [(1, 1), (4, 3), (8, 20)]:
        for reduction in REDUCTIONS:
            mu = (torch.randn(rows, latent, dtype=torch.float64)).to(dtype).requires_grad_(True)
            log_var = (torch.randn(rows, latent, dtype=torch.float64) * 1.5).to(dtype).requires_grad_(True)
            per_row = -0.5 * torch.sum(1 + log_var - mu ** 2 - log_var.exp(), dim=1)
            loss = per_row.mean() if reduction == "mean" else (per_row.sum() if reduction == "sum" else per_row)
            backward(loss)
            out["gaussian_kl"].append({"dtype": name(dtype), "latent": latent, "reduction": reduction, "mu": nums(mu),
                                       "logvar": nums(log_var), "loss": nums(loss), "mu_gradient": nums(mu.grad),
                                       "logvar_gradient": nums(log_var.grad)})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "loss_gradients_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(path, {k: len(v) for k, v in out.items() if isinstance(v, list)})
