"""Reference values for Shannon.Selection.ForwardSelection's discrete terms from scikit-learn (Debian python3-sklearn).

Writes greedy_selection_reference.json next to this script. Every term of the greedy criteria is the plug-in
mutual information (sklearn.metrics.mutual_info_score) less its exact mean under the permutation null
(sklearn's expected_mutual_information, the E[MI] of adjusted_mutual_info_score); the conditional term
I(X;X_j|Y) is that, class by class of Y, weighted by the class shares. mRMR and JMI are then run greedily
(ties to the lower index) and the picks and criterion values recorded, with every pair's and triple's term.

Run from the repository root:  /usr/bin/python3 tests/Shannon.Tests/References/greedy_selection_reference.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import mutual_info_score
from sklearn.metrics.cluster import contingency_matrix
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information

HERE = os.path.dirname(os.path.abspath(__file__))


def score(a, b):
    """Plug-in I(A;B) in nats less its exact mean under the permutation (hypergeometric) null."""
    table = contingency_matrix(a, b, sparse=False).astype(np.int64)
    return float(mutual_info_score(a, b) - expected_mutual_information(table, len(a)))


def conditional_score(a, b, y):
    total = 0.0
    for value in np.unique(y):
        rows = y == value
        if rows.sum() > 1:
            total += rows.sum() * score(a[rows], b[rows])
    return total / len(y)


def greedy(features, y, k, method):
    p = len(features)
    relevance = [score(f, y) for f in features]
    picked = [int(np.argmax(relevance))]
    scores = [relevance[picked[0]]]
    while len(picked) < k:
        best, best_score = None, -np.inf
        for c in range(p):
            if c in picked:
                continue
            red = [score(features[c], features[j]) for j in picked]
            if method == "mrmr":
                value = relevance[c] - np.mean(red)
            else:
                cond = [conditional_score(features[c], features[j], y) for j in picked]
                value = relevance[c] - np.mean(np.array(red) - np.array(cond))
            if value > best_score:
                best, best_score = c, value
        picked.append(best)
        scores.append(float(best_score))
    return picked, scores


def main():
    rng = np.random.RandomState(3)
    n = 240
    y = rng.randint(0, 3, n)
    strong = np.where(rng.rand(n) < 0.6, y, rng.randint(0, 3, n))
    weak = np.where(rng.rand(n) < 0.35, (y == 0).astype(int), rng.randint(0, 2, n))
    echo = np.where(rng.rand(n) < 0.5, strong, rng.randint(0, 3, n))
    noise = rng.randint(0, 20, n)
    mixed = (weak + 2 * rng.randint(0, 3, n)) % 5
    names = ["strong", "weak", "echo", "noise", "mixed"]
    features = [strong, weak, echo, noise, mixed]
    cases = []
    for method in ["mrmr", "jmi"]:
        picked, scores = greedy(features, y, len(features), method)
        cases.append({"method": method, "picked": [names[i] for i in picked], "scores": scores})
    pairs = [{"a": names[i], "b": names[j], "score": score(features[i], features[j]),
              "conditional": conditional_score(features[i], features[j], y)}
             for i in range(len(features)) for j in range(len(features)) if i != j]
    out = {
        "sklearn": sklearn.__version__,
        "names": names,
        "features": [f.tolist() for f in features],
        "target": y.tolist(),
        "relevance": [score(f, y) for f in features],
        "pairs": pairs,
        "cases": cases,
    }
    with open(os.path.join(HERE, "greedy_selection_reference.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
