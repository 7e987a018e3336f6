"""Peer timings for the N-dimensional rows of the Measures section of BENCHMARKS.md (numpy/scipy written by hand:
dit, the usual library for these measures, is not installed here and works on dictionaries of outcomes).

    /usr/bin/python3 bench/peers/joint.py

Builds the 100x100x100 table of bench/Shannon.Benchmarks/JointBenchmarks (BenchData.HashedDistribution, salt 0) and
times: the marginal p(x, z) (p.sum(axis=1)); I(Y;Z|X) = H(Y,X) + H(Z,X) - H(X,Y,Z) - H(X); total correlation
sum H(X_i) - H(X); co-information over the 7 non-empty subsets, every entropy scipy.stats.entropy of a marginal.
"""
import itertools

import numpy as np
import scipy
from scipy.stats import entropy

from timing import best_of


def hashed(n, salt):
    i = np.arange(n, dtype=np.int64)
    w = 1.0 + ((i * 2654435761 + salt) % 1000) / 1000.0
    return w / w.sum()


def h(p, keep):
    drop = tuple(a for a in range(p.ndim) if a not in keep)
    return entropy(p.sum(axis=drop).ravel() if drop else p.ravel())


def cmi(p):
    return h(p, (1, 0)) + h(p, (2, 0)) - h(p, (0, 1, 2)) - h(p, (0,))


def tc(p):
    return sum(h(p, (a,)) for a in range(p.ndim)) - h(p, tuple(range(p.ndim)))


def coinformation(p):
    total = 0.0
    for size in range(1, p.ndim + 1):
        for subset in itertools.combinations(range(p.ndim), size):
            total += h(p, subset) if size % 2 == 1 else -h(p, subset)
    return total


def main():
    print(f"scipy {scipy.__version__}, numpy {np.__version__}")
    p = hashed(1_000_000, 0).reshape(100, 100, 100)
    for name, fn in [("marginal p(x,z)", lambda: p.sum(axis=1)), ("I(Y;Z|X)", lambda: cmi(p)),
                     ("total correlation", lambda: tc(p)), ("co-information", lambda: coinformation(p))]:
        best, median, value = best_of(20, fn)
        shown = value if np.isscalar(value) else float(value.sum())
        print(f"{name}: median {median * 1e3:.3f} ms, best {best * 1e3:.3f} ms (value {shown!r})")


if __name__ == "__main__":
    main()
