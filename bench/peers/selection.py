"""Peer timings for Shannon's feature selection (scikit-learn, Debian python3-sklearn).

Same shapes as bench/Shannon.Benchmarks/SelectionBenchmarks.cs:
  * mutual_info_classif on 20,000 rows x 20 continuous features, 4 classes (k = 3);
  * discrete ranking of 10^6 rows x 20 categorical columns (mutual_info_classif with discrete_features=True);
    Shannon's 10^7-row figure comes from DuckDB GROUP BY counts (bench/Shannon.Benchmarks, Discrete10M).
Run:  /usr/bin/python3 bench/peers/selection.py
"""

import numpy as np
from sklearn.feature_selection import mutual_info_classif

from timing import best_of


def main():
    rng = np.random.RandomState(0)
    x = rng.standard_normal((20_000, 20))
    y = (x[:, 0] > 0).astype(int) + 2 * (x[:, 1] + 0.5 * rng.standard_normal(20_000) > 0).astype(int)
    best, median, _ = best_of(5, lambda: mutual_info_classif(x, y, n_neighbors=3, random_state=0))
    print(f"mutual_info_classif 20000x20 continuous: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms")

    n = 1_000_000
    codes = rng.randint(0, 8, size=(n, 20))
    target = (codes[:, 0] + codes[:, 1]) % 4
    best, median, _ = best_of(3, lambda: mutual_info_classif(codes, target, discrete_features=True, random_state=0))
    print(f"mutual_info_classif 1e6x20 discrete: best {best:.2f} s, median {median:.2f} s")


if __name__ == "__main__":
    main()
