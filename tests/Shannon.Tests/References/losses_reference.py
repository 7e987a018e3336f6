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

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "losses_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(path)
