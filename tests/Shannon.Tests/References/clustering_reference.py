#!/usr/bin/env python3
"""Reference values for Shannon.Measures.Clustering from scikit-learn, plus an exact expected mutual information.

Run with Debian's python3-sklearn:  /usr/bin/python3 tests/Shannon.Tests/References/clustering_reference.py
Writes clustering_reference.json next to this script. Seeded: the output is deterministic.
"""
import json
import math
import os
from collections import Counter

import numpy as np
import sklearn
from sklearn.metrics import (
    adjusted_mutual_info_score,
    homogeneity_completeness_v_measure,
    mutual_info_score,
    normalized_mutual_info_score,
)
from sklearn.metrics.cluster import contingency_matrix, entropy
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information

METHODS = ["arithmetic", "geometric", "min", "max"]


def exact_emi(labels_true, labels_pred):
    """E[I] under the permutation model with exact integer hypergeometric probabilities (fsum of float terms)."""
    n = len(labels_true)
    a_sizes = Counter(Counter(labels_true).values())
    b_sizes = Counter(Counter(labels_pred).values())
    terms = []
    total_comb = {}
    for a, ma in a_sizes.items():
        for b, mb in b_sizes.items():
            if b not in total_comb:
                total_comb[b] = math.comb(n, b)
            for k in range(max(1, a + b - n), min(a, b) + 1):
                p = math.comb(a, k) * math.comb(n - a, b - k) / total_comb[b]
                if p == 0.0:
                    continue
                terms.append(ma * mb * p * k / n * math.log((n * k) / (a * b)))
    return math.fsum(terms)


def case(name, labels_true, labels_pred):
    labels_true = list(labels_true)
    labels_pred = list(labels_pred)
    t = np.asarray(labels_true)
    p = np.asarray(labels_pred)
    table = contingency_matrix(t, p, sparse=True)
    h, c, v = homogeneity_completeness_v_measure(t, p)
    _, _, v_half = homogeneity_completeness_v_measure(t, p, beta=0.5)
    return {
        "name": name,
        "labels_true": labels_true,
        "labels_pred": labels_pred,
        "n": len(labels_true),
        "clusters_true": int(len(np.unique(t))),
        "clusters_pred": int(len(np.unique(p))),
        "mutual_info": float(mutual_info_score(t, p)),
        "entropy_true": float(entropy(t)),
        "entropy_pred": float(entropy(p)),
        "nmi": {m: float(normalized_mutual_info_score(t, p, average_method=m)) for m in METHODS},
        "ami": {m: float(adjusted_mutual_info_score(t, p, average_method=m)) for m in METHODS},
        "emi_sklearn": float(expected_mutual_information(table.astype(np.float64), len(labels_true))),
        "emi_exact": exact_emi(labels_true, labels_pred),
        "homogeneity": float(h),
        "completeness": float(c),
        "v_measure": float(v),
        "v_measure_beta_half": float(v_half),
    }


def main():
    rng = np.random.default_rng(20240607)
    cases = []
    for n, ka, kb in [(50, 3, 4), (200, 10, 10), (1000, 20, 5), (2000, 500, 500), (20000, 200, 150)]:
        a = rng.integers(0, ka, n)
        b = rng.integers(0, kb, n)
        cases.append(case(f"independent n={n} {ka}x{kb}", a.tolist(), b.tolist()))
    # Correlated: the prediction copies the class 70% of the time, relabelled and shifted.
    a = rng.integers(0, 8, 500)
    b = np.where(rng.random(500) < 0.7, a, rng.integers(0, 8, 500)) * 7 - 100
    cases.append(case("correlated n=500 8x8 shifted labels", a.tolist(), b.tolist()))
    a = rng.integers(0, 30, 3000)
    b = np.where(rng.random(3000) < 0.5, a // 2, rng.integers(0, 15, 3000))
    cases.append(case("merged n=3000 30x15", a.tolist(), b.tolist()))
    # Edge cases.
    cases.append(case("identical", [0, 0, 1, 1, 2, 2, 2], [5, 5, 3, 3, 9, 9, 9]))
    cases.append(case("both single cluster", [1, 1, 1, 1], [7, 7, 7, 7]))
    cases.append(case("one single cluster", [0, 0, 0, 0], [0, 1, 2, 3]))
    cases.append(case("sklearn doc example", [0, 0, 1, 1], [0, 0, 1, 2]))
    # String labels.
    words = ["cat", "dog", "Émile", "ant", "zebra", "Dog"]
    a = rng.integers(0, len(words), 300)
    b = rng.integers(0, 4, 300)
    cases.append(case("strings n=300", [words[i] for i in a], [f"c{i}" for i in b]))
    out = {"generator": "clustering_reference.py", "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "clustering_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
