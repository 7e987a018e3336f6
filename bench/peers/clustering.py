#!/usr/bin/env python3
"""Times scikit-learn on the label pairs ClusteringBenchmarks uses (same SplitMix64 labels, same values).

Run: /usr/bin/python3 bench/peers/clustering.py   (Debian's python3-sklearn)
"""
import sys

import numpy as np
import sklearn
from sklearn.metrics import adjusted_mutual_info_score, mutual_info_score, normalized_mutual_info_score

from timing import best_of


def hashed_labels(length, classes, seed):
    """Label i: SplitMix64(seed + (i + 1) * 0x9E3779B97F4A7C15) mod classes, in wrapping uint64 arithmetic."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + np.arange(1, length + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return (z % np.uint64(classes)).astype(np.int64)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, best and median of {repeats}")
    mi_true, mi_pred = hashed_labels(10_000_000, 100, 1), hashed_labels(10_000_000, 100, 2)
    ami_true, ami_pred = hashed_labels(100_000, 500, 3), hashed_labels(100_000, 500, 4)
    rows = [
        ("MutualInformation_1e7_100x100", "mutual_info_score", lambda: mutual_info_score(mi_true, mi_pred)),
        ("AdjustedMutualInformation_1e5_500x500", "adjusted_mutual_info_score", lambda: adjusted_mutual_info_score(ami_true, ami_pred)),
        ("NormalizedMutualInformation_1e5_500x500", "normalized_mutual_info_score", lambda: normalized_mutual_info_score(ami_true, ami_pred)),
    ]
    for name, peer, fn in rows:
        best, median, value = best_of(repeats, fn)
        print(f"{name:42s} {peer:30s} best {best * 1e3:9.1f} ms  median {median * 1e3:9.1f} ms  value {value!r}")


if __name__ == "__main__":
    main()
