#!/usr/bin/python3
"""Pins the first draws of the generators the tour reproduces: CPython's random, torch's CPU generator, and
scikit-learn's StratifiedKFold with the logistic probe of lesson 003 §4.8.

Run with Debian's python3 (torch 1.13, scikit-learn 1.2):

    /usr/bin/python3 tests/Shannon.Reports.Tests/References/generator_check.py

Writes generator_check.json next to this script. numpy's legacy RandomState is pinned in tour_reference.json.
Floats are stored exactly (repr of the double; float32 draws widened to double).
"""
import json
import os
import random
import re
import sys

import numpy as np
import sklearn
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

HERE = os.path.dirname(os.path.abspath(__file__))
out = {"generator": "tests/Shannon.Reports.Tests/References/generator_check.py",
       "versions": {"python": sys.version.split()[0], "torch": torch.__version__, "sklearn": sklearn.__version__}}

# CPython random: random.seed(n) -> init_by_array; random(), randint via _randbelow, gauss with the cached pair.
py = {}
for seed in (42, 0, 2**40 + 5):
    random.seed(seed)
    py[f"seed{seed}.random"] = [random.random() for _ in range(5)]
random.seed(42)
py["seed42.randint_0_2"] = [random.randint(0, 2) for _ in range(20)]
random.seed(42)
py["seed42.randint_1_6"] = [random.randint(1, 6) for _ in range(20)]
random.seed(42)
py["seed42.gauss"] = [random.gauss(0, 1) for _ in range(7)]
# lesson 000 step 4's whole stream: 1000 labels then 3000 gauss draws
random.seed(42)
labels = [random.randint(0, 2) for _ in range(1000)]
gauss = [random.gauss(0, 1) for _ in range(3000)]
py["lesson.labels_sum"] = sum(labels)
py["lesson.labels_first"] = labels[:10]
py["lesson.gauss_at"] = {str(i): gauss[i] for i in (0, 1, 2, 1499, 2998, 2999)}
out["python"] = py

# torch CPU generator: manual_seed -> init_genrand; rand/randn float32 (>= 16 elements: normal_fill), randint int64.
tt = {}
torch.manual_seed(42)
tt["seed42.rand16"] = [float(v) for v in torch.rand(16)]
torch.manual_seed(42)
tt["seed42.randint_0_2"] = [int(v) for v in torch.randint(0, 2, (20,))]
torch.manual_seed(42)
tt["seed42.randint_0_10"] = [int(v) for v in torch.randint(0, 10, (20,))]
torch.manual_seed(42)
tt["seed42.randn_5_10"] = [float(v) for v in torch.randn(5, 10).ravel()]  # 50: three blocks and a recomputed tail
torch.manual_seed(0)
z = torch.randn(64, 128).ravel()
tt["seed0.randn_64_128.first"] = [float(v) for v in z[:16]]
tt["seed0.randn_64_128.last"] = [float(v) for v in z[-4:]]
torch.manual_seed(42)
labels = torch.randint(0, 2, (1000,))
noise = torch.randn(1000, 1).ravel()
tt["seed42.probe.labels_sum"] = int(labels.sum())
tt["seed42.probe.noise.first"] = [float(v) for v in noise[:8]]
tt["seed42.probe.noise.last"] = [float(v) for v in noise[-16:]]
out["torch"] = tt

# scikit-learn: StratifiedKFold(3) test folds and the probe's fold accuracies on X = (2·label − 1) + 0.8·noise.
x = ((labels.float()[:, None] * 2 - 1) + 0.8 * noise[:, None]).numpy()
y = labels.numpy()
folds = list(StratifiedKFold(3).split(x, y))
sk = {"probe.test_sizes": [int(len(t)) for _, t in folds],
      "probe.test_first": [[int(i) for i in t[:5]] for _, t in folds],
      "probe.test_last": [int(t[-1]) for _, t in folds],
      "probe.fold_accuracies": [float(a) for a in cross_val_score(LogisticRegression(), x, y, cv=3)]}
for f, (train, _) in enumerate(folds):
    model = LogisticRegression().fit(x[train], y[train])
    sk[f"probe.fold{f}.coef"] = float(model.coef_[0, 0])
    sk[f"probe.fold{f}.intercept"] = float(model.intercept_[0])
y_small = np.array([1, 1, 0, 2, 0, 1, 2, 2, 0, 1, 1])
sk["small.y"] = [int(v) for v in y_small]
sk["small.test_folds"] = [[int(i) for i in t] for _, t in StratifiedKFold(3).split(np.zeros((len(y_small), 1)), y_small)]
out["sklearn"] = sk

with open(os.path.join(HERE, "generator_check.json"), "w", encoding="utf-8") as f:
    text = json.dumps(out, indent=1)
    # one line per list of numbers, so the file stays short
    text = re.sub(r"\[[^\[\]{}]*\]", lambda m: " ".join(m.group(0).split()), text)
    f.write(text + "\n")
print("written")
