"""Generations per second of adaptive actors: 100 actors, 10 strategies.

    python benchmarks/adaptive.py [--generations 20000] [--runs 64] [--axelrod-generations 3]

Times :class:`cooptourney.evolution.AdaptivePopulation` with both rules on 100 actors (10
of each of 10 deterministic strategies, 200-turn matches), the payoff matrix played
beforehand and the kernels compiled (neither is in the timing):

* one run of ``--generations`` generations (the single-run speed: one thread does it);
* ``--runs`` independent runs in parallel on all numba threads.

A generation gives each of the 100 actors one chance to change: 100 pairwise comparisons
(Fermi rule) or one synchronous round of 100 reinforcements and choices (learning).

``axelrod`` has neither rule. The nearest work it does is ``axelrod.MoranProcess`` on the
same 100 individuals: one of its generations is one birth-death step, which replaces one
individual after computing every individual's fitness from its 99 interactions (the
deterministic matches come from its cache after the first generation, which is excluded).
What is compared is therefore **one strategy update of one actor**, with fitness from the
same 200-turn matches: axelrod's birth-death steps per second against cooptourney's
pairwise comparisons (100 per Fermi generation) per second, on one run.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numba

from cooptourney.evolution import AdaptivePopulation

STRATEGIES = [
    ("Cooperator", "Cooperator"),
    ("Defector", "Defector"),
    ("Tit For Tat", "TitForTat"),
    ("Grudger", "Grudger"),
    ("Win-Stay Lose-Shift", "WinStayLoseShift"),
    ("Tit For 2 Tats", "TitFor2Tats"),
    ("Suspicious Tit For Tat", "SuspiciousTitForTat"),
    ("Alternator", "Alternator"),
    ("Bully", "Bully"),
    ("Hard Tit For Tat", "HardTitForTat"),
]
ACTORS_PER_STRATEGY = 10


def _ours(rule: str, generations: int, runs: int) -> tuple[float, float]:
    """(generations per second in one run, generations per second summed over parallel runs)."""
    pop = AdaptivePopulation(
        {name: ACTORS_PER_STRATEGY for name, _ in STRATEGIES},
        rule=rule,
        exploration=0.01,
        turns=200,
        repetitions=1,
        seed=1,
        **({"intensity": 1.0} if rule == "fermi" else {}),
    )
    pop.run(10, runs=2)  # play the payoff matrix, compile or load the kernels
    best_one = best_many = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        pop.run(generations, runs=1)
        best_one = min(best_one, time.perf_counter() - started)
        started = time.perf_counter()
        pop.run(generations // 10, runs=runs)
        best_many = min(best_many, time.perf_counter() - started)
    return generations / best_one, (generations // 10) * runs / best_many


def _axelrod(generations: int) -> float:
    """axelrod.MoranProcess birth-death steps per second, after the first (cache-filling) one."""
    import axelrod as axl

    players = [getattr(axl, cls)() for _, cls in STRATEGIES for _ in range(ACTORS_PER_STRATEGY)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mp = axl.MoranProcess(players, turns=200, seed=1, mutation_rate=0.01)
        next(mp)
        started = time.perf_counter()
        for _ in range(generations):
            next(mp)
        return generations / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--generations", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=64)
    ap.add_argument("--axelrod-generations", type=int, default=3)
    args = ap.parse_args(argv)
    threads = numba.get_num_threads()
    print(f"100 actors, 10 strategies, 200-turn matches; numba threads: {threads}")
    fermi_one = None
    for rule in ("fermi", "learning"):
        one, many = _ours(rule, args.generations, args.runs)
        fermi_one = one if rule == "fermi" else fermi_one
        print(
            f"{rule:>8}: {one:,.0f} generations/s in one run; {many:,.0f} generations/s over {args.runs} "
            f"parallel runs ({threads} threads)"
        )
    steps = _axelrod(args.axelrod_generations)
    updates = fermi_one * 100
    print(f"axelrod.MoranProcess (4.13.1): {steps:,.1f} birth-death steps/s (one actor updated per step)")
    print(
        f"one-actor updates per second, one run: cooptourney Fermi {updates:,.0f}, axelrod Moran {steps:,.1f}; "
        f"ratio {updates / steps:,.0f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
