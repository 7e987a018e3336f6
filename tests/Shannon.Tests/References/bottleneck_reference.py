"""Reference values for Shannon.Bottleneck, computed independently of Shannon's algorithms.

dit is not packaged for Debian, so the references are derived here by other means:
- channel capacity: direct numerical maximisation of I(X;Y) over the input simplex with scipy.optimize
  (SLSQP on a softmax parametrisation), not Blahut-Arimoto;
- rate-distortion: for a given slope beta, min over test channels of I(X;Xhat) + beta*E[d], again by direct
  minimisation with scipy.optimize over softmax-parametrised rows;
- agglomerative IB: brute force over all pairs at every step, recomputing I(T;Y) from the merged joint
  (not the merge-cost shortcut), so the costs check Shannon's closed form.
Run with Debian's python3 (numpy, scipy): python3 bottleneck_reference.py > bottleneck_reference.json
Values are in nats.
"""
import json

import numpy as np
from scipy.optimize import minimize
from scipy.special import softmax, xlogy


def mutual_information(joint):
    px = joint.sum(axis=1, keepdims=True)
    py = joint.sum(axis=0, keepdims=True)
    mask = joint > 0
    return float(np.sum(joint[mask] * np.log(joint[mask] / (px @ py)[mask])))


def capacity(channel):
    n = channel.shape[0]

    def negative_information(z):
        r = softmax(z)
        return -mutual_information(r[:, None] * channel)

    best = None
    for start in range(8):
        z0 = np.random.default_rng(start).normal(size=n)
        result = minimize(negative_information, z0, method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})
        if best is None or result.fun < best.fun:
            best = result
    return -best.fun, softmax(best.x).tolist()


def rate_distortion(source, distortion, beta):
    m = distortion.shape[1]

    def objective(z):
        q = softmax(z.reshape(len(source), m), axis=1)
        joint = source[:, None] * q
        return mutual_information(joint) + beta * float(np.sum(joint * distortion))

    best = None
    for start in range(4):
        z0 = np.random.default_rng(start).normal(size=len(source) * m)
        result = minimize(objective, z0, method="BFGS", options={"gtol": 1e-11, "maxiter": 20000})
        if best is None or result.fun < best.fun:
            best = result
    q = softmax(best.x.reshape(len(source), m), axis=1)
    joint = source[:, None] * q
    return mutual_information(joint), float(np.sum(joint * distortion))


def agglomerative(joint):
    clusters = [[i] for i in range(joint.shape[0])]
    ids = list(range(joint.shape[0]))
    rows = [joint[i].copy() for i in range(joint.shape[0])]
    merges = []
    next_id = joint.shape[0]
    while len(rows) > 1:
        current = mutual_information(np.array(rows))
        best = None
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                merged = [r for k, r in enumerate(rows) if k not in (i, j)] + [rows[i] + rows[j]]
                loss = current - mutual_information(np.array(merged))
                if best is None or loss < best[0] - 1e-15:
                    best = (loss, i, j)
        loss, i, j = best
        new_rows = [r for k, r in enumerate(rows) if k not in (i, j)]
        new_ids = [c for k, c in enumerate(ids) if k not in (i, j)]
        new_rows.append(rows[i] + rows[j])
        new_ids.append(next_id)
        merges.append({"left": ids[i], "right": ids[j], "cost": loss,
                       "relevant": mutual_information(np.array(new_rows)),
                       "compression": float(-np.sum(xlogy(np.array([r.sum() for r in new_rows]),
                                                          np.array([r.sum() for r in new_rows]))))})
        rows, ids = new_rows, new_ids
        next_id += 1
    return merges


channel = np.array([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.25, 0.25, 0.5]])
c, r = capacity(channel)
source = np.array([0.5, 0.3, 0.2])
distortion = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 1.0], [2.0, 1.0, 0.0]])
rd = [{"beta": b, "rate": rd[0], "distortion": rd[1]}
      for b in (0.5, 1.5, 3.0) for rd in [rate_distortion(source, distortion, b)]]
joint = np.array([[0.10, 0.05, 0.00], [0.08, 0.06, 0.01], [0.02, 0.10, 0.08], [0.00, 0.05, 0.20],
                  [0.05, 0.05, 0.05], [0.03, 0.02, 0.05]])
joint = joint / joint.sum()
print(json.dumps({
    "capacity": {"channel": channel.ravel().tolist(), "inputs": 3, "outputs": 3, "capacity": c, "input": r},
    "rate_distortion": {"source": source.tolist(), "distortion": distortion.ravel().tolist(), "points": rd},
    "agglomerative": {"joint": joint.ravel().tolist(), "x": 6, "y": 3,
                      "mutual_information": mutual_information(joint), "merges": agglomerative(joint)},
}, indent=1))
