#!/usr/bin/env python3
"""Reference values for Shannon's logit scoring (per-token log-probability, entropy, rank, KL against a
reference model, llama.cpp-style comparison statistics, temperature sweep), computed with NumPy in float64
from float32 (and float16) logits, plus the .npy fixtures the tests read.

Row t of a T x V table predicts tokens[t + 1]; tokens has T + 1 ids (the first one is context only).

Run:  /usr/bin/python3 logits_reference.py   (from this folder; writes logits_reference.json and ../Fixtures/*.npy)
"""
import json
import os

import numpy as np

T, V = 6, 7
rng = np.random.default_rng(20261125)
reference = (rng.normal(size=(T, V)) * 2.0).astype(np.float32)
model = (reference + rng.normal(size=(T, V)) * 0.5).astype(np.float32)
model16 = model.astype(np.float16)
tokens = rng.integers(0, V, size=T + 1).astype(np.int64)
targets = tokens[1:]


def log_softmax(z, temperature=1.0):
    u = z.astype(np.float64) / temperature
    m = u.max(axis=1, keepdims=True)
    return u - m - np.log(np.exp(u - m).sum(axis=1, keepdims=True))


def score(z, temperature=1.0):
    lp = log_softmax(z, temperature)
    p = np.exp(lp)
    true_lp = lp[np.arange(T), targets]
    entropy = -(p * lp).sum(axis=1)
    zz = z.astype(np.float64)
    rank = 1 + (zz > zz[np.arange(T), targets][:, None]).sum(axis=1)
    return true_lp, entropy, rank


lp_m, h_m, r_m = score(model)
lp_r, _, _ = score(reference)
lr, lm = log_softmax(reference), log_softmax(model)
kl = (np.exp(lr) * (lr - lm)).sum(axis=1)
dp = np.exp(lp_m) - np.exp(lp_r)
diff = lp_r - lp_m
agree = (reference.argmax(axis=1) == model.argmax(axis=1)).mean()
se = lambda x: float(np.std(x, ddof=1) / np.sqrt(len(x)))
temperatures = [0.5, 1.0, 2.0]
sweep = []
for t in temperatures:
    lp_t, h_t, _ = score(model, t)
    sweep.append({"temperature": t, "perplexity": float(np.exp(-lp_t.mean())), "mean_entropy": float(h_t.mean())})
lp16, h16, r16 = score(model16.astype(np.float32))

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "Fixtures")
os.makedirs(fixtures, exist_ok=True)
np.save(os.path.join(fixtures, "logits_model.npy"), model)
np.save(os.path.join(fixtures, "logits_model16.npy"), model16)
np.save(os.path.join(fixtures, "logits_reference.npy"), reference)
np.save(os.path.join(fixtures, "logits_tokens.npy"), tokens)

out = {
    "rows": T, "vocabulary": V,
    "model": [float(x) for x in model.ravel()],
    "reference": [float(x) for x in reference.ravel()],
    "tokens": [int(x) for x in tokens],
    "log_probabilities": lp_m.tolist(), "entropies": h_m.tolist(), "ranks": [int(x) for x in r_m],
    "kl": kl.tolist(),
    "mean_kl": float(kl.mean()), "kl_stderr": se(kl), "median_kl": float(np.median(kl)),
    "kl_q90": float(np.quantile(kl, 0.9)), "kl_q10": float(np.quantile(kl, 0.1)),
    "top1_agreement": float(agree),
    "mean_delta_p": float(dp.mean()), "delta_p_stderr": se(dp), "rms_delta_p": float(np.sqrt((dp ** 2).mean())),
    "model_cross_entropy": float(-lp_m.mean()), "reference_cross_entropy": float(-lp_r.mean()),
    "log_ppl_ratio": float(diff.mean()), "log_ppl_ratio_stderr": se(diff),
    "temperature_sweep": sweep,
    "float16_log_probabilities": lp16.tolist(),
}
with open(os.path.join(here, "logits_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
