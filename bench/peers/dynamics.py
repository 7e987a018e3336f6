"""Peer timings for the Dynamics section of BENCHMARKS.md: KSG (Frenzel-Pompe) transfer entropy, k = l = d = 1.

    /usr/bin/python3 bench/peers/dynamics.py

Writes the shared input bench/data/te_<n>.f64 once (a seeded VAR(1): x_t = 0.5 x_{t-1} + e, y_t = 0.3 y_{t-1} +
0.6 x_{t-1} + u; x then y as little-endian float64), which bench/Shannon.Benchmarks/DynamicsBenchmarks.cs reads. Then
estimates TE_{X->Y} = I(Y_t ; X_{t-1} | Y_{t-1}) by the Frenzel-Pompe k-NN estimator written the way scikit-learn writes
KSG (sklearn.neighbors KDTree / NearestNeighbors with the Chebyshev metric, query_radius count_only with the radius
nextafter(eps, 0)), after the same unit-variance scaling, and prints the value and the median wall time, with the
analytic TE of the process.
"""
import os
import time

import numpy as np
import sklearn
from scipy.special import digamma
from sklearn.neighbors import KDTree, NearestNeighbors

from timing import best_of

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
N = 100_000
K = 4


def series(n):
    path = os.path.join(DATA, f"te_{n}.f64")
    if not os.path.exists(path):
        os.makedirs(DATA, exist_ok=True)
        rng = np.random.default_rng(19)
        x = np.zeros(n)
        y = np.zeros(n)
        xt = yt = 0.0
        noise = rng.standard_normal((n + 1000, 2))
        for t in range(-1000, n):
            xt, yt = 0.5 * xt + noise[t + 1000, 0], 0.3 * yt + 0.6 * xt + noise[t + 1000, 1]
            if t >= 0:
                x[t], y[t] = xt, yt
        np.concatenate([x, y]).astype("<f8").tofile(path)
    both = np.fromfile(path, dtype="<f8")
    return both[:n], both[n:]


def analytic(a=0.5, b=0.3, c=0.6):
    sxx, sxy, syy = 1.0, 0.0, 1.0
    for _ in range(10_000):
        sxx, sxy, syy = a * a * sxx + 1, a * c * sxx + a * b * sxy, c * c * sxx + 2 * b * c * sxy + b * b * syy + 1
    lag1 = c * sxy + b * syy
    return 0.5 * np.log(syy - lag1 * lag1 / syy)


def scale(v):
    v = v.reshape(len(v), -1).astype(float)
    return v / v.std(axis=0)


def frenzel_pompe_te(x, y, k=K):
    present, source, past = scale(y[1:]), scale(x[:-1]), scale(y[:-1])
    joint = np.hstack([present, source, past])
    nn = NearestNeighbors(metric="chebyshev", n_neighbors=k)
    nn.fit(joint)
    radius = nn.kneighbors()[0][:, -1]
    radius = np.nextafter(radius, 0)

    def count(points):
        return KDTree(points, metric="chebyshev").query_radius(points, radius, count_only=True)

    n_xz = count(np.hstack([present, past]))
    n_yz = count(np.hstack([source, past]))
    n_z = count(past)
    return digamma(k) - np.mean(digamma(n_xz) + digamma(n_yz) - digamma(n_z))


def main():
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    x, y = series(N)
    cpu = time.process_time()
    median_best, median, value = best_of(3, lambda: frenzel_pompe_te(x, y))
    cpu = (time.process_time() - cpu) / 3
    print(f"Frenzel-Pompe TE (KDTree, chebyshev) n={N - 1}, k={K}: {median * 1e3:.1f} ms (median of 3), CPU {cpu * 1e3:.1f} ms per call, value {value:.6f} nats; analytic {analytic():.6f}")


if __name__ == "__main__":
    main()
