"""Lossless compression on one file: shannon compress/decompress beside xz, bzip2, gzip and zstd, in the same run.

Usage: /usr/bin/python3 bench/peers/compression.py FILE [SHANNON_EXECUTABLE] [--repeats N]

Every tool runs as a command-line program on files in a temporary directory (so process start-up counts the same
for all), each compress/decompress pair `--repeats` times (default 3); the table gives the size, bits per byte,
and the best wall time and its CPU time (user + system of the child) per direction as MB/s (10^6 bytes of the
original per second). Every restored file is compared byte for byte with the original. The peers are the
system's xz, bzip2, gzip and zstd at their strongest settings.
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def run(command):
    """Runs a command; returns (wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    repeats = 3
    if "--repeats" in sys.argv:
        repeats = int(sys.argv[sys.argv.index("--repeats") + 1])
        args = [a for a in args if a != str(repeats)]
    source = os.path.abspath(args[0])
    shannon = os.path.abspath(args[1]) if len(args) > 1 else None
    size = os.path.getsize(source)
    with open(source, "rb") as f:
        original = f.read()

    with tempfile.TemporaryDirectory() as work:
        plain = os.path.join(work, "input")
        shutil.copyfile(source, plain)
        tools = []
        if shannon:
            tools.append(("shannon compress (order 4)",
                          lambda p, c: [shannon, "compress", p, "-o", c],
                          lambda c, o: [shannon, "decompress", c, "-o", o], ".shn"))
        for name, level, suffix in (("xz", "-9e", ".xz"), ("bzip2", "-9", ".bz2"), ("gzip", "-9", ".gz"), ("zstd", "-19", ".zst")):
            if shutil.which(name) is None:
                continue
            tools.append((f"{name} {level}",
                          lambda p, c, name=name, level=level: ["sh", "-c", f'{name} {level} -c "$1" > "$2"', "sh", p, c],
                          lambda c, o, name=name: ["sh", "-c", f'{name} -d -c "$1" > "$2"', "sh", c, o], suffix))

        print(f"{os.path.basename(source)}: {size} bytes")
        print(f"{'tool':<28} {'bytes':>9} {'bits/byte':>9} {'compress MB/s wall (cpu)':>26} {'decompress MB/s wall (cpu)':>28}")
        for name, compress, decompress, suffix in tools:
            packed = plain + suffix
            restored = plain + ".out"
            best_c = best_d = None
            for _ in range(repeats):
                for path in (packed, restored):
                    if os.path.exists(path):
                        os.remove(path)
                c = run(compress(plain, packed))
                d = run(decompress(packed, restored))
                with open(restored, "rb") as f:
                    if f.read() != original:
                        raise SystemExit(f"{name}: the restored file differs")
                best_c = c if best_c is None or c[0] < best_c[0] else best_c
                best_d = d if best_d is None or d[0] < best_d[0] else best_d
            out = os.path.getsize(packed)
            mb = size / 1e6
            print(f"{name:<28} {out:>9} {8 * out / size:>9.4f} "
                  f"{mb / best_c[0]:>12.2f} ({mb / best_c[1]:5.2f}, {best_c[0]:5.2f} s)"
                  f"{mb / best_d[0]:>12.2f} ({mb / best_d[1]:5.2f}, {best_d[0]:5.2f} s)")


if __name__ == "__main__":
    main()
