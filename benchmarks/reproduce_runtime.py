"""Runtime of every reproduction, here and in axelrod, measured on samples and extrapolated.

    python benchmarks/reproduce_runtime.py [--names harper-2017 ...] [--sample-reps 20]
        [--glynatsi-sample 8] [--axelrod-matches 100] [--seed 0]

For each tournament reproduction (cooptourney.reproduce): a warm-up run at two
repetitions (loading every strategy), then a timed run at ``--sample-reps`` repetitions
per setting (or the published number when smaller); the full runtime is that time times
published / sampled repetitions (the batches of a run are alike, so the time is linear in
the repetitions). Besides the wall time, the process's CPU time divided by the numba
threads estimates the wall time on a machine this run does not share. Also printed: turns simulated against turns accounted for (identical
matches of deterministic pairs are played once).

axelrod 4.13.1 on the same field, where it has the strategies: ``--axelrod-matches``
matches of random pairs of the field, timed with ``axelrod.Match`` in one process, the
mean time per match times the matches of the full reproduction; in a noise-free,
fixed-length tournament axelrod plays a deterministic pair once (its deterministic
cache), so those pairs count once.

Glynatsi et al. (2024): ``--glynatsi-sample`` tournaments drawn from the design (as many
of each type), each timed; the mean times 45,600 is the full design's runtime on this
machine (each tournament on all numba threads). axelrod: each sampled tournament's turns
times axelrod's time per turn measured on random pairs of the library.

Targets (docs/performance-log.md): Harper et al.'s two tournaments at 50,000 repetitions
under an hour; the 45,600-tournament design under a day on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

import numba


def _axelrod_classes():
    import axelrod as axl

    from cooptourney import coverage

    classes = {}
    for cls in axl.all_strategies:
        classes[cls.name] = cls
        classes[cls().name] = cls
    return axl, classes, [r for r, _ in coverage.axelrod_strategies()]


def _twin(name, axl_names):
    from cooptourney import coverage
    from cooptourney.players import as_player

    found = coverage.twins(as_player(name).spec, axl_names)
    return found[0] if found else None


def axelrod_seconds_per_match(field, turns, noise, matches, seed):
    """Mean seconds of one axelrod Match between random twins of ``field`` (None: no twins)."""
    axl, classes, axl_names = _axelrod_classes()
    twins = [t for t in (_twin(n, axl_names) for n in field) if t is not None]
    if len(twins) < 2:
        return None, 0
    rng = random.Random(seed)
    started = time.perf_counter()
    for _ in range(matches):
        a, b = classes[rng.choice(twins)](), classes[rng.choice(twins)]()
        axl.Match((a, b), turns=turns, noise=noise, seed=rng.randrange(2**31)).play()
    return (time.perf_counter() - started) / matches, len(twins)


def _fmt(seconds):
    if seconds is None:
        return "n/a"
    if seconds < 120:
        return f"{seconds:.1f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.1f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def tournament_reproduction(rep, sample_reps, axl_matches, seed):
    from cooptourney.players import as_player
    from cooptourney.reproduce import resolve_field, run_reproduction

    fld = resolve_field(rep)
    if len(fld.players) < 2:
        print(f"{rep.name}: {len(fld.players)} strategies of its field in the library; not run")
        return
    full_reps = max(s.repetitions for s in rep.settings)
    sample = min(sample_reps, full_reps)
    scale = sample / full_reps
    run_reproduction(rep, scale=2 / full_reps, seed=seed)  # load every strategy
    started, cpu = time.perf_counter(), time.process_time()
    r = run_reproduction(rep, scale=scale, seed=seed)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    ours = took * full_reps / sample
    quiet = cpu / numba.get_num_threads() * full_reps / sample
    n = len(fld.players)
    det = sum(not as_player(p).spec.stochastic for p in fld.players)
    axl_total = None
    for s in rep.settings:
        if s.group:
            continue
        for length in s.lengths:
            per_match, _ = axelrod_seconds_per_match(fld.players, length, s.noise, axl_matches, seed)
            if per_match is None:
                continue
            pairs = n * (n + 1) // 2
            det_pairs = det * (det + 1) // 2 if s.noise == 0 else 0
            axl_total = (axl_total or 0.0) + per_match * (det_pairs + (pairs - det_pairs) * s.repetitions)
    print(
        f"{rep.name}: {n} strategies; sample {sample} of {full_reps:,} repetitions in {took:.2f} s "
        f"({cpu:.2f} s CPU); "
        f"turns simulated {r.turns_simulated:,} of {r.turns_accounted:,} accounted "
        f"({r.turns_accounted / max(r.turns_simulated, 1):.1f}x saved)"
    )
    ratio = f"{axl_total / ours:.0f}x" if axl_total else "n/a"
    print(
        f"  full size here: {_fmt(ours)} (CPU time / threads: {_fmt(quiet)}); axelrod 1 process, extrapolated "
        f"from {axl_matches} matches: {_fmt(axl_total)}; ratio {ratio}"
    )
    return min(ours, quiet), axl_total


def glynatsi(sample, axl_matches, seed):
    from cooptourney.reproduce.glynatsi import TOURNAMENTS, TYPES, glynatsi_field, glynatsi_spec
    from cooptourney.sweeps import spec_from_dict

    per_type = max(1, sample // len(TYPES))
    times, cpus, turns = [], [], []
    for kind in TYPES:
        spec = spec_from_dict(glynatsi_spec(kind, per_type, seed=2024 + seed), origin=kind)
        for task in spec.tasks:
            t = task.tournament()
            started, cpu = time.perf_counter(), time.process_time()
            t.play()
            times.append(time.perf_counter() - started)
            cpus.append((time.process_time() - cpu) / numba.get_num_threads())
            turns.append(t.turns_accounted)
            print(
                f"  {kind:14s} {len(t.players):3d} players, {t.repetitions:3d} repetitions, turns "
                f"{t.turns if not t.prob_end else f'p_end {t.prob_end:.3f}'}, noise {t.noise:.2f}: {times[-1]:7.2f} s "
                f"({cpus[-1]:.2f} s CPU per thread)"
            )
    total = sum(TOURNAMENTS.values())
    ours = sum(times) / len(times) * total
    quiet = sum(cpus) / len(cpus) * total
    per_match, _ = axelrod_seconds_per_match(glynatsi_field(), 100, 0.0, axl_matches, seed)
    axl_per_turn = per_match / 100
    axl_total = axl_per_turn * sum(turns) / len(turns) * total
    print(
        f"glynatsi-2024: {len(times)} sampled tournaments in {sum(times):.1f} s; the {total:,}-tournament design "
        f"here: {_fmt(ours)}, CPU time / threads {_fmt(quiet)} (target under a day on 2 cores: "
        f"{'met' if min(ours, quiet) < 86400 else 'NOT met'}); axelrod 1 "
        f"process: {_fmt(axl_total)} ({axl_per_turn * 1e6:.1f} us a turn); ratio {axl_total / ours:.0f}x"
    )


def main(argv=None) -> int:
    from cooptourney.reproduce import CATALOGUE

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", nargs="*", default=list(CATALOGUE) + ["glynatsi-2024"])
    ap.add_argument("--sample-reps", type=int, default=20)
    ap.add_argument("--glynatsi-sample", type=int, default=8)
    ap.add_argument("--axelrod-matches", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    print(f"{os.cpu_count()} cores, {numba.get_num_threads()} numba threads")
    harper = None
    for name in args.names:
        if name == "glynatsi-2024":
            glynatsi(args.glynatsi_sample, args.axelrod_matches, args.seed)
            continue
        got = tournament_reproduction(CATALOGUE[name], args.sample_reps, args.axelrod_matches, args.seed)
        if name == "harper-2017" and got:
            harper = got[0]
    if harper is not None:
        print(
            f"harper-2017 both tournaments at 50,000 repetitions: target under an hour: {'met' if harper < 3600 else 'NOT met'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
