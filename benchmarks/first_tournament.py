"""Axelrod's first tournament in cooptourney and in axelrod, timed in one run.

    python benchmarks/first_tournament.py [--turns 200] [--repetitions 5] [--seed 1]

Prints, for 15 players x 200 turns x 5 repetitions (self-play included):

* compile time: the first tournament in a fresh process with an empty kernel cache,
  minus the warm run time (numba compiling the generated kernel);
* cold start: a fresh process with a warm cache, from interpreter start to results;
* warm run: the best of several runs in this process;
* axelrod: the same tournament with ``axelrod.Tournament.play(processes=1)``;
* the ratio axelrod / cooptourney (warm).

Needs ``axelrod`` installed (``pip install .[test]``). Target: ratio >= 1000.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time

import numba


def _subprocess_seconds(code: str, env: dict[str, str]) -> float:
    """Wall time of ``python -c code`` in a fresh interpreter."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--turns", type=int, default=200)
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-axelrod", action="store_true", help="only time cooptourney")
    args = ap.parse_args(argv)

    import axelrod as axl

    from cooptourney import Tournament

    names = [s.name for s in axl.axelrod_first_strategies]
    run_code = textwrap.dedent(
        f"""
        from cooptourney import Tournament
        Tournament({names!r}, turns={args.turns}, repetitions={args.repetitions}, seed={args.seed}).play()
        """
    )
    # 1. Fresh process, empty cache: import + codegen + compile + run.
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, COOPTOURNEY_CACHE_DIR=cache)
        first_process = _subprocess_seconds(run_code, env)
        # 2. Fresh process, warm cache: what a user waits for on every later run.
        cold_start = _subprocess_seconds(run_code, env)
    baseline = _subprocess_seconds("import numba, numpy", dict(os.environ))

    # 3. Warm runs in this process.
    t = Tournament(names, turns=args.turns, repetitions=args.repetitions, seed=args.seed)
    t.play()
    warm = min(_timed(t.play) for _ in range(20))
    n = len(names)
    turns_played = n * (n + 1) // 2 * args.repetitions * args.turns
    threads = numba.get_num_threads()

    print(
        f"Axelrod's first tournament: {n} players, {args.turns} turns, {args.repetitions} repetitions, "
        f"self-play included ({turns_played:,} turns); {os.cpu_count()} cores, {threads} numba threads"
    )
    print(f"  cooptourney compile time     {first_process - cold_start:8.2f} s  (fresh cache, one-off)")
    print(
        f"  cooptourney cold start       {cold_start:8.2f} s  (new process, warm cache; "
        f"importing numpy+numba alone takes {baseline:.2f} s)"
    )
    print(f"  cooptourney warm run         {warm * 1e3:8.2f} ms ({turns_played / warm / 1e6:.1f} M turns/s)")
    if args.skip_axelrod:
        return 0
    ax_players = [s() for s in axl.axelrod_first_strategies]
    started = time.perf_counter()
    axl.Tournament(ax_players, turns=args.turns, repetitions=args.repetitions, seed=args.seed).play(
        processes=1, progress_bar=False
    )
    ax = time.perf_counter() - started
    print(f"  axelrod {axl.__version__:<8} (1 process)  {ax:8.2f} s  ({turns_played / ax / 1e3:.1f} k turns/s)")
    print(f"  ratio axelrod / cooptourney  {ax / warm:8.0f} x  (warm run; {ax / cold_start:.0f} x from a cold start)")
    return 0


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
