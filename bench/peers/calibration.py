"""Peer timings for the Calibration section of BENCHMARKS.md: the same report and temperature fit as
bench/Shannon.Benchmarks/CalibrationBenchmarks.cs, in PyTorch (CPU) and in torchmetrics-style numpy.

    /usr/bin/python3 bench/peers/calibration.py [ROWS CLASSES] [REPEATS]

Writes the shared inputs once: bench/data/calibration_<N>x<C>_logits.npy (float32, seeded) and
bench/data/calibration_<N>x<C>_labels.npy (int64). The C# benchmark memory-maps the same files. Default shape 10⁶ × 10.

The computation, on both sides: softmax with the max shift; accuracy (first arg-max), NLL, Brier's multiclass score,
top-label ECE and MCE over 15 equal-width right-closed bins, classwise ECE (15 bins per class); then the temperature
T* minimising the NLL by Shannon's iteration on β = 1/T (a warm start solved on every s-th row; a first full pass at
that root that also yields L(1) and the confidences at β = 1 from the same block; safeguarded Halley steps, each one
pass yielding L, L′, L″, L‴ in float64, until the step is below 1e-12 β; the last step, when provably the last, takes
no pass: its values follow by Taylor expansion from the pass before and each row's E d and E d²; on rows of at least
32 classes every pass instead records each row's raw moments E d^j, j ≤ 12, and every later β within the series'
proved reach is evaluated from them without a pass, so one full pass is typical), and the ECE after it. Both sides
run the same algorithm, so the ratio measures the implementations. (Measured for PyTorch on 4096 × 1000 rows: the nine
extra moments cost about 80 % of a pass, so the expansion also saves the peer time; it is not a handicap.)

- torch: float32 metrics as torch code would write them (F.cross_entropy, softmax, bucketize + scatter_add), the
  fit's passes in float64 (as Shannon's), both in blocks of rows so that no N×C float64 copy is ever held.
- numpy ('torchmetrics-style'): confidences and accuracies, np.searchsorted bins and np.bincount, the classwise ECE
  class by class, and the same Newton iteration on float64 blocks.
"""
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
BINS = 15
BLOCK = 1 << 22  # values per block of rows
ORDER = 12  # raw moments per row that a pass records for the expansion (rows of at least EXPAND classes)
EXPAND = 32


