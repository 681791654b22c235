"""Tests of ``strategies/memorytwo.py`` (the memory-two players) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches and hand-derived
sequences.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves

DETERMINISTIC = [
    "AON2",
    "Delayed AON1",
    "MEM2",
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


@pytest.mark.parametrize("name", ["MEM2"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


def test_mem2_locks_into_defector_after_its_second_choice_of_it():
    # vs Defector: TFT on moves 1-2 (C, D); on move 3 rounds (C,D),(D,D) -> ALLD (1st),
    # on move 5 rounds (D,D),(D,D) -> ALLD (2nd), locked
    assert play_moves(("MEM2", "Defector"), 8) == "CDDDDDDD"
    # vs Tit For Tat it stays TFT
    assert play_moves(("MEM2", "Tit For Tat"), 8) == "C" * 8


def test_aon2_cooperates_only_after_even_rounds():
    # vs Defector: C, C, then (CC, DD): D; (CD, DD): D; (DD, DD): C; ...
    assert play_moves(("AON2", "Defector"), 8) == "CCDDCDDC"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
