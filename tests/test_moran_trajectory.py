"""The Moran process's single-trajectory mode, with ``axelrod.MoranProcess``'s names.

``play()`` without ``runs`` records one run generation by generation (``populations``,
``fixated``, ``winning_strategy_name``, iteration); its fixation frequency over seeds is
checked against theory (Nowak 2006, ch. 6): 1/N for a neutral mutant and
(1 - 1/r) / (1 - 1/r^N) for a mutant of constant relative fitness r.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import pairwise

import pytest

from cooptourney.evolution import MoranProcess, pool_from_matrix
from cooptourney.settings import SettingsError


def _fixation_frequency(matrix, N: int, trajectories: int) -> float:
    pool = pool_from_matrix(matrix, ["mutant", "resident"])
    fixed = 0
    for seed in range(trajectories):
        mp = MoranProcess({"mutant": 1, "resident": N - 1}, pool=pool, seed=seed)
        mp.play()
        fixed += mp.winning_strategy_name == "mutant"
    return fixed / trajectories


@pytest.mark.parametrize(
    ("r", "expected"),
    [(1.0, 1 / 5), (2.0, (1 - 1 / 2) / (1 - 1 / 2**5))],
    ids=["neutral", "constant-fitness-2"],
)
def test_single_trajectories_fix_with_the_theoretical_probability(r, expected):
    n = 1500
    freq = _fixation_frequency([[r, r], [1.0, 1.0]], 5, n)
    se = math.sqrt(expected * (1 - expected) / n)
    assert abs(freq - expected) < 4.5 * se, (freq, expected, se)


def test_a_ported_script_gets_axelrods_names():
    players = ["Cooperator", "Defector", "Tit For Tat", "Grudger"]
    mp = MoranProcess(players, turns=10, seed=1)
    assert mp.populations == [Counter(players)] and not mp.fixated and mp.winning_strategy_name is None
    populations = mp.play()
    assert populations is not None and populations == mp.populations and len(mp) == len(populations)
    assert populations[0] == Counter(players)
    # one birth-death step per generation: at most one individual changes type
    for before, after in pairwise(populations):
        assert sum(after.values()) == 4
        assert sum(abs(after[t] - before[t]) for t in players) in (0, 2)
    assert mp.fixated and len(populations[-1]) == 1
    assert mp.winning_strategy_name == next(iter(populations[-1]))
    # the trajectory is run 0 of the many-run mode with the same seed
    res = MoranProcess(players, turns=10, seed=1).play(runs=3)
    assert res.types[res.fixed[0]] == mp.winning_strategy_name
    assert res.fixation_time[0] == len(populations) - 1


def test_iteration_steps_through_the_same_trajectory():
    pool = pool_from_matrix([[2.0, 2.0], [1.0, 1.0]], ["mutant", "resident"])
    whole = MoranProcess({"mutant": 2, "resident": 3}, pool=pool, seed=4).play()
    mp = MoranProcess({"mutant": 2, "resident": 3}, pool=pool, seed=4)
    steps = sum(1 for _ in mp)
    assert steps == len(whole) - 1 and mp.populations == whole
    with pytest.raises(StopIteration):
        next(mp)
    mp.reset()
    assert mp.populations == [whole[0]]


def test_with_mutation_a_trajectory_stops_at_the_generation_limit():
    pool = pool_from_matrix([[1.0, 1.0], [1.0, 1.0]], ["A", "B"])
    mp = MoranProcess({"A": 2, "B": 2}, pool=pool, mutation_rate=0.2, seed=0)
    assert len(mp.play(generations=50)) == 51
    with pytest.raises(SettingsError, match="record_every"):
        mp.play(record_every=5)


def test_axelrods_argument_names_are_accepted():
    pool = pool_from_matrix([[1.0, 1.0], [1.0, 1.0]], ["A", "B"])
    settings = {"pool": pool, "mutation_rate": 0.3, "seed": 2}
    uniform = MoranProcess({"A": 2, "B": 2}, mutation_method="uniform", **settings).play(generations=30)
    transition = MoranProcess({"A": 2, "B": 2}, mutation_method="transition", mode="bd", **settings).play(
        generations=30
    )
    assert transition == uniform
    with pytest.raises(SettingsError, match="death-birth"):
        MoranProcess({"A": 2, "B": 2}, pool=pool, mode="db")
