"""Tests of ``strategies/grumpy.py`` (Grumpy) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches and parameters.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test

DETERMINISTIC = [
    "Grumpy",
]
STOCHASTIC = []

# Partners that keep the counters of the long-memory rules busy over long matches.
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
    "First by Tideman and Chieruzzi",
]


@pytest.mark.parametrize("name", ["Grumpy"])
def test_same_moves_in_long_matches(name):
    # Grumpy needs 10 net defections
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize(
    "kw",
    [
        {"start_grumpy": True},
        {"grumpy_threshold": 3, "nice_threshold": -2},
        {"start_grumpy": True, "grumpy_threshold": -1, "nice_threshold": -5},
    ],
    ids=str,
)
def test_grumpy_parameters_agree_with_axelrod(kw):
    axl_kw = {k: v for k, v in kw.items() if k != "start_grumpy"}
    if kw.get("start_grumpy"):
        axl_kw["starting_state"] = "Grumpy"
    assert_same_moves("Grumpy", params=kw, axl_kwargs=axl_kw, noise_levels=(0.0, 0.1))


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
