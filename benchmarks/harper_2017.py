"""Harper et al.'s two tournaments (standard and 5% noise) at 50,000 repetitions, in one run.

    python benchmarks/harper_2017.py [--repetitions 50000] [--seed 0] [--axelrod-matches 0]

Plays the ``harper-2017`` reproduction (173 strategies of the library, 200 turns, both
tournaments) at ``--repetitions`` repetitions each, as ``cooptourney reproduce`` does,
after a warm-up at two repetitions that loads every strategy. Target
(docs/performance-log.md): 50,000 repetitions of both under an hour on 2 cores.

Printed: wall time, the process's CPU time, repetitions per second, and the full size's
runtime (times 50,000 / ``--repetitions`` when smaller). On a machine shared with other
work the wall time overstates what the run takes alone. The CPU time is split into the
part spent outside the compiled tournament kernel by the threads that play the batches
(serial: packing, summing each batch per player, Python) and the rest (the kernel, on
all numba threads). Two batches are in play at once, so the serial part of one overlaps
the kernel of the other: the process's CPU time / threads is the wall time on an
unshared machine with that many cores, as long as the serial part is the smaller share.

axelrod 4.13.1: with ``--axelrod-matches 0`` (the default) the ratio uses the runtime
extrapolated in docs/performance-log.md (2026-12-06, 194 days in one process, from
timed matches of random pairs of the same field); a positive number times that many
matches again (``reproduce_runtime.axelrod_seconds_per_match``).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time

import numba

#: axelrod's extrapolated runtime of both tournaments (docs/performance-log.md, 2026-12-06).
AXELROD_SECONDS = 194 * 86400.0
PUBLISHED = 50_000


class Clock:
    """Wraps a function to add up, over every thread that calls it, the calling thread's
    CPU time inside it."""

    def __init__(self, run):
        self.run = run
        self.inside = 0.0
        self.lock = threading.Lock()

    def __call__(self, *args, **kwargs):
        started = time.thread_time()
        try:
            return self.run(*args, **kwargs)
        finally:
            spent = time.thread_time() - started
            with self.lock:
                self.inside += spent


def _fmt(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.1f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.2f} h"


def axelrod_seconds(matches: int, seed: int) -> float:
    """axelrod's runtime of both tournaments, from ``matches`` timed matches of random pairs."""
    from reproduce_runtime import axelrod_seconds_per_match

    from cooptourney.players import as_player
    from cooptourney.reproduce import CATALOGUE, resolve_field

    rep = CATALOGUE["harper-2017"]
    players = resolve_field(rep).players
    n = len(players)
    det = sum(not as_player(p).spec.stochastic for p in players)
    pairs = n * (n + 1) // 2
    total = 0.0
    for s in rep.settings:
        for length in s.lengths:
            per_match, _ = axelrod_seconds_per_match(players, length, s.noise, matches, seed)
            # axelrod plays a deterministic pair of a noise-free tournament once (its cache)
            det_pairs = det * (det + 1) // 2 if s.noise == 0 else 0
            total += per_match * (det_pairs + (pairs - det_pairs) * s.repetitions)
    return total


def main(argv=None) -> int:
    import cooptourney.reproduce.run as run
    import cooptourney.tournament as tournament
    from cooptourney.reproduce import CATALOGUE, resolve_field, run_reproduction

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repetitions", type=int, default=PUBLISHED, help="of each tournament (at most 50,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--axelrod-matches", type=int, default=0)
    args = ap.parse_args(argv)
    if not 2 <= args.repetitions <= PUBLISHED:
        ap.error(f"--repetitions must be in [2, {PUBLISHED}], got {args.repetitions}")
    rep = CATALOGUE["harper-2017"]
    threads = numba.get_num_threads()
    load = os.getloadavg()[0]
    print(
        f"{os.cpu_count()} cores, {threads} numba threads, load average {load:.1f}; "
        f"{len(resolve_field(rep).players)} strategies"
    )
    run_reproduction(rep, scale=2 / PUBLISHED, seed=args.seed)  # load and compile every strategy

    # the batches' threads: their CPU time in all, and inside the kernel (their share of it)
    batch_clock = Clock(run._play_batch)
    kernel_clock = Clock(tournament.run_in_chunks)
    run._play_batch, tournament.run_in_chunks = batch_clock, kernel_clock
    try:
        started, cpu = time.perf_counter(), time.process_time()
        r = run_reproduction(rep, scale=args.repetitions / PUBLISHED, seed=args.seed)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu
    finally:
        run._play_batch, tournament.run_in_chunks = batch_clock.run, kernel_clock.run
    serial = batch_clock.inside - kernel_clock.inside
    alone = cpu / threads
    scale = PUBLISHED / args.repetitions
    played = sum(r.repetitions.values())
    print(
        f"harper-2017, {args.repetitions:,} repetitions of each tournament ({played:,} in all): "
        f"{_fmt(wall)} wall, {_fmt(cpu)} CPU ({_fmt(serial)} serial outside the kernel), "
        f"{played / wall:.1f} repetitions/s; "
        f"turns simulated {r.turns_simulated:,} of {r.turns_accounted:,} accounted"
    )
    print(
        f"  unshared estimate: CPU / {threads} threads = {_fmt(alone)} ({played / alone:.1f} repetitions/s), "
        f"the serial part overlapping the kernel"
    )
    axl = axelrod_seconds(args.axelrod_matches, args.seed) if args.axelrod_matches > 0 else AXELROD_SECONDS
    full_wall, full_alone = wall * scale, alone * scale
    extrapolated = f" (x {scale:g}, extrapolated)" if scale != 1 else ""
    print(
        f"both tournaments at 50,000 repetitions{extrapolated}: {_fmt(full_wall)} wall here, "
        f"{_fmt(full_alone)} unshared; axelrod 1 process {axl / 86400:.0f} days: ratio "
        f"{axl / full_wall:,.0f}x (wall here), {axl / full_alone:,.0f}x (unshared); "
        f"target under an hour: {'met' if min(full_wall, full_alone) < 3600 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
