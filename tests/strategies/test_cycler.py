"""Tests of ``strategies/cycler.py`` (the cyclers) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches and the phase under
noise.
"""

import numpy as np
import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves

DETERMINISTIC = [
    "AntiCycler",
    "Cycler CCCCCD",
    "Cycler CCCD",
    "Cycler CCCDCD",
    "Cycler CCD",
    "Cycler DC",
    "Cycler DDC",
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


@pytest.mark.parametrize("name", ["AntiCycler"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


def test_cycler_phase_ignores_noise():
    flips = np.zeros((2, 9), dtype=np.int8)
    flips[0, 1] = 1
    assert play_moves(("Cycler CCD", "Cooperator"), 9, flips) == "CDD" + "CCD" * 2


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
