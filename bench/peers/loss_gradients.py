#!/usr/bin/env python3
"""Times PyTorch's NT-Xent and binary_cross_entropy_with_logits with their gradients on the inputs LossGradientBenchmarks uses.

Run: /usr/bin/python3 bench/peers/loss_gradients.py [repeats]   (Debian's python3-torch; two threads, as the machine has two cores)
"""
import sys

import numpy as np
import torch
import torch.nn.functional as F

from timing import best_of

ANCHORS, DIMENSION, ELEMENTS = 4096, 128, 10_000_000


def hashed(length, salt, low, high):
    """Value k = ((k * 2654435761 + salt) mod 2**32) / 2**32 * (high - low) + low, as float32."""
    k = np.arange(length, dtype=np.uint64)
    h = (k * np.uint64(2654435761) + np.uint64(salt)) % np.uint64(2**32)
    return torch.from_numpy((h.astype(np.float64) / 4294967296.0 * (high - low) + low).astype(np.float32))


def nt_xent(z, temperature=0.5):
    """SimCLR: rows i and i + N are positives, cosine similarity, diagonal masked, mean over the 2N anchors."""
    n = z.shape[0] // 2
    h = F.normalize(z, dim=1)
    s = (h @ h.T / temperature).masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    partners = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(s, partners)


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    torch.set_num_threads(2)
    z = hashed(ANCHORS * DIMENSION, 12345, -1.0, 1.0).reshape(ANCHORS, DIMENSION)
    x = hashed(ELEMENTS, 777, -8.0, 8.0)
    y = (hashed(ELEMENTS, 99, 0.0, 1.0) >= 0.5).float()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, best and median of {repeats}")

    def nt_xent_with_gradient():
        zz = z.clone().requires_grad_(True)
        loss = nt_xent(zz)
        loss.backward()
        return loss

    def bce_with_gradient():
        xx = x.clone().requires_grad_(True)
        loss = F.binary_cross_entropy_with_logits(xx, y)
        loss.backward()
        return loss

    rows = [
        ("NtXent_WithGradient", nt_xent_with_gradient),
        ("NtXent", lambda: nt_xent(z)),
        ("BceWithLogits_WithGradient", bce_with_gradient),
        ("BceWithLogits", lambda: F.binary_cross_entropy_with_logits(x, y)),
    ]
    for name, fn in rows:
        fn()
        best, median, value = best_of(repeats, fn)
        print(f"{name:30s} best {best * 1e3:9.1f} ms  median {median * 1e3:9.1f} ms  value {float(value):.10f}")


if __name__ == "__main__":
    main()
