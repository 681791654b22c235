"""Tests of ``strategies/adaptive.py`` (Adaptive) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches and a hand-derived
sequence.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves

DETERMINISTIC = [
    "Adaptive",
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


@pytest.mark.parametrize("name", ["Adaptive"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=200, noise_levels=(0.0, 0.05), seeds=(0,))


def test_adaptive_keeps_the_move_with_the_larger_total():
    # C earns 6 x 3 = 18 in the opening, D 5 x 5 = 25: it defects on
    assert play_moves(("Adaptive", "Cooperator"), 20) == "C" * 6 + "D" * 14


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
