"""Tests of ``strategies/lookerup.py`` (the lookup tables) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches and sequences
derived by hand from the tables.
"""

import pytest
from oracle import assert_same_moves, oracle_claims_test

from cooptourney.match import Match
from cooptourney.players import Player

DETERMINISTIC = [
    "EvolvedLookerUp1_1_1",
    "EvolvedLookerUp2_2_2",
    "Winner12",
    "Winner21",
]
STOCHASTIC = []

LONG_PANEL = [
    "Cooperator",
    "Random",
    "Alternator",
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "GTFT",
    "Bully",
    "First by Joss",
    "First by Tideman and Chieruzzi",
]


@pytest.mark.parametrize("name", ["EvolvedLookerUp2_2_2"])
def test_same_moves_in_long_matches(name):
    # the networks read the round number and running counts, which only grow late
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05, 0.3), seeds=(0,))


def _moves(a, b, turns, flips=None):
    return "".join(x for x, _ in Match((a, b), turns=turns, seed=0, flips=flips).play())


def test_winner21_opens_d_c_and_winner12_plays_tft_after_its_c():
    assert _moves("Winner21", "Cooperator", 5) == "DCCCC"
    assert _moves("Winner21", "Defector", 5) == "DCDDD"
    # after its own D, Winner12 cooperates only after the partner's C, D (move 7)
    assert _moves("Winner12", Player.sequence("CCDCCD"), 8) == "CCCDDDCD"


def test_evolved_lookerup_1_1_1_is_a_grudger_against_a_c_opener():
    assert _moves("EvolvedLookerUp1_1_1", Player.sequence("CCDC"), 8) == "CCCDDDDD"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
