"""Tests of ``strategies/oncebitten.py`` (Once Bitten, Fool Me Once and Forgetful Fool Me
Once) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, draw-for-draw
replays of axelrod's own random draws and Once Bitten's spell.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves, replay_axelrod_draws

from cooptourney import get_strategy
from cooptourney.players import Player

DETERMINISTIC = [
    "Once Bitten",
    "Fool Me Once",
]
STOCHASTIC = [
    "Forgetful Fool Me Once",
]


def test_once_bitten_is_new_not_fool_me_once():
    assert get_strategy("Once Bitten").name == "Once Bitten"
    assert get_strategy("Fool Me Once") is not get_strategy("Once Bitten")


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


@pytest.mark.parametrize("name", ["Once Bitten"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=200, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["Forgetful Fool Me Once"])
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
        ("Forgetful Fool Me Once", {"forget_probability": 0.3}),
    ],
    ids=lambda x: str(x),
)
def test_same_draws_give_axelrods_moves_with_parameters(monkeypatch, name, params):
    for opponent in ("Random", "Tit For Tat", "Grudger"):
        expected, got, _ = replay_axelrod_draws(monkeypatch, name, opponent, 80, 3, params)
        assert got == expected, f"{name} vs {opponent}"


def test_once_bitten_spell_is_eleven_defections():
    assert play_moves(("Once Bitten", Player.sequence("DD" + "C" * 30)), 16) == "CC" + "D" * 11 + "CCC"
    assert play_moves(("Once Bitten", "Defector"), 30) == "CC" + "D" * 28


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
