"""Peer timings for the Measures section of BENCHMARKS.md: scipy.stats.entropy(p) and scipy.stats.entropy(p, q) (KL).

    /usr/bin/python3 bench/peers/measures.py

Builds the same closed-form distributions as bench/Shannon.Benchmarks/BenchData.HashedDistribution
(p_i ∝ 1 + ((i·2654435761 + salt) mod 1000)/1000, salt 0 for p and 500 for q) and prints the value and the
median wall time of each call.
"""
import statistics
import time

import numpy as np
import scipy
from scipy.stats import entropy


def hashed(n, salt):
    i = np.arange(n, dtype=np.int64)
    w = 1.0 + ((i * 2654435761 + salt) % 1000) / 1000.0
    return w / w.sum()


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, value


def main():
    print(f"scipy {scipy.__version__}, numpy {np.__version__}")
    for n in (128, 3079, 10_000_000):
        p, q = hashed(n, 0), hashed(n, 500)
        repeats = 9 if n == 10_000_000 else 200
        h_ms, h = median_ms(lambda: entropy(p), repeats)
        kl_ms, kl = median_ms(lambda: entropy(p, q), repeats)
        print(f"n={n}: entropy {h_ms:.3f} ms (value {h!r}), KL {kl_ms:.3f} ms (value {kl!r})")


if __name__ == "__main__":
    main()
