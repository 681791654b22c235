"""Tests of ``strategies/sequence_player.py`` (the sequence players) against axelrod (the
oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test

DETERMINISTIC = [
    "ThueMorse",
    "ThueMorseInverse",
]
STOCHASTIC = []

# Partners with patterns for the hunters to find, and with enough defections to keep counters busy.
LONG_PANEL = [
    "Random",
    "Alternator",
    "Tit For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "Cooperator",
    "Defector",
    "Cycler CCD",
    "Cycler DDC",
    "Cycler CCCCCD",
    "AntiCycler",
    "ThueMorse",
    "$\\pi$",
    "First by Joss",
    "Sneaky Tit For Tat",
]


@pytest.mark.parametrize("name", ["ThueMorse"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
