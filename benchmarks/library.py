"""The whole native library in one round robin, against axelrod on the same set.

    python benchmarks/library.py [--turns 200] [--repetitions 10] [--sample 150]

Plays every registered native strategy (group strategies excepted: they need
multilateral mode) in one round robin, self-play included, ``--turns`` turns and
``--repetitions`` repetitions, on all numba threads: first run (compiling or loading
every strategy), then a warm run. For ``axelrod`` the same tournament restricted to
the strategies it has would take hours, so it is extrapolated: ``--sample`` random
pairs of twins are played once each with ``axelrod.Match`` in this process, and the
mean time per match is multiplied by the number of matches. Both figures come from the
same run of this script. Target: the cooptourney tournament in under one minute on 2
cores. The script also lists axelrod's ``long_run_time`` strategies and whether each
is native.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

import numba

from cooptourney import REGISTRY, Tournament, coverage


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--turns", type=int, default=200)
    ap.add_argument("--repetitions", type=int, default=10)
    ap.add_argument("--sample", type=int, default=150, help="axelrod matches timed for the extrapolation")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    REGISTRY.ensure_loaded()
    specs = [s for s in REGISTRY.all() if not s.group]
    names = [s.name for s in specs]
    n = len(names)
    matches = n * (n + 1) // 2 * args.repetitions
    t = Tournament(names, turns=args.turns, repetitions=args.repetitions, seed=args.seed)
    started = time.perf_counter()
    t.play()
    first = time.perf_counter() - started
    started = time.perf_counter()
    t.play()
    warm = time.perf_counter() - started
    turns = matches * args.turns
    print(
        f"native library: {n} strategies, {args.turns} turns, {args.repetitions} repetitions, self-play: "
        f"{matches:,} matches, {turns:,} turns; {os.cpu_count()} cores, {numba.get_num_threads()} numba threads"
    )
    print(f"  cooptourney first run (compile or load every strategy): {first:8.2f} s")
    print(
        f"  cooptourney warm run                                  : {warm:8.2f} s "
        f"({turns / warm / 1e6:.1f} M turns/s)  target < 60 s: {'met' if warm < 60 else 'NOT met'}"
    )

    import axelrod as axl

    classes = {}
    for cls in axl.all_strategies:
        classes[cls.name] = cls
        classes[cls().name] = cls
    axl_names = [r for r, _ in coverage.axelrod_strategies()]
    twins = [(s.name, coverage.twins(s, axl_names)[0]) for s in specs if coverage.twins(s, axl_names)]
    m = len(twins)
    rng = random.Random(args.seed)
    pairs = [(rng.randrange(m), rng.randrange(m)) for _ in range(args.sample)]
    started = time.perf_counter()
    for a, b in pairs:
        pa, pb = classes[twins[a][1]](), classes[twins[b][1]]()
        axl.Match((pa, pb), turns=args.turns, seed=rng.randrange(2**31)).play()
    per_match = (time.perf_counter() - started) / len(pairs)
    axl_matches = m * (m + 1) // 2 * args.repetitions
    estimate = per_match * axl_matches
    ours_same = warm * axl_matches / matches
    print(f"axelrod {axl.__version__} on the {m} strategies it shares, same settings: {axl_matches:,} matches")
    print(
        f"  axelrod, extrapolated from {len(pairs)} timed matches ({per_match * 1e3:.1f} ms each, 1 process): "
        f"{estimate:10.0f} s ({estimate / 3600:.1f} h)"
    )
    print(f"  ratio to cooptourney's warm run (scaled to the shared set): {estimate / ours_same:8.0f} x")

    long_run = [cls().name for cls in axl.all_strategies if axl.Classifiers["long_run_time"](cls())]
    native = {r.axelrod_name: r for r in coverage.coverage()}
    print(f"axelrod's long_run_time strategies ({len(long_run)}):")
    for name in sorted(set(long_run)):
        r = native[name]
        print(f"  {name:32s} {'native (' + r.native_name + ')' if r.native_name else 'Python path only'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
