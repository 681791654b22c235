"""Tests of ``strategies/mathematicalconstants.py`` (the mathematical-constant players)
against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, aliases and
hand-derived sequences.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test, play_moves

from cooptourney import get_strategy

DETERMINISTIC = [
    "$\\phi$",
    "$\\pi$",
    "$e$",
]
STOCHASTIC = []


def test_readable_aliases_of_the_constant_players():
    assert get_strategy("Golden").name == "$\\phi$"
    assert get_strategy("Pi").name == "$\\pi$"
    assert get_strategy("e").name == "$e$"


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


@pytest.mark.parametrize("name", ["$\\phi$", "$\\pi$", "$e$"])
def test_same_moves_in_long_matches(name):
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


def test_golden_ratio_player_against_alternator():
    # joint C:D ratio before moves 3..8: 1, 2, 1, 1.5, 1.4, 1.8 against 1.618...
    assert play_moves(("$\\phi$", "Alternator"), 8) == "CDCDCCCD"
    assert play_moves(("$\\pi$", "Defector"), 6) == "CCCCCC"
    assert play_moves(("$e$", "Cooperator"), 5) == "CDDDD"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
