"""The reciprocity battery over the whole library: the time to measure every listed strategy.

Plays every strategy against the scripted partners (one spatial tournament), against
its own copy with one flipped move, and the group strategies in multilateral mode
(docs/reference/reciprocity.md). Prints the first (compile or cache-load) time and the
warm time of later runs in the same process; the target is seconds, not minutes, once
compiled. axelrod has no such battery, so there is no ratio to it.

    python benchmarks/reciprocity.py [--repetitions 20] [--runs 3]
"""

import argparse
import os
import time

import numba
import numpy as np

from cooptourney.reciprocity import BatterySettings, run_battery
from cooptourney.registry import REGISTRY


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repetitions", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    names = [s.name for s in REGISTRY.all()]
    t0 = time.perf_counter()
    run_battery(names, BatterySettings(repetitions=args.repetitions, seed=0))
    first = time.perf_counter() - t0
    times = []
    for r in range(args.runs):
        t0 = time.perf_counter()
        run_battery(names, BatterySettings(repetitions=args.repetitions, seed=r + 1))
        times.append(time.perf_counter() - t0)
    print(f"machine: {os.cpu_count()} cores, numba threads {numba.get_num_threads()}")
    print(f"strategies: {len(names)}, repetitions {args.repetitions}")
    print(f"first run (compile or load from cache): {first:.2f} s")
    print(f"warm: best {min(times):.2f} s, median {float(np.median(times)):.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
