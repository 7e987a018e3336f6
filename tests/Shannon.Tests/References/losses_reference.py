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

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "losses_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(path)
