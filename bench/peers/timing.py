"""Shared timer for the peer scripts: run a call several times, report best and median wall time and its value."""
import time


def best_of(repeats, fn):
    """Calls fn() `repeats` times; returns (best seconds, median seconds, the last value)."""
    times = []
    value = None
    for _ in range(repeats):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), sorted(times)[len(times) // 2], value