def inputs(n, c):
    """Logits z = 3·N(0, 1) with the label's logit raised by 6: an over-confident model (T* > 1)."""
    stem = os.path.join(DATA, f"calibration_{n}x{c}")
    if not os.path.exists(stem + "_logits.npy"):
        os.makedirs(DATA, exist_ok=True)
        rng = np.random.default_rng(2026)
        y = rng.integers(0, c, size=n).astype(np.int64)
        z = np.lib.format.open_memmap(stem + "_logits.npy", mode="w+", dtype=np.float32, shape=(n, c))
        rows = max(1, BLOCK // c)
        for start in range(0, n, rows):
            stop = min(n, start + rows)
            block = rng.standard_normal((stop - start, c), dtype=np.float32) * 3
            block[np.arange(stop - start), y[start:stop]] += 6
            z[start:stop] = block
        z.flush()
        del z
        np.save(stem + "_labels.npy", y)
    return np.load(stem + "_logits.npy", mmap_mode="r"), np.load(stem + "_labels.npy")


def blocks(n, c):
    rows = max(1, BLOCK // c)
    return [(s, min(n, s + rows)) for s in range(0, n, rows)]


def torch_report(z, y):
    n, c = z.shape
    edges = torch.from_numpy(np.linspace(0, 1, BINS + 1)[1:-1].astype(np.float32))
    nll = brier = correct = 0.0
    count = torch.zeros(BINS, dtype=torch.float64)
    conf_sum = torch.zeros(BINS, dtype=torch.float64)
    acc_sum = torch.zeros(BINS, dtype=torch.float64)
    cw_p = torch.zeros(c * BINS, dtype=torch.float64)
    cw_y = torch.zeros(c * BINS, dtype=torch.float64)
    offsets = (torch.arange(c) * BINS).unsqueeze(0)
    for s, e in blocks(n, c):
        zt = torch.from_numpy(np.asarray(z[s:e]))
        yt = torch.from_numpy(y[s:e])
        p = torch.softmax(zt, dim=1)
        nll += float(F.cross_entropy(zt, yt, reduction="sum"))
        onehot = F.one_hot(yt, c).to(p.dtype)
        brier += float(((p - onehot) ** 2).sum(dtype=torch.float64))
        conf, pred = p.max(dim=1)
        hit = (pred == yt).to(torch.float64)
        correct += float(hit.sum())
        ids = torch.bucketize(conf, edges, right=False)
        count.scatter_add_(0, ids, torch.ones_like(hit))
        conf_sum.scatter_add_(0, ids, conf.to(torch.float64))
        acc_sum.scatter_add_(0, ids, hit)
        cells = (torch.bucketize(p, edges, right=False) + offsets).reshape(-1)
        cw_p.scatter_add_(0, cells, p.reshape(-1).to(torch.float64))
        cw_y.scatter_add_(0, cells, onehot.reshape(-1).to(torch.float64))
    filled = count > 0
    gaps = (acc_sum - conf_sum).abs()
    ece = float(gaps.sum() / n)
    mce = float((gaps[filled] / count[filled]).max())
    classwise = float((cw_y - cw_p).abs().sum() / n / c)
    return {"accuracy": correct / n, "nll": nll / n, "brier": brier / n, "ece": ece, "mce": mce, "classwise": classwise}


def torch_pass(z, y, beta, record, stride=1, also_one=False, moments=None, raw=None):
    """L, L', L'' and L''' of the mean NLL of softmax(beta z) (float64) over every stride-th row, and the confidences;
    with also_one also L(1), the confidences at beta = 1 and the largest spread max z - min z of a row; with moments
    (two arrays) each row's E d and E d^2 under softmax(beta z); with raw (ORDER x N) each row's E d^j, j = 1 ... ORDER."""
    n, c = z.shape
    sums = np.zeros(4)
    spread = 0.0
    conf = torch.empty(n, dtype=torch.float64) if record else None
    value_one = 0.0
    conf_one = torch.empty(n, dtype=torch.float64) if also_one else None
    rows = z if stride == 1 else z[::stride]
    labels = y if stride == 1 else y[::stride]
    for s, e in blocks(rows.shape[0], c):
        zt = torch.from_numpy(np.ascontiguousarray(rows[s:e])).to(torch.float64)
        yt = torch.from_numpy(np.ascontiguousarray(labels[s:e]))
        d = zt - zt.max(dim=1, keepdim=True).values
        w = torch.exp(beta * d)
        total = w.sum(dim=1)
        mean = (w * d).sum(dim=1) / total
        second = (w * d * d).sum(dim=1) / total
        third = (w * d * d * d).sum(dim=1) / total
        gap = d.gather(1, yt.unsqueeze(1)).squeeze(1)
        sums += [float((torch.log(total) - beta * gap).sum()), float((mean - gap).sum()),
                 float((second - mean * mean).sum()), float((third - 3 * mean * second + 2 * mean ** 3).sum())]
        if record:
            conf[s:e] = 1 / total
        if moments is not None:
            moments[0][s:e] = mean.numpy()
            moments[1][s:e] = second.numpy()
        if raw is not None:
            raw[0, s:e], raw[1, s:e], raw[2, s:e] = mean.numpy(), second.numpy(), third.numpy()
            power = w * d * d * d
            for j in range(3, ORDER):
                power = power * d
                raw[j, s:e] = (power.sum(dim=1) / total).numpy()
        if also_one:
            total_one = total if beta == 1.0 else torch.exp(d).sum(dim=1)
            value_one += float((torch.log(total_one) - gap).sum())
            conf_one[s:e] = 1 / total_one
            spread = max(spread, float(-d.min()))
    if also_one:
        return sums / rows.shape[0], conf, value_one / rows.shape[0], conf_one, spread
    return sums / rows.shape[0], conf


def numpy_pass(z, y, beta, record, stride=1, also_one=False, moments=None, raw=None):
    """As torch_pass, in numpy."""
    n, c = z.shape
    sums = np.zeros(4)
    spread = 0.0
    conf = np.empty(n) if record else None
    value_one = 0.0
    conf_one = np.empty(n) if also_one else None
    rows = z if stride == 1 else z[::stride]
    labels = y if stride == 1 else y[::stride]
    for s, e in blocks(rows.shape[0], c):
        zz = np.asarray(rows[s:e], dtype=np.float64)
        d = zz - zz.max(axis=1, keepdims=True)
        w = np.exp(beta * d)
        total = w.sum(axis=1)
        mean = (w * d).sum(axis=1) / total
        second = (w * d * d).sum(axis=1) / total
        third = (w * d * d * d).sum(axis=1) / total
        gap = d[np.arange(e - s), labels[s:e]]
        sums += [float((np.log(total) - beta * gap).sum()), float((mean - gap).sum()),
                 float((second - mean * mean).sum()), float((third - 3 * mean * second + 2 * mean ** 3).sum())]
        if record:
            conf[s:e] = 1 / total
        if moments is not None:
            moments[0][s:e] = mean
            moments[1][s:e] = second
        if raw is not None:
            raw[0, s:e], raw[1, s:e], raw[2, s:e] = mean, second, third
            power = w * d * d * d
            for j in range(3, ORDER):
                power = power * d
                raw[j, s:e] = power.sum(axis=1) / total
        if also_one:
            total_one = total if beta == 1.0 else np.exp(d).sum(axis=1)
            value_one += float((np.log(total_one) - gap).sum())
            conf_one[s:e] = 1 / total_one
            spread = max(spread, float(-d.min()))
    if also_one:
        return sums / rows.shape[0], conf, value_one / rows.shape[0], conf_one, spread
    return sums / rows.shape[0], conf


def solve(beta, at, evaluate, tolerance, evaluations=200, finish=None):
    """Shannon's iteration: Halley's step on L'(beta) = 0 (Newton's when Halley's leaves the bracket), inside a bracket
    [lo, hi] of the root; a step that still leaves it becomes a bisection (or a doubling while no upper end is known).
    Stops when the step is below tolerance * beta and returns the beta of the last evaluation with its values, or,
    when finish(beta, step, at) accepts a Halley step as the last one, beta + step with the values finish returns."""
    lo, hi = 0.0, float("inf")
    for _ in range(evaluations):
        value, slope, curvature, third = at[0]
        if slope < 0:
            lo = beta
        elif slope > 0:
            hi = beta
        else:
            break
        newton = -slope / curvature
        denominator = 2 * curvature * curvature - slope * third
        halley = -2 * slope * curvature / denominator if denominator > 0 else float("nan")
        step = halley if np.isfinite(halley) and np.sign(halley) == np.sign(newton) else newton
        if abs(step) <= tolerance * beta:
            break
        nxt = beta + step
        if lo < nxt < hi and step == halley and finish is not None:
            finished = finish(beta, step, at)
            if finished is not None:
                return nxt, finished
        if not lo < nxt < hi:
            nxt = beta + newton
        if not (np.isfinite(nxt) and lo < nxt < hi):
            if hi - lo <= tolerance * beta:
                break
            nxt = 2 * beta if hi == float("inf") else 0.5 * (lo + hi)
        beta = nxt
        at = evaluate(beta)
    return beta, at


def taylor_finish(beta, step, at, spread, moments):
    """Shannon's TaylorFinish: when Halley's step is the last one (the next step, bounded by |step|^3 (w^4/6 +
    L'''^2/(4L''))/L'' with w the largest row spread, is below 1e-12 beta, and |step| w <= 4e-6), the values at
    beta + step follow from the pass at beta: L by its cubic Taylor polynomial, each confidence 1/s by
    (1/s) / (1 + step E d + step^2 E d^2 / 2). Returns them as a pass would, or None when the step is too long."""
    (value, slope, curvature, third), conf = at
    width = min(spread, 708.0 / min(beta, beta + step))
    bound = abs(step) ** 3 * (width ** 4 / 6 + third * third / (4 * curvature)) / curvature
    if not (abs(step) * width <= 4e-6 and curvature > 0 and bound <= 1e-12 * (beta + step)):
        return None
    growth = 1 + step * (moments[0] + 0.5 * step * moments[1])
    conf = conf / (torch.from_numpy(growth) if isinstance(conf, torch.Tensor) else growth)
    value = value + step * (slope + 0.5 * step * (curvature + step / 3 * third))
    return np.array([value, slope, curvature, third]), conf


def within_reach(center, beta, spread):
    """Shannon's WithinReach: the series of E_beta d in t = beta - center, truncated at ORDER raw moments, is off by at
    most w r^ORDER/ORDER! e^(2r) (1 + r) with r = |t| w (w the largest row spread, at most 707/center); below 1e-17 w."""
    r = abs(beta - center) * min(spread, 707.0 / center)
    if not r <= 0.5:
        return False
    bound = np.exp(2 * r) * (1 + r)
    for j in range(1, ORDER + 1):
        bound *= r / j
    return bound <= 1e-17


def expanded(center, value_center, raw, gaps, beta, inverse_center=None):
    """Shannon's EvaluateExpanded: L, L', L'', L''' (and the confidences) at beta from each row's raw moments M_j at
    the center: A_m = sum_j t^j M_(j+m) / j! (M_0 = 1), E_beta d^m = A_m / A_0, L = L(center) + mean(log A_0 - t d_y)."""
    t = beta - center
    coefficients = [1.0]
    for j in range(1, ORDER + 1):
        coefficients.append(coefficients[-1] * t / j)
    a = [np.zeros(raw.shape[1]) for _ in range(4)]
    for j in range(ORDER, 0, -1):
        for m in range(4):
            if j >= m:
                a[m] += coefficients[j - m] * raw[j - 1]
    a0 = a[0] + 1.0
    mean, second = a[1] / a0, a[2] / a0
    n = raw.shape[1]
    sums = [float((np.log(a0) - t * gaps).sum()), float((mean - gaps).sum()), float((second - mean * mean).sum()),
            float((a[3] / a0 - 3 * mean * second + 2 * mean ** 3).sum())]
    at = np.array([value_center + sums[0] / n, sums[1] / n, max(0.0, sums[2] / n), sums[3] / n])
    return at, (None if inverse_center is None else inverse_center / a0)


def label_gaps(z, y):
    """d_y = z_y - max z of every row, in float64."""
    n, c = z.shape
    gaps = np.empty(n)
    for s, e in blocks(n, c):
        zz = np.asarray(z[s:e])
        gaps[s:e] = zz[np.arange(e - s), y[s:e]].astype(np.float64) - zz.max(axis=1).astype(np.float64)
    return gaps


def fit_expanded(evaluate, z, y, start):
    """Shannon's fit on rows of at least EXPAND classes: every pass records each row's raw moments (ORDER of them), and
    every later beta within their reach is evaluated from them without a pass; only a step beyond it takes one."""
    n = len(y)
    raw = np.empty((ORDER, n))
    sums, conf, nll_before, _, spread = evaluate(z, y, start, True, 1, True, raw=raw)
    gaps = label_gaps(z, y)
    state = {"center": start, "value": sums[0], "conf": conf, "expanded": False}

    def step(beta):
        if within_reach(state["center"], beta, spread):
            state["expanded"] = True
            return expanded(state["center"], state["value"], raw, gaps, beta)
        sums_at, confidence = evaluate(z, y, beta, True, raw=raw)
        state.update(center=beta, value=sums_at[0], conf=confidence, expanded=False)
        return sums_at, confidence

    beta, at = solve(start, (sums, conf), step, 1e-12)
    confidence = state["conf"]
    if state["expanded"]:
        inverse = confidence.numpy() if isinstance(confidence, torch.Tensor) else confidence
        _, confidence = expanded(state["center"], state["value"], raw, gaps, beta, inverse)
    return 1 / beta, confidence, nll_before, at[0][0]


def fit(evaluate, z, y):
    """The same fit as Shannon's: on large inputs a warm start solved on every s-th row (about 2^16 rows) to 1e-9 and a
    first full pass there that also gives L(1); else a pass at beta = 1; then the iteration on every row to 1e-12, whose
    passes keep each row's E d and E d^2 so that the last step needs no pass (taylor_finish; the first full pass keeps
    none, as its step is rarely the last). Returns T*, the confidences at T*, and the NLL before and after."""
    n = len(y)
    moments = (np.empty(n), np.empty(n))
    kept = [False]

    def step_pass(beta):
        kept[0] = True
        return evaluate(z, y, beta, True, moments=moments)

    def finish(beta, step, at):
        return taylor_finish(beta, step, at, spread, moments) if kept[0] else None

    start = 1.0
    if n >= 4 * 65536:
        stride = n // 65536
        warm, _ = solve(1.0, evaluate(z, y, 1.0, False, stride), lambda b: evaluate(z, y, b, False, stride), 1e-9)
        if 1e-6 < warm < 1e6 and warm != 1.0:
            start = warm
    if z.shape[1] >= EXPAND:
        return fit_expanded(evaluate, z, y, start)
    sums, conf, nll_before, _, spread = evaluate(z, y, start, True, 1, True)
    beta, at = solve(start, (sums, conf), step_pass, 1e-12, finish=finish)
    return 1 / beta, at[1], nll_before, at[0][0]


def ece_of(conf, correct):
    ids = np.searchsorted(np.linspace(0, 1, BINS + 1)[1:-1], conf)
    return float(np.abs(np.bincount(ids, weights=correct, minlength=BINS) - np.bincount(ids, weights=conf, minlength=BINS)).sum() / len(conf))


def numpy_report(z, y):
    n, c = z.shape
    edges = np.linspace(0, 1, BINS + 1)[1:-1]
    conf = np.empty(n)
    correct = np.empty(n)
    nll = brier = 0.0
    cw_p = np.zeros((c, BINS))
    cw_y = np.zeros((c, BINS))
    for s, e in blocks(n, c):
        zz = np.asarray(z[s:e], dtype=np.float32)
        m = zz.max(axis=1, keepdims=True)
        ex = np.exp(zz - m)
        total = ex.sum(axis=1, keepdims=True)
        p = ex / total
        rows = np.arange(e - s)
        nll += float((np.log(total[:, 0]) - (zz[rows, y[s:e]] - m[:, 0])).sum(dtype=np.float64))
        onehot = np.zeros_like(p)
        onehot[rows, y[s:e]] = 1
        brier += float(((p - onehot) ** 2).sum(dtype=np.float64))
        conf[s:e] = p.max(axis=1)
        correct[s:e] = p.argmax(axis=1) == y[s:e]
        for k in range(c):  # torchmetrics-style: one class at a time
            ids = np.searchsorted(edges, p[:, k])
            cw_p[k] += np.bincount(ids, weights=p[:, k], minlength=BINS)
            cw_y[k] += np.bincount(ids, weights=onehot[:, k], minlength=BINS)
    ids = np.searchsorted(edges, conf)
    count = np.bincount(ids, minlength=BINS)
    gaps = np.abs(np.bincount(ids, weights=correct, minlength=BINS) - np.bincount(ids, weights=conf, minlength=BINS))
    return {"accuracy": float(correct.mean()), "nll": nll / n, "brier": brier / n, "ece": float(gaps.sum() / n),
            "mce": float((gaps[count > 0] / count[count > 0]).max()), "classwise": float(np.abs(cw_y - cw_p).sum() / n / c)}, correct


def timed(fn, repeats):
    """Best and median wall time, the CPU time (all threads) of the best run, and the value."""
    times, value = [], None
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        value = fn()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    times.sort()
    return times[0][0], times[len(times) // 2][0], times[0][1], value


def main():
    n, c = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (1_000_000, 10)
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    torch.set_num_threads(2)
    z, y = inputs(n, c)
    print(f"{n} x {c} float32 logits; torch {torch.__version__} ({torch.get_num_threads()} threads), numpy {np.__version__}; best and median of {repeats}")

    def torch_all():
        report = torch_report(z, y)
        t, conf, nll_before, nll_after = fit(torch_pass, z, y)
        return report, t, nll_after

    def numpy_all():
        report, correct = numpy_report(z, y)
        t, conf, nll_before, nll_after = fit(numpy_pass, z, y)
        report["ece_after"] = ece_of(conf, correct)
        return report, t, nll_after

    for name, fn in [("Report", lambda: torch_report(z, y)), ("ReportAndTemperature", torch_all)]:
        best, median, cpu, value = timed(fn, repeats)
        print(f"torch {name:22s} best {best * 1e3:10.1f} ms  median {median * 1e3:10.1f} ms  cpu {cpu * 1e3:10.1f} ms  {value}")
    if c <= 100:
        for name, fn in [("Report", lambda: numpy_report(z, y)[0]), ("ReportAndTemperature", numpy_all)]:
            best, median, cpu, value = timed(fn, repeats)
            print(f"numpy {name:22s} best {best * 1e3:10.1f} ms  median {median * 1e3:10.1f} ms  cpu {cpu * 1e3:10.1f} ms  {value}")


if __name__ == "__main__":
    main()
