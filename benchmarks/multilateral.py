"""Multilateral mode at scale: 100 players, 200 rounds, public reputations.

Every pair (4950 of them, plus self-play) plays each round before any plays the next;
image scores and standing are public (observation 1), a secretariat records defections,
players sit in four clubs. Prints compile-and-first-run time and the warm time of one
repetition (the issue's target: under one second on 2 cores after compilation).

    python benchmarks/multilateral.py [--players 100] [--rounds 200] [--runs 5]
"""

import argparse
import os
import time

import numba
import numpy as np

from cooptourney.multilateral import MultilateralTournament

MIX = [
    "Unconditional MFN",
    "Image Scorer",
    "Standing",
    "Club MFN",
    "Free Rider",
    "Tit For Tat",
    "Generous Tit For Tat",
    "Defector",
    "Conditional MFN",
    "Club Discriminator",
]


def tournament(n_players: int, rounds: int, seed: int) -> MultilateralTournament:
    players = [MIX[k % len(MIX)] for k in range(n_players)]
    clubs = {f"club{c}": [k for k in range(n_players) if k % 4 == c] for c in range(4)}
    return MultilateralTournament(
        players, clubs=clubs, observation=1.0, secretariat=0.9, turns=rounds, noise=0.01, repetitions=1, seed=seed
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--players", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    tournament(args.players, args.rounds, seed=0).play()
    first = time.perf_counter() - t0
    times = []
    for r in range(args.runs):
        t0 = time.perf_counter()
        res = tournament(args.players, args.rounds, seed=r + 1).play()
        times.append(time.perf_counter() - t0)
    n = args.players
    pair_rounds = n * (n + 1) // 2 * args.rounds
    best, median = min(times), float(np.median(times))
    print(f"machine: {os.cpu_count()} cores, numba threads {numba.get_num_threads()}")
    print(
        f"{n} players, {args.rounds} rounds, public reputations, secretariat, 4 clubs: "
        f"{pair_rounds:,} pair-rounds per repetition"
    )
    print(f"first run (compile or load cached kernels + play): {first:.2f} s")
    print(
        f"warm repetition: median {median:.3f} s, best {best:.3f} s over {args.runs} runs "
        f"({pair_rounds / median / 1e6:.1f} M pair-rounds/s)"
    )
    print(f"target: under 1 s after compilation -> {'met' if median < 1.0 else 'NOT met'}")
    clubs = res.club_table()
    print(
        f"(check: population cooperation {clubs.iloc[0]['cooperation_inside']:.3f}, "
        f"welfare per round {clubs.iloc[0]['welfare_per_round']:.1f})"
    )


if __name__ == "__main__":
    main()
