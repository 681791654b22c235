"""Tests of ``strategies/forgiver.py`` (Forgiver and Forgiving Tit For Tat) against axelrod
(the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test

DETERMINISTIC = [
    "Forgiver",
    "Forgiving Tit For Tat",
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


@pytest.mark.parametrize("name", ["Forgiver", "Forgiving Tit For Tat"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05), seeds=(0,))


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
