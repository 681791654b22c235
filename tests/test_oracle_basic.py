"""Foundation strategies against axelrod (the oracle): one line per strategy."""

import pytest

from oracle import assert_same_moves, assert_same_statistics, assert_same_tournament

DETERMINISTIC = [
    "Cooperator",
    "Defector",
    "Alternator",
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Tit For 2 Tats",
    "Two Tits For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "Anti Tit For Tat",
    "Bully",
]

STOCHASTIC = [
    "Random",
    ("Generous Tit For Tat", "GTFT"),
]


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_same_moves_as_axelrod(name):
    assert_same_moves(name)


@pytest.mark.parametrize("name", STOCHASTIC, ids=str)
def test_same_statistics_as_axelrod(name):
    assert_same_statistics(name)


def test_parameterised_random_agrees_with_axelrod():
    assert_same_statistics("Random", params={"p": 0.8}, axl_kwargs={"p": 0.8}, opponents=("Tit For Tat",))


def test_gtft_generosity_param_agrees_with_axelrod():
    assert_same_statistics(("GTFT", "GTFT"), params={"generosity": 0.6}, axl_kwargs={"p": 0.6},
                           opponents=("Defector", "Alternator"))


def test_deterministic_tournament_scores_equal_axelrod():
    assert_same_tournament(DETERMINISTIC, turns=30, repetitions=2)
