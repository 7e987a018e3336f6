"""Reference values for tests/Shannon.Tests/Estimators: scikit-learn and scipy on seeded data.

Run from the repository root with Debian's Python (python3-sklearn, python3-scipy):
    /usr/bin/python3 tests/Shannon.Tests/References/estimators_reference.py
It writes estimators_reference.json next to itself. The data sets are stored in the JSON (doubles written with
repr, which round-trips), so the C# tests read exactly the samples scikit-learn saw.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.stats import differential_entropy
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
from sklearn.metrics import mutual_info_score


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def regression_cases():
    cases = []
    for seed, n, rho in [(1, 300, 0.0), (2, 300, 0.6), (3, 1000, 0.9), (4, 500, 0.3), (5, 2000, -0.5)]:
        rng = np.random.default_rng(seed)
        x = rng.standard_normal(n)
        y = rho * x + np.sqrt(1 - rho * rho) * rng.standard_normal(n)
        x = x * 3.0 + 1.5  # scale and offset: scikit-learn scales without centring
        value = mutual_info_regression(x.reshape(-1, 1), y, random_state=0)[0]
        noise = np.random.RandomState(0)
        feature_noise = noise.standard_normal(size=(n, 1)).ravel()
        target_noise = noise.standard_normal(size=n)
        cases.append({"seed": seed, "rho": rho, "x": floats(x), "y": floats(y), "value": float(value),
                      "feature_noise": floats(feature_noise), "target_noise": floats(target_noise)})
    # a nonlinear pair: y = sin(3x) + noise
    rng = np.random.default_rng(6)
    x = rng.uniform(-2, 2, 800)
    y = np.sin(3 * x) + 0.3 * rng.standard_normal(800)
    value = mutual_info_regression(x.reshape(-1, 1), y, random_state=0)[0]
    noise = np.random.RandomState(0)
    cases.append({"seed": 6, "rho": None, "x": floats(x), "y": floats(y), "value": float(value),
                  "feature_noise": floats(noise.standard_normal(size=(800, 1)).ravel()),
                  "target_noise": floats(noise.standard_normal(size=800))})
    return cases


def classification_cases():
    cases = []
    for seed, n, classes, shift in [(11, 300, 2, 1.0), (12, 600, 3, 0.5), (13, 400, 4, 0.0), (14, 1000, 5, 2.0)]:
        rng = np.random.default_rng(seed)
        labels = rng.integers(0, classes, n)
        x = shift * labels + rng.standard_normal(n)
        value = mutual_info_classif(x.reshape(-1, 1), labels, random_state=0)[0]
        noise = np.random.RandomState(0)
        cases.append({"seed": seed, "x": floats(x), "labels": [int(v) for v in labels], "value": float(value),
                      "feature_noise": floats(noise.standard_normal(size=(n, 1)).ravel())})
    # a class that occurs once is dropped by scikit-learn
    rng = np.random.default_rng(15)
    labels = np.concatenate([rng.integers(0, 2, 199), [7]])
    x = labels + rng.standard_normal(200)
    value = mutual_info_classif(x.reshape(-1, 1), labels, random_state=0)[0]
    noise = np.random.RandomState(0)
    cases.append({"seed": 15, "x": floats(x), "labels": [int(v) for v in labels], "value": float(value),
                  "feature_noise": floats(noise.standard_normal(size=(200, 1)).ravel())})
    return cases


def mutual_info_score_cases():
    cases = []
    for seed, n, a, b in [(21, 50, 3, 4), (22, 500, 5, 5), (23, 2000, 10, 3)]:
        rng = np.random.default_rng(seed)
        x = rng.integers(0, a, n)
        y = (x + rng.integers(0, b, n)) % b
        cases.append({"x": [int(v) for v in x], "y": [int(v) for v in y], "value": float(mutual_info_score(x, y))})
    return cases


def differential_entropy_cases():
    cases = []
    samples = {
        "normal": np.random.default_rng(31).standard_normal(500),
        "uniform": np.random.default_rng(32).uniform(0, 2, 200),
        "exponential": np.random.default_rng(33).exponential(1.0, 1000),
        "small": np.random.default_rng(34).standard_normal(7),
    }
    for name, x in samples.items():
        values = {}
        for method in ["vasicek", "van es", "ebrahimi", "correa", "auto"]:
            values[method] = float(differential_entropy(x, method=method))
        windows = {}
        for m in [1, 3, 5]:
            if m < len(x) / 2:
                windows[str(m)] = {method: float(differential_entropy(x, window_length=m, method=method))
                                   for method in ["vasicek", "van es", "ebrahimi", "correa"]}
        cases.append({"name": name, "x": floats(x), "values": values, "windows": windows})
    return cases


def main():
    reference = {
        "generator": "tests/Shannon.Tests/References/estimators_reference.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "mutual_info_regression": regression_cases(),
        "mutual_info_classif": classification_cases(),
        "mutual_info_score": mutual_info_score_cases(),
        "differential_entropy": differential_entropy_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "estimators_reference.json")
    with open(path, "w") as f:
        json.dump(reference, f)
        f.write("\n")


if __name__ == "__main__":
    main()
