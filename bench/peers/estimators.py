"""Peer timings for the Estimators section of BENCHMARKS.md: scikit-learn's mutual_info_regression (KSG, k = 3).

    /usr/bin/python3 bench/peers/estimators.py

Writes the shared inputs bench/data/ksg_<n>.f64 once (seeded; x then y as little-endian float64), which
bench/Shannon.Benchmarks/EstimatorBenchmarks.cs reads, so both sides estimate the same pairs. Prints, for n = 10⁴ and 10⁵,
the value and the median wall time of scikit-learn's call.
"""
import os

import numpy as np
import sklearn
from sklearn.feature_selection import mutual_info_regression

from timing import best_of

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
SIZES = [10_000, 100_000, 1_000_000]
REPEATS = {10_000: 7, 100_000: 3}


def pairs(n):
    path = os.path.join(DATA, f"ksg_{n}.f64")
    if not os.path.exists(path):
        os.makedirs(DATA, exist_ok=True)
        rng = np.random.default_rng(42)
        x = rng.standard_normal(n)
        y = 0.6 * x + 0.8 * rng.standard_normal(n)
        np.concatenate([x, y]).astype("<f8").tofile(path)
    both = np.fromfile(path, dtype="<f8")
    return both[:n], both[n:]


def main():
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    for n in SIZES:
        x, y = pairs(n)
        if n not in REPEATS:
            continue  # the input is written for Shannon's n = 10⁶ row; scikit-learn takes minutes there
        _, median, value = best_of(REPEATS[n], lambda: mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=0)[0])
        print(f"mutual_info_regression n={n}: {median * 1e3:.1f} ms (median of {REPEATS[n]}), value {value:.12f} nats")


if __name__ == "__main__":
    main()
