"""Tests of ``strategies/defector.py`` (Defector and Tricky Defector) against axelrod (the
oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test

DETERMINISTIC = [
    "Defector",
    "Tricky Defector",
]
STOCHASTIC = []

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


@pytest.mark.parametrize("name", ["Tricky Defector"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=200, noise_levels=(0.0, 0.05), seeds=(0,))


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
