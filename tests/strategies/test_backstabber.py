"""Tests of ``strategies/backstabber.py`` (BackStabber and DoubleCrosser) against axelrod
(the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, matches of unknown
length and hand-derived sequences.
"""

import pytest
from oracle import assert_same_moves, axl_moves_unknown_length, oracle_claims_test, play_moves

from cooptourney.match import Match
from cooptourney.players import Player

DETERMINISTIC = [
    "BackStabber",
    "DoubleCrosser",
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


@pytest.mark.parametrize("name", ["DoubleCrosser", "BackStabber"])
def test_same_moves_in_long_matches(name):
    # DoubleCrosser's suspended grudge ends after round 180
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["BackStabber", "DoubleCrosser"])
@pytest.mark.parametrize("opponent", ["Cooperator", "Tit For Tat", "Alternator", "Grudger"])
def test_without_a_known_length_there_is_no_endgame(name, opponent):
    turns = 200
    axl_mine, axl_theirs = axl_moves_unknown_length(name, opponent, turns)
    # a tiny prob_end hides the length; the match is still (with near certainty) 200 moves long
    m = Match((name, Player.sequence(axl_theirs)), turns=turns, prob_end=1e-12, seed=0)
    ours = "".join(a for a, _ in m.play())
    assert ours == axl_mine
    if opponent == "Cooperator":
        assert ours == "C" * turns


def test_double_crosser_suspends_its_grudge_on_rounds_8_to_180_only():
    # partner: C on rounds 1-7, then D on rounds 10, 13, 16, ...; BackStabber defects from
    # round 20 on (after the fourth D), DoubleCrosser answers only D, D pairs until round 180
    partner = Player.sequence("C" * 7 + "CCD" * 80)
    moves = play_moves(("DoubleCrosser", partner), 200)
    assert moves[:180] == "C" * 180
    assert moves[180:198] == "D" * 18
    assert play_moves(("BackStabber", partner), 21) == "C" * 19 + "DD"


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
