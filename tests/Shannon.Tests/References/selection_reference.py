"""Reference values for Shannon.Selection from scikit-learn (Debian python3-sklearn).

Writes selection_reference.json next to this script:
  * mutual_info_classif / mutual_info_regression (k = 3, discrete_features=False, random_state=0) on the
    repository's data sets, in nats, with a per-column flag telling whether the column has tied values
    (sklearn adds 1e-10-scale noise that breaks ties; Shannon's jitter-free estimate may differ there);
  * DecisionTreeClassifier(criterion="entropy") on iris and wine (float32 inputs, as sklearn uses): every
    node's feature, threshold, gain in nats and class counts, and the features whose best split reaches the same
    gain within 1e-9 nats. sklearn visits features in a random order and keeps the first best, so where
    features tie its choice depends on random_state; the script uses the first random_state whose tree breaks
    every tie like Shannon (lowest feature index), which makes the whole tree comparable.

Run from the repository root:  /usr/bin/python3 tests/Shannon.Tests/References/selection_reference.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "data")


def load(name):
    with open(os.path.join(DATA, name)) as f:
        header = f.readline().strip().split(",")
    raw = np.genfromtxt(os.path.join(DATA, name), delimiter=",", skip_header=1, dtype=str)
    x = raw[:, :-1].astype(np.float64)
    y = raw[:, -1]
    return header[:-1], x, y


def has_ties(column):
    return bool(len(np.unique(column)) < len(column))


def mi_case(name, task):
    features, x, y = load(name)
    if task == "classification":
        scores = mutual_info_classif(x, y, discrete_features=False, n_neighbors=3, random_state=0)
    else:
        scores = mutual_info_regression(x, y.astype(np.float64), discrete_features=False, n_neighbors=3, random_state=0)
    return {
        "file": name,
        "task": task,
        "features": features,
        "scores": [float(s) for s in scores],
        "ties": [has_ties(x[:, j]) for j in range(x.shape[1])],
        "target_ties": task == "regression" and has_ties(y.astype(np.float64)),
    }


def tie_free_case(task):
    """Gaussian features with no ties: sklearn's 1e-10 noise moves no neighbour, so jitter-free scores agree to 1e-6."""
    rng = np.random.RandomState(42)
    x = rng.standard_normal((300, 4))
    x[:, 1] += x[:, 0]
    if task == "classification":
        y = (x[:, 0] + 0.5 * rng.standard_normal(300) > 0).astype(int) + (x[:, 2] > 1).astype(int)
        scores = mutual_info_classif(x, y, discrete_features=False, n_neighbors=3, random_state=0)
    else:
        y = x[:, 0] + 0.3 * x[:, 2] + 0.5 * rng.standard_normal(300)
        scores = mutual_info_regression(x, y, discrete_features=False, n_neighbors=3, random_state=0)
    return {"task": task, "x": x.tolist(), "y": y.tolist(), "scores": [float(v) for v in scores]}


def entropy_nats(counts):
    counts = np.asarray(counts, dtype=np.float64)
    n = counts.sum()
    p = counts[counts > 0] / n
    return float(-(p * np.log(p)).sum())


def best_gains(x, y_codes, classes, rows, min_leaf):
    """Best gain per feature at a node (sklearn's rule: midpoints between distinct sorted values)."""
    parent = np.bincount(y_codes[rows], minlength=classes)
    h = entropy_nats(parent)
    n = len(rows)
    result = []
    for j in range(x.shape[1]):
        order = rows[np.argsort(x[rows, j], kind="stable")]
        values = x[order, j]
        left = np.zeros(classes)
        best = -np.inf
        for p in range(1, n):
            left[y_codes[order[p - 1]]] += 1
            if values[p] <= values[p - 1] + 1e-7 or p < min_leaf or n - p < min_leaf:
                continue
            right = parent - left
            gain = h - (p * entropy_nats(left) + (n - p) * entropy_nats(right)) / n
            best = max(best, gain)
        result.append(best)
    return result


def tree_case(name, max_depth, min_leaf):
    """The first random_state whose tree breaks every tie like Shannon: lowest feature index, then lowest threshold."""
    for seed in range(500):
        case = tree_for_seed(name, max_depth, min_leaf, seed)
        if all(n["feature"] == n["tied_features"][0] for n in case["nodes"] if "feature" in n):
            return case
    raise RuntimeError("no random_state breaks the ties like Shannon")


def tree_for_seed(name, max_depth, min_leaf, seed):
    features, x, y = load(name)
    x = x.astype(np.float32)
    classes, y_codes = np.unique(y, return_inverse=True)
    model = DecisionTreeClassifier(criterion="entropy", max_depth=max_depth, min_samples_leaf=min_leaf, random_state=seed)
    model.fit(x, y_codes)
    tree = model.tree_
    paths = model.decision_path(x)
    nodes = []
    for node in range(tree.node_count):
        rows = np.nonzero(paths[:, node].toarray().ravel())[0]
        counts = np.bincount(y_codes[rows], minlength=len(classes)).tolist()
        entry = {"id": node, "samples": int(tree.n_node_samples[node]), "counts": counts,
                 "entropy": entropy_nats(counts)}
        left, right = int(tree.children_left[node]), int(tree.children_right[node])
        if left >= 0:
            n = tree.n_node_samples[node]
            gain = entropy_nats(counts) - (tree.n_node_samples[left] * entropy_nats(np.bincount(y_codes[np.nonzero(paths[:, left].toarray().ravel())[0]], minlength=len(classes)))
                                           + tree.n_node_samples[right] * entropy_nats(np.bincount(y_codes[np.nonzero(paths[:, right].toarray().ravel())[0]], minlength=len(classes)))) / n
            gains = best_gains(x.astype(np.float64), y_codes, len(classes), rows, min_leaf)
            ties = [j for j, g in enumerate(gains) if abs(g - gain) <= 1e-9]
            entry.update({"feature": int(tree.feature[node]), "threshold": float(tree.threshold[node]), "left": left,
                          "right": right, "gain": float(gain), "tied_features": ties})
        nodes.append(entry)
    return {"file": name, "max_depth": max_depth, "min_leaf": min_leaf, "random_state": seed, "classes": [str(c) for c in classes],
            "nodes": nodes}


def main():
    out = {
        "sklearn": sklearn.__version__,
        "mutual_info": [
            mi_case("iris.csv", "classification"),
            mi_case("wine.csv", "classification"),
            mi_case("breast_cancer.csv", "classification"),
            mi_case("digits.csv", "classification"),
            mi_case("diabetes.csv", "regression"),
        ],
        "tie_free": [tie_free_case("classification"), tie_free_case("regression")],
        "trees": [
            tree_case("iris.csv", None, 1),
            tree_case("wine.csv", None, 1),
            tree_case("wine.csv", 3, 5),
        ],
    }
    with open(os.path.join(HERE, "selection_reference.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
