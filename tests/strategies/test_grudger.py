"""Tests of ``strategies/grudger.py`` (the Grudger family) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, parameters and
hand-derived sequences.
"""

import numpy as np
import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves

from cooptourney.players import Player

DETERMINISTIC = [
    "Grudger",
    "Aggravater",
    "CAPRI",
    "EasyGo",
    "Forgetful Grudger",
    "General Soft Grudger",
    "GrudgerAlternator",
    "Opposite Grudger",
    "Soft Grudger",
    "SpitefulCC",
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


@pytest.mark.parametrize("name", ["Forgetful Grudger", "General Soft Grudger", "CAPRI"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize(
    "kw",
    [{"n": 2, "d": 2, "c": 3}, {"n": 3, "d": 1, "c": 1}, {"n": 0, "d": 4, "c": 2}, {"n": 1, "d": 6, "c": 0}],
    ids=str,
)
def test_general_soft_grudger_parameters_agree_with_axelrod(kw):
    assert_same_moves("General Soft Grudger", params=kw, axl_kwargs=kw, noise_levels=(0.0, 0.1))


def test_forgetful_grudger_memory_is_unbounded():
    # Two games whose rounds 3-21 are identical (both players), yet Forgetful Grudger
    # answers differently on move 22: its 10-move spells chain from where the first began.
    first = Player.sequence("D" * 15 + "C" * 10)  # spells on moves 2-11, 12-21; move 22 reads a C
    second = Player.sequence("C" + "D" * 14 + "C" * 10)  # spells on moves 3-12, 13-22
    a = play_moves(("Forgetful Grudger", first), 22)
    b = play_moves(("Forgetful Grudger", second), 22)
    assert a == "C" + "D" * 20 + "C"
    assert b == "CC" + "D" * 20
    assert a[21] != b[21]


def test_soft_grudger_punishes_with_dddd_cc():
    assert play_moves(("Soft Grudger", Player.sequence("CD" + "C" * 20)), 10) == "CC" + "DDDDCC" + "CC"
    assert play_moves(("Soft Grudger", "Defector"), 13) == "C" + "DDDDCC" * 2


def test_capri_accepts_the_punishment_for_its_own_error():
    # our third move is flipped C -> D; TFT answers it, CAPRI accepts and peace returns at once
    flips = np.zeros((2, 8), dtype=np.int8)
    flips[0, 2] = 1
    assert play_moves(("CAPRI", "Tit For Tat"), 8, flips) == "CCDCCCCC"
    # and it punishes a partner's single defection once: (CC,CC,CD) -> D, then C
    assert play_moves(("CAPRI", Player.sequence("CCD" + "C" * 10)), 7) == "CCCDCCC"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
