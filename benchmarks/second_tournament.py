"""Axelrod's second tournament at full size, from the original programs, timed in one run.

    python benchmarks/second_tournament.py [--scale 1.0] [--seed 0] [--axelrod-matches 200]
        [--standings FILE.csv]

Plays the reproduction ``axelrod-1980b`` (:mod:`cooptourney.reproduce`): the 63 rules
k31r ... k93r, matches of 63, 77, 151, 308 and 156 moves, 5,000 repetitions of each
length, every pair once per repetition and each rule against a copy of itself: 2,016
pairs x 25,000 = 5.04e7 matches, 7.6e9 turns. A warm-up run at two repetitions loads
every rule first (not timed). Printed: the wall time and CPU time of the one run at
``--scale`` (1.0: the full size; a smaller scale is extrapolated linearly, as the
repetitions run in identical batches), the matches, and the turns simulated against the
turns accounted for (a deterministic pair's repetitions are one match played once).

axelrod 4.13.1 has re-implementations of some of the 63 rules (the twins of
:data:`cooptourney.strategies.second_tournament.ORIGINALS`, those ``axelrod`` has
under the same name). ``--axelrod-matches`` matches between random pairs of those twins
are timed with ``axelrod.Match`` in one process at each length; their mean time per
match, times the matches of the full tournament (a deterministic pair once, as
axelrod's deterministic cache does), is axelrod's extrapolated time. The rules without
an axelrod twin are listed. Target: the full size under 5 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import random
import time
import warnings

import numba


def _axelrod_twins():
    """{code: axelrod class} for the rules whose twin ``axelrod`` has, and the codes without one."""
    import axelrod as axl

    from cooptourney import coverage
    from cooptourney.players import as_player
    from cooptourney.strategies.second_tournament import ORIGINALS

    classes = {}
    for cls in axl.all_strategies:
        classes[cls.name] = cls
        classes[cls().name] = cls
    names = [n for n, _ in coverage.axelrod_strategies()]
    found, without = {}, []
    for code, original in sorted(ORIGINALS.items()):
        hit = coverage.twins(as_player(original.twin).spec, names) if original.twin else []
        if hit:
            found[code] = classes[hit[0]]
        else:
            without.append(code)
    return axl, found, without


def axelrod_seconds(lengths, repetitions, n_rules, n_deterministic, matches, seed):
    """axelrod's extrapolated time for the tournament, from timed matches of random twin pairs."""
    axl, twins, without = _axelrod_twins()
    pool = list(twins.values())
    rng = random.Random(seed)
    pairs = n_rules * (n_rules + 1) // 2
    det_pairs = n_deterministic * (n_deterministic + 1) // 2
    total = 0.0
    per_length = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for length in lengths:
            started = time.perf_counter()
            for _ in range(matches):
                a, b = rng.choice(pool)(), rng.choice(pool)()
                axl.Match((a, b), turns=length, seed=rng.randrange(2**31)).play()
            per_match = (time.perf_counter() - started) / matches
            per_length[length] = per_match
            total += per_match * (det_pairs + (pairs - det_pairs) * repetitions)
    return total, per_length, twins, without


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the 5,000 repetitions (default 1)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--axelrod-matches", type=int, default=200, help="timed axelrod matches per length (0: skip)")
    ap.add_argument("--standings", metavar="FILE.csv", help="also write the measured ranking (not timed)")
    args = ap.parse_args(argv)

    from cooptourney.players import as_player
    from cooptourney.reproduce import get_reproduction, resolve_field, run_reproduction

    rep = get_reproduction("axelrod-1980b")
    (setting,) = rep.settings
    fld = resolve_field(rep)
    n = len(fld.players)
    det = sum(not as_player(p).spec.stochastic for p in fld.players)
    print(f"{rep.title}: {n} rules ({det} deterministic), lengths {setting.lengths}, {numba.get_num_threads()} threads")

    run_reproduction(rep, scale=2 / setting.repetitions, seed=args.seed)  # load every rule
    started, cpu = time.perf_counter(), time.process_time()
    r = run_reproduction(rep, scale=args.scale, seed=args.seed)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    reps = r.repetitions[setting.key]
    matches = n * (n + 1) // 2 * reps * len(setting.lengths)
    full = setting.repetitions / reps
    print(
        f"  {reps:,} repetitions per length: {matches:,} matches in {wall:.1f} s wall, {cpu:.1f} s CPU; "
        f"turns simulated {r.turns_simulated:,} of {r.turns_accounted:,} accounted "
        f"({r.turns_accounted / max(r.turns_simulated, 1):.2f}x saved); "
        f"{r.turns_simulated / wall / 1e6:.1f} M turns simulated per second"
    )
    ours = wall * full
    if args.standings:
        r.standings[setting.key].to_csv(args.standings, index=False)
    print(r.text().split("\n\nRuntime here")[0])
    print(
        f"  full size (5,000 repetitions): {ours:.0f} s = {ours / 60:.2f} min"
        + (" (measured)" if full == 1 else f" (extrapolated x{full:.0f})")
        + f"; CPU time / threads: {cpu * full / numba.get_num_threads() / 60:.2f} min; target 5 min"
    )
    if args.axelrod_matches:
        ax, per_length, twins, without = axelrod_seconds(
            setting.lengths, setting.repetitions, n, det, args.axelrod_matches, args.seed
        )
        per = ", ".join(f"{k}: {v * 1e3:.2f} ms" for k, v in per_length.items())
        print(f"  axelrod 1 process, {len(twins)} twins, per match {per}: {ax / 86400:.1f} days extrapolated")
        print(f"  ratio axelrod / cooptourney: {ax / ours:.0f}x")
        print(f"  rules without an axelrod twin ({len(without)}): {', '.join(without)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
