"""What each strategy adds to a tournament's runtime: its time over Cooperator's.

    NUMBA_NUM_THREADS=1 python benchmarks/strategy_cost.py [NAME ...] [--repetitions 1000]
        [--turns 200] [--noise 0] [--top 40]

For each strategy X (by default the 173 of the ``harper-2017`` reproduction) a
tournament of X and Random (both self-matches included, as in any tournament) is played
``--repetitions`` times, its best time of ``--runs`` runs taken after a warm-up run
(which compiles or loads X), and Cooperator's subtracted: the difference is what X's own
moves cost. The time is the process's CPU time (``--wall``: wall time), which other work
on a shared machine disturbs less than the wall time. Printed: Cooperator's time, the sum of the differences, then the ``--top`` most
costly strategies with the share of the sum they account for, most costly first.

Run with one numba thread (``NUMBA_NUM_THREADS=1``), so that CPU time is the time of
the one thread that plays, and compare figures taken in the same conditions.
"""

from __future__ import annotations

import argparse
import time

from cooptourney import Tournament
from cooptourney.reproduce import CATALOGUE, resolve_field


def cost(player: str, repetitions: int, turns: int, noise: float, runs: int, clock) -> float:
    """Best time (s) of ``runs`` plays of the tournament [player, Random], after a warm-up."""
    tournament = Tournament([player, "Random"], turns=turns, repetitions=repetitions, noise=noise, reuse_matches=False)
    tournament.play(progress_bar=False)
    best = float("inf")
    for _ in range(runs):
        started = clock()
        tournament.play(progress_bar=False)
        best = min(best, clock() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="strategies to measure (default: the harper-2017 field)")
    ap.add_argument("--repetitions", type=int, default=1000)
    ap.add_argument("--turns", type=int, default=200)
    ap.add_argument("--noise", type=float, default=0.0)
    ap.add_argument("--runs", type=int, default=3, help="timed runs per strategy (the best counts)")
    ap.add_argument("--top", type=int, default=40, help="how many strategies to print")
    ap.add_argument("--wall", action="store_true", help="time by the wall clock, not CPU time")
    args = ap.parse_args(argv)
    names = args.names or list(resolve_field(CATALOGUE["harper-2017"]).players)
    clock = time.perf_counter if args.wall else time.process_time
    timed = (args.repetitions, args.turns, args.noise, args.runs, clock)
    base = cost("Cooperator", *timed)
    rows = sorted(((cost(p, *timed) - base, p) for p in names), reverse=True)
    total = sum(max(c, 0.0) for c, _ in rows)
    kind = "wall" if args.wall else "CPU"
    print(f"[X, Random], {args.repetitions} repetitions of {args.turns} turns, noise {args.noise}, {kind} time")
    print(f"Cooperator {base * 1e3:.1f} ms; sum of the extra times {total * 1e3:.0f} ms")
    running = 0.0
    for c, p in rows[: args.top]:
        running += max(c, 0.0)
        print(f"{c * 1e3:8.1f} ms  {running / total if total > 0 else 0.0:5.2f}  {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
