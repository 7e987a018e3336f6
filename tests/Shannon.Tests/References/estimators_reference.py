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
import scipy.stats
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


def binning_cases():
    cases = []
    samples = {
        "normal": np.random.default_rng(41).standard_normal(1000),
        "skewed": np.random.default_rng(42).exponential(2.0, 500),
        "small": np.random.default_rng(43).uniform(-1, 3, 37),
    }
    for name, x in samples.items():
        rules = {}
        for rule in ["sturges", "scott", "fd", "sqrt", "doane", 10, 7]:
            edges = np.histogram_bin_edges(x, bins=rule)
            counts, _ = np.histogram(x, bins=edges)
            p = counts / counts.sum()
            widths = np.diff(edges)
            nz = counts > 0
            rules[str(rule)] = {
                "bins": int(len(edges) - 1),
                "counts": [int(c) for c in counts],
                "entropy": float(scipy.stats.entropy(counts)),
                "differential_entropy": float(scipy.stats.entropy(counts) + np.sum(p[nz] * np.log(widths[nz]))),
            }
        cases.append({"name": name, "x": floats(x), "rules": rules})
    return cases


def r_entropy_style(counts):
    """The R package entropy's formulas (Hausser & Strimmer), written out by hand."""
    y = np.asarray(counts, dtype=float)
    n = y.sum()
    m = len(y)
    nz = y[y > 0]

    def h(p):
        p = p[p > 0]
        return float(-np.sum(p * np.log(p)))

    ml = h(y / n)
    mm = ml + (np.count_nonzero(y) - 1) / (2 * n)
    f1 = np.sum(y == 1)
    if f1 == n:
        f1 = n - 1
    c = 1 - f1 / n
    pa = c * nz / n
    la = 1 - (1 - pa) ** n
    cs = float(-np.sum(pa * np.log(pa) / la))
    u = y / n
    t = 1 / m
    lam = 1.0 if n == 1 else (1 - np.sum(u ** 2)) / ((n - 1) * np.sum((t - u) ** 2))
    lam = min(1.0, max(0.0, lam))
    js = h(lam * t + (1 - lam) * u)
    dirichlet = {name: h((y + a) / (n + m * a)) for name, a in
                 [("jeffreys", 0.5), ("laplace", 1.0), ("perks", 1 / m), ("minimax", np.sqrt(n) / m)]}
    from scipy.special import digamma
    g = digamma(nz) + 0.5 * (-1) ** nz * (digamma((nz + 1) / 2) - digamma(nz / 2))
    grassberger = float(np.log(n) - np.sum(nz * g) / n)
    # jackknife of the plug-in, leaving out one sample at a time
    loo = []
    for i in range(m):
        for _ in range(int(y[i])):
            z = y.copy()
            z[i] -= 1
            loo.append(h(z / (n - 1)))
    jk = float(n * ml - (n - 1) / n * np.sum(loo))
    return {"plugin": ml, "miller_madow": float(mm), "chao_shen": cs, "james_stein": js, "grassberger": grassberger,
            "jackknife": jk, **dirichlet}


def discrete_cases():
    out = []
    for counts in [[2, 1], [4, 2, 3, 0, 6, 0, 0, 9, 1, 2], [1, 1, 1, 1, 2], [10, 20, 30, 40], [1, 0, 0, 5, 3, 1, 1, 7]]:
        out.append({"counts": counts, "values": r_entropy_style(counts)})
    return out


def significance_cases():
    rng = np.random.default_rng(51)
    x = rng.integers(0, 3, 300)
    y = (x + rng.integers(0, 4, 300)) % 4
    table = np.zeros((3, 4))
    for a, b in zip(x, y):
        table[a, b] += 1
    g, p, dof, _ = scipy.stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    chi2 = [{"x": v, "k": k, "sf": float(scipy.stats.chi2.sf(v, k))} for v, k in [(0.5, 1), (3.84, 1), (10.0, 4), (50.0, 30), (1e-3, 2), (200.0, 3)]]
    normal = [{"p": q, "ppf": float(scipy.stats.norm.ppf(q))} for q in [0.5, 0.975, 0.995, 0.9, 0.01, 1e-6]]
    return {"x": [int(v) for v in x], "y": [int(v) for v in y], "g": float(g), "p_value": float(p), "dof": int(dof),
            "chi2_sf": chi2, "normal_ppf": normal}


def gaussian_cases():
    rng = np.random.default_rng(61)
    x = rng.multivariate_normal([0, 1, 2], [[2, 0.5, 0.3], [0.5, 1, 0.2], [0.3, 0.2, 0.5]], 400)
    cov = np.cov(x, rowvar=False)
    h = float(scipy.stats.multivariate_normal(mean=np.zeros(3), cov=cov).entropy())
    h1 = float(scipy.stats.norm(scale=np.std(x[:, 0], ddof=1)).entropy())
    rho = np.corrcoef(x[:, 0], x[:, 1])[0, 1]
    mi = float(-0.5 * np.log(1 - rho ** 2))
    logdet = lambda a: np.linalg.slogdet(a)[1]
    mi_multi = float(0.5 * (logdet(cov[:2, :2]) + logdet(cov[2:, 2:]) - logdet(cov)))
    return {"x": floats(x), "entropy3": h, "entropy1": h1, "mi_rho": mi, "mi_logdet": mi_multi}


def main():
    reference = {
        "generator": "tests/Shannon.Tests/References/estimators_reference.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "mutual_info_regression": regression_cases(),
        "mutual_info_classif": classification_cases(),
        "mutual_info_score": mutual_info_score_cases(),
        "differential_entropy": differential_entropy_cases(),
        "binning": binning_cases(),
        "discrete": discrete_cases(),
        "significance": significance_cases(),
        "gaussian": gaussian_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "estimators_reference.json")
    with open(path, "w") as f:
        json.dump(reference, f)
        f.write("\n")


if __name__ == "__main__":
    main()
