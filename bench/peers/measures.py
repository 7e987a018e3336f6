"""Peer timings for the Measures section of BENCHMARKS.md: scipy.stats.entropy(p) and scipy.stats.entropy(p, q) (KL).

    /usr/bin/python3 bench/peers/measures.py

Builds the same closed-form distributions as bench/Shannon.Benchmarks/BenchData.HashedDistribution
(p_i ∝ 1 + ((i·2654435761 + salt) mod 1000)/1000, salt 0 for p and 500 for q) and prints the value and the
median wall time of each call.
"""

import numpy as np
import scipy
from scipy.stats import entropy

from timing import best_of


def hashed(n, salt):
    i = np.arange(n, dtype=np.int64)
    w = 1.0 + ((i * 2654435761 + salt) % 1000) / 1000.0
    return w / w.sum()


def main():
    print(f"scipy {scipy.__version__}, numpy {np.__version__}")
    for n in (128, 3079, 10_000_000):
        p, q = hashed(n, 0), hashed(n, 500)
        repeats = 9 if n == 10_000_000 else 200
        _, h_s, h = best_of(repeats, lambda: entropy(p))
        _, kl_s, kl = best_of(repeats, lambda: entropy(p, q))
        h_ms, kl_ms = h_s * 1e3, kl_s * 1e3
        print(f"n={n}: entropy {h_ms:.3f} ms (value {h!r}), KL {kl_ms:.3f} ms (value {kl!r})")


if __name__ == "__main__":
    main()
