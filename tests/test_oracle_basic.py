"""Foundation strategies against axelrod (the oracle): one line per strategy."""

import pytest

from oracle import assert_same_statistics, assert_same_tournament

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


def test_parameterised_random_agrees_with_axelrod():
    assert_same_statistics("Random", params={"p": 0.8}, axl_kwargs={"p": 0.8}, opponents=("Tit For Tat",))


def test_gtft_generosity_param_agrees_with_axelrod():
    assert_same_statistics(("GTFT", "GTFT"), params={"generosity": 0.6}, axl_kwargs={"p": 0.6},
                           opponents=("Defector", "Alternator"))


def test_deterministic_tournament_scores_equal_axelrod():
    assert_same_tournament(DETERMINISTIC, turns=30, repetitions=2)


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this family carries the claim it should.
@pytest.mark.parametrize("name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]])
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    from cooptourney import REGISTRY

    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
