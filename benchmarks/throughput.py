"""Turns per second per core on a mixed suite of every native strategy.

    python benchmarks/throughput.py [--turns 200] [--seconds 2] [--noise 0.0]

Plays a round robin of every registered (non-hidden) strategy, self-play included,
with enough repetitions to run for about ``--seconds``, first on one numba thread
(the per-core figure) and then on all of them; then the same without the meta players,
whose every turn consults a team of 6 to 217 strategies (a meta player's turn is its
team's turns: the whole library counts each as one). Then plays the library,
restricted to the strategies ``axelrod`` also has, with one repetition in ``axelrod``
(one process) and in cooptourney (one thread), and prints the ratio.
Target: at least 50 million turns per second per core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numba

from cooptourney import REGISTRY, Tournament


def _rate(names: list[str], turns: int, repetitions: int, noise: float) -> tuple[float, int]:
    t = Tournament(names, turns=turns, repetitions=repetitions, seed=7, noise=noise)
    t.play()  # compile / load outside the timing
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        t.play()
        best = min(best, time.perf_counter() - started)
    n = len(names)
    played = n * (n + 1) // 2 * repetitions * turns
    return played / best, played


def _team_players() -> set[str]:
    """The meta players: each consults a team of registered strategies every turn."""
    from cooptourney.strategies import meta

    steps = (
        meta.meta_majority_memory_one,
        meta.meta_winner_memory_one,
        meta.nmwe_memory_one,
        meta.meta_hunter,
        meta.meta_hunter_aggressive,
        meta.meta_winner_deterministic,
        meta.nmwe_deterministic,
    )
    return {step.spec.name for step in steps} | set(meta.LARGE_METAS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--turns", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=2.0, help="approximate length of each timed run")
    ap.add_argument("--noise", type=float, default=0.0)
    ap.add_argument("--skip-axelrod", action="store_true")
    args = ap.parse_args(argv)

    names = [s.name for s in REGISTRY.all() if not s.group]  # group strategies need multilateral mode
    teams = _team_players()
    all_threads = numba.get_num_threads()
    for label, suite in (
        ("mixed native suite, the whole library", names),
        (f"the same without the {len(teams)} meta players", [x for x in names if x not in teams]),
    ):
        n = len(suite)
        probe, _ = _rate(suite, args.turns, 1, args.noise)
        reps = max(1, int(probe * args.seconds / (n * (n + 1) // 2 * args.turns) / all_threads))
        numba.set_num_threads(1)
        per_core, played = _rate(suite, args.turns, reps, args.noise)
        numba.set_num_threads(all_threads)
        total, _ = _rate(suite, args.turns, reps, args.noise)
        print(
            f"{label}: {n} strategies, {args.turns} turns, {reps} repetitions, noise {args.noise} "
            f"({played:,} turns per run); {os.cpu_count()} cores"
        )
        print(f"  1 thread : {per_core / 1e6:8.1f} M turns/s per core")
        print(f"  {all_threads} threads: {total / 1e6:8.1f} M turns/s ({total / all_threads / 1e6:.1f} M per core)")

    if args.skip_axelrod:
        return 0
    import axelrod as axl

    axl_names = {s.name: s for s in axl.all_strategies}
    pairs = []
    for spec in REGISTRY.all():
        if spec.group:
            continue
        twin = next((k for k in (spec.name, *spec.aliases) if k in axl_names), None)
        if twin:
            pairs.append((spec.name, twin))
    ours = [a for a, _ in pairs]
    m = len(ours)
    played = m * (m + 1) // 2 * args.turns
    started = time.perf_counter()
    axl.Tournament([axl_names[b]() for _, b in pairs], turns=args.turns, repetitions=1, seed=7).play(
        processes=1, progress_bar=False
    )
    ax_rate = played / (time.perf_counter() - started)
    numba.set_num_threads(1)
    our_rate, _ = _rate(ours, args.turns, 1, args.noise)
    numba.set_num_threads(all_threads)
    print(f"same suite restricted to the {m} strategies axelrod has:")
    print(f"  axelrod {axl.__version__} (1 process): {ax_rate / 1e3:8.1f} k turns/s")
    print(f"  cooptourney (1 thread)   : {our_rate / 1e6:8.1f} M turns/s")
    print(f"  ratio per core           : {our_rate / ax_rate:8.0f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
