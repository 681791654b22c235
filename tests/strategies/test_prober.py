"""Tests of ``strategies/prober.py`` (the probers) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, parameters,
classifiers and draw-for-draw replays of axelrod's own random draws.
"""

import inspect

import axelrod as axl
import pytest
from oracle import assert_same_moves, assert_same_statistics, axl_player, oracle_claims_test, replay_axelrod_draws

from cooptourney import get_strategy

DETERMINISTIC = [
    "CollectiveStrategy",
    "Detective",
    "Prober",
    "Prober 2",
    "Prober 3",
    "Prober 4",
    "Hard Prober",
]
STOCHASTIC = [
    "Naive Prober",
    "Remorseful Prober",
]

LONG_PANEL = [
    "Random",
    "Alternator",
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "GTFT",
    "Bully",
    "First by Joss",
    "First by Davis",
]


@pytest.mark.parametrize("name", ["CollectiveStrategy"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=200, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["Naive Prober", "Remorseful Prober"])
@pytest.mark.parametrize("p", [0.0, 1.0])
def test_probers_without_randomness_play_axelrods_moves(name, p):
    assert_same_moves(name, params={"p": p}, axl_kwargs={"p": p}, noise_levels=(0.0, 0.1))


@pytest.mark.parametrize("name", ["Naive Prober", "Remorseful Prober"])
def test_probers_probe_rate_agrees_with_axelrod(name):
    assert_same_statistics(
        name, params={"p": 0.35}, axl_kwargs={"p": 0.35}, opponents=("Cooperator", "Tit For Tat", "Grudger")
    )


@pytest.mark.parametrize("name", ["Prober", "Prober 2", "Prober 3", "Prober 4", "Hard Prober"])
def test_parameters_and_defaults_are_axelrods(name):
    """We expose exactly axelrod's constructor arguments, with axelrod's defaults."""
    spec = get_strategy(name)
    sig = inspect.signature(type(axl_player(name)).__init__)
    axl_args = {k: v.default for k, v in sig.parameters.items() if k != "self"}
    ours = {k: p.default for k, p in spec.params.items()}
    assert ours == axl_args


@pytest.mark.parametrize("name", ["Prober", "Prober 2", "Prober 3", "Prober 4", "Hard Prober"])
def test_classifiers_agree_with_axelrod(name):
    spec = get_strategy(name)
    p = axl_player(name)
    assert spec.memory_depth == axl.Classifiers["memory_depth"](p)
    assert spec.stochastic == axl.Classifiers["stochastic"](p)
    uses = axl.Classifiers["makes_use_of"](p)
    assert spec.uses_game == ("game" in uses)
    assert spec.uses_length == ("length" in uses)
    assert spec.reason, f"{name}: the docstring needs a '{spec.reciprocity}: <reason>' line"


@pytest.mark.parametrize("name", ["Naive Prober", "Remorseful Prober"])
def test_same_draws_give_axelrods_moves(monkeypatch, name):
    total = 0
    for opponent in ("Cooperator", "Defector", "Random", "Tit For Tat", "Alternator", "First by Joss"):
        for seed in (0, 1):
            expected, got, n_draws = replay_axelrod_draws(monkeypatch, name, opponent, 70, seed)
            assert got == expected, f"{name} vs {opponent}, seed {seed}"
            total += n_draws
    assert total > 0


@pytest.mark.parametrize(
    "name,params",
    [
        ("Naive Prober", {"p": 0.4}),
        ("Remorseful Prober", {"p": 0.4}),
    ],
    ids=lambda x: str(x),
)
def test_same_draws_give_axelrods_moves_with_parameters(monkeypatch, name, params):
    for opponent in ("Random", "Tit For Tat", "Grudger"):
        expected, got, _ = replay_axelrod_draws(monkeypatch, name, opponent, 80, 3, params)
        assert got == expected, f"{name} vs {opponent}"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
