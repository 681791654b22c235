"""Replaying the moves of the second tournament's original programs (``tests/data/tourexec``).

The data are recorded from the compiled Fortran by ``tools/tourexec_moves.py`` (its
docstring gives the format). A deterministic rule is checked move for move: it plays
against each stored partner's moves as a fixed script and must reproduce the
original's moves (the partner's moves are what the partner played against the
original, so a rule that reproduces them meets exactly the same partner). A stochastic
rule is checked statistically against the stored seeded runs of the original against
scripted partners.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import cache
from pathlib import Path

import numpy as np

from cooptourney.players import Player
from cooptourney.tournament import Tournament

DATA = Path(__file__).resolve().parent / "data" / "tourexec"

#: The match lengths of the second tournament.
LENGTHS = (63, 77, 151, 156, 308)

#: Blocks of turns in which cooperation counts are compared, cut at the tournament's
#: lengths: [0, 63), [63, 77), [77, 151), [151, 156), [156, 308).
BLOCKS = tuple(zip((0, *LENGTHS[:-1]), LENGTHS))


@cache
def load(code: str) -> dict:
    """The stored data of one original rule."""
    with gzip.open(DATA / f"{code}.json.gz", "rt") as inp:
        return json.load(inp)


def stored_codes() -> list[str]:
    return sorted(p.name.split(".")[0] for p in DATA.glob("*.json.gz"))


def _moves(text: str) -> np.ndarray:
    return np.frombuffer(text.encode(), dtype=np.uint8) == ord("D")


def play_against_scripts(name: str, scripts: list[str], turns: int, repetitions: int = 1, seed: int = 0):
    """Moves of ``name`` against each script: bool[len(scripts), repetitions, turns] (True = D).

    One tournament plays every pair; only the pairs (name, script) are read.
    """
    players = [Player(name), *(Player.sequence(s[:turns]) for s in scripts)]
    result = Tournament(players, turns=turns, repetitions=repetitions, seed=seed, record_moves=True).play()
    out = np.empty((len(scripts), repetitions, turns), dtype=bool)
    for k in range(len(scripts)):
        for rep in range(repetitions):
            out[k, rep] = result.match_moves(0, k + 1, rep)[:, 0] == 1
    return out


def replay_mismatches(name: str, code: str, lengths=LENGTHS) -> list[str]:
    """Where ``name`` does not replay the original ``code``'s stored moves (empty if it does).

    Every stored match is replayed at every length of ``lengths`` (the original
    rules are not told the length; the shorter matches are prefixes of the stored one).
    """
    data = load(code)
    if data["stochastic"]:
        raise ValueError(f"{code} is stochastic: compare statistics")
    matches = data["matches"]
    scripts = [m["partner_moves"] for m in matches]
    problems = []
    for turns in lengths:
        ours = play_against_scripts(name, scripts, turns)[:, 0]
        for k, match in enumerate(matches):
            want = _moves(match["own"][:turns])
            if not np.array_equal(ours[k], want):
                first = int(np.argmax(ours[k] != want))
                problems.append(
                    f"{name} v {match['partner']} ({turns} moves): first differs at move {first + 1}: "
                    f"original {match['own'][max(0, first - 5) : first + 1]}, "
                    f"ours {''.join('D' if x else 'C' for x in ours[k][max(0, first - 5) : first + 1])}"
                )
    return problems


def block_counts(moves: np.ndarray) -> np.ndarray:
    """Cooperations per run in each block of :data:`BLOCKS`: int[runs, blocks] from bool[runs, turns]."""
    return np.stack([(~moves[:, a:b]).sum(axis=1) for a, b in BLOCKS], axis=1)


def z_score(a: np.ndarray, b: np.ndarray) -> float:
    """Welch's statistic for the difference of two sample means, ``(mean(b) - mean(a)) / se``.

    The standard error has a floor of 1e-3, so two samples without variation must agree
    exactly.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)) + 1e-3
    return float((b.mean() - a.mean()) / se)


