"""Wall and CPU time of whole `shannon` runs (start-up included) from two or more publish folders, alternated.

    dotnet publish src/Shannon.Cli -c Release -r linux-x64 -p:PublishReadyToRun=false -o /tmp/shannon-jit
    dotnet publish src/Shannon.Cli -c Release -r linux-x64 -o /tmp/shannon-r2r     # ReadyToRun, as the tool package
    /usr/bin/python3 bench/startup/cli_startup.py /tmp/shannon-jit /tmp/shannon-r2r [--runs 9]

Run from the repository root (the commands read data/). Each command runs --runs times per folder, the folders
alternating so that a change in the machine's load reaches all of them; the medians are printed. CPU time is the
child's user + system time (getrusage), which a loaded machine disturbs less than wall time.
"""
import argparse
import os
import resource
import statistics
import subprocess
import time

COMMANDS = [
    ("--help", ["--help"]),
    ("entropy 0.5,0.5 --base 2", ["entropy", "0.5,0.5", "--base", "2"]),
    ("features data/iris.csv", ["features", "data/iris.csv", "--target", "target"]),
    ("mi data/wine.csv --estimator ksg1", ["mi", "data/wine.csv", "--x", "alcohol", "--y", "malic_acid", "--estimator", "ksg1"]),
]


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    for name, arguments in COMMANDS:
        times = {folder: [] for folder in options.folders}
        for _ in range(options.runs):
            for folder in options.folders:
                times[folder].append(timed([os.path.join(folder, "Shannon.Cli")] + arguments))
        for folder in options.folders:
            walls = [w for w, _ in times[folder]]
            cpus = [c for _, c in times[folder]]
            print(f"{name:36} {folder:20} wall {statistics.median(walls) * 1000:7.1f} ms"
                  f"  cpu {statistics.median(cpus) * 1000:7.1f} ms")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
