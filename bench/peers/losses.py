#!/usr/bin/env python3
"""Times PyTorch's F.cross_entropy on the logits LossBenchmarks uses (same hashed values, same loss).

Run: /usr/bin/python3 bench/peers/losses.py   (Debian's python3-torch; two threads, as the benchmark machine has two cores)
"""
import sys

import numpy as np
import torch
import torch.nn.functional as F

from timing import best_of

ROWS, CLASSES = 1024, 50_257


def hashed_logits(rows, classes):
    """Logit k = ((k * 2654435761) mod 2**32) / 2**32 * 8 - 4 as float32; target i = (i * 7919) mod classes."""
    k = np.arange(rows * classes, dtype=np.uint64)
    h = (k * np.uint64(2654435761)) % np.uint64(2**32)
    logits = (h.astype(np.float64) / 4294967296.0 * 8.0 - 4.0).astype(np.float32).reshape(rows, classes)
    targets = (np.arange(rows, dtype=np.int64) * 7919) % classes
    return torch.from_numpy(logits), torch.from_numpy(targets)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    torch.set_num_threads(2)
    z, y = hashed_logits(ROWS, CLASSES)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, best and median of {repeats}")

    def with_gradient():
        zz = z.clone().requires_grad_(True)
        loss = F.cross_entropy(zz, y)
        loss.backward()
        return loss

    rows = [
        ("CrossEntropy", lambda: F.cross_entropy(z, y)),
        ("CrossEntropy_LabelSmoothing", lambda: F.cross_entropy(z, y, label_smoothing=0.1)),
        ("CrossEntropy_WithGradient", with_gradient),
    ]
    for name, fn in rows:
        fn()
        best, median, value = best_of(repeats, fn)
        print(f"{name:30s} best {best * 1e3:9.1f} ms  median {median * 1e3:9.1f} ms  value {float(value):.10f}")


if __name__ == "__main__":
    main()