def statistics_mismatches(name: str, code: str, repetitions: int = 200, z_max: float = 4.5) -> list[str]:
    """Where ``name``'s cooperation differs from the original ``code``'s beyond sampling error.

    For each scripted partner the mean number of cooperations per run is compared
    between the stored runs of the original and ``repetitions`` seeded runs of
    ``name``, in each block of :data:`BLOCKS` and on the moves right after a partner D
    (a conditional frequency): runs are independent, so the difference of the means over
    its standard error (:func:`z_score`) is close to normal, and ``|z| > z_max`` (4.5: a
    false alarm with probability about 7e-6 per comparison) counts as a difference.
    """
    data = load(code)
    if not data["stochastic"]:
        raise ValueError(f"{code} is deterministic: compare moves")
    runs = data["runs"]
    ours = play_against_scripts(name, [r["partner_moves"] for r in runs], data["length"], repetitions, seed=1980)
    problems = []
    for k, run in enumerate(runs):
        stored = np.array([_moves(m) for m in run["own"]])
        after_d = np.concatenate([[False], _moves(run["partner_moves"])[:-1]])
        samples = [
            (f"moves {lo + 1}-{hi}", block_counts(stored)[:, b], block_counts(ours[k])[:, b])
            for b, (lo, hi) in enumerate(BLOCKS)
        ]
        samples.append(
            ("moves after a partner D", (~stored[:, after_d]).sum(axis=1), (~ours[k][:, after_d]).sum(axis=1))
        )
        for label, a, o in samples:
            z = z_score(a, o)
            if abs(z) > z_max:
                problems.append(
                    f"{name} v {run['partner']}, {label}: mean cooperations original "
                    f"{a.mean():.2f}, ours {o.mean():.2f} (z = {z:.1f})"
                )
    return problems


def matches_original(name: str, code: str) -> bool:
    """Whether ``name`` plays like the original ``code`` by the check its data calls for."""
    if load(code)["stochastic"]:
        return not statistics_mismatches(name, code)
    return not replay_mismatches(name, code)


def draw_replay_mismatches(monkeypatch, name: str, code: str, runs: int = 10) -> list[str]:
    """Where ``name``, fed the original's own random numbers, does not play its moves.

    In the stored run with seed ``s`` the original drew, on every move, the next number
    of ``random.Random(2 * s)``, rounded to single precision. The step function of
    ``name`` runs here as plain Python, its module's ``rand`` patched to return the
    draw of the current move, on the history the original played (its stored moves and
    the scripted partner's), for the first ``runs`` runs against each scripted partner.
    A rule that draws more than once in a move is reported too.
    """
    import importlib
    import random

    from cooptourney.registry import get_strategy
    from cooptourney.strategy_api import (
        INFO_LENGTH,
        INFO_MY_COOPS,
        INFO_MY_SCORE,
        INFO_OPP_COOPS,
        INFO_OPP_SCORE,
        INFO_SIZE,
    )

    spec = get_strategy(name)
    module = importlib.import_module(spec.module)
    current = {"draw": 0.0, "used": 0}

    def rand(rng):
        current["used"] += 1
        return current["draw"]

    from numba.core.registry import CPUDispatcher

    for attr, value in list(vars(module).items()):
        if isinstance(value, CPUDispatcher):  # helpers run as Python too, so they see the patched rand
            monkeypatch.setattr(module, attr, value.py_func)
    monkeypatch.setattr(module, "rand", rand)
    payoff = {(0, 0): (3, 3), (0, 1): (0, 5), (1, 0): (5, 0), (1, 1): (1, 1)}
    problems = []
    for run in load(code)["runs"]:
        theirs = _moves(run["partner_moves"]).astype(np.int64)
        for seed, own in enumerate(run["own"][:runs]):
            stream = random.Random(2 * seed)
            mine = _moves(own).astype(np.int64)
            my = np.zeros(len(mine), dtype=np.int64)
            opp = np.zeros(len(mine), dtype=np.int64)
            state = np.array(spec.state, dtype=np.float64)
            info = np.zeros(INFO_SIZE)
            info[:4] = (3.0, 0.0, 5.0, 1.0)
            info[INFO_LENGTH] = -1.0
            for t in range(len(mine)):
                current["draw"] = float(np.float32(stream.random()))
                current["used"] = 0
                move = int(spec.py_function(my, opp, t, state, np.zeros(0), info, None))
                if move != mine[t] or current["used"] > 1:
                    problems.append(
                        f"{name} v {run['partner']}, seed {seed}, move {t + 1}: original {'CD'[mine[t]]}, "
                        f"ours {'CD'[move]} after {current['used']} draws"
                    )
                    break
                my[t], opp[t] = mine[t], theirs[t]
                gain = payoff[int(mine[t]), int(theirs[t])]
                info[INFO_MY_SCORE] += gain[0]
                info[INFO_OPP_SCORE] += gain[1]
                info[INFO_MY_COOPS] += mine[t] == 0
                info[INFO_OPP_COOPS] += theirs[t] == 0
    return problems
