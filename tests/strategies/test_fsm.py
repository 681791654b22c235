"""Tests of ``strategies/fsm.py`` (the finite state machines) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, the transition
tables in the docstrings and sequences derived by hand from Ashlock's tables.
"""

import re

import pytest
from oracle import assert_same_moves, oracle_claims_test

from cooptourney import get_strategy
from cooptourney.match import Match
from cooptourney.players import Player

DETERMINISTIC = [
    "Evolved FSM 16",
    "Evolved FSM 16 Noise 05",
    "Evolved FSM 4",
    "Evolved FSM 6",
    "Fortress3",
    "Fortress4",
    "Predator",
    "Pun1",
    "Raider",
    "Ripoff",
    "SolutionB1",
    "SolutionB5",
    "TF1",
    "TF2",
    "TF3",
    "Thumper",
    "UsuallyCooperates",
    "UsuallyDefects",
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


@pytest.mark.parametrize("name", ["Evolved FSM 16", "TF1", "Predator", "SolutionB5"])
def test_same_moves_in_long_matches(name):
    # the networks read the round number and running counts, which only grow late
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05, 0.3), seeds=(0,))


def _moves(a, b, turns, flips=None):
    return "".join(x for x, _ in Match((a, b), turns=turns, seed=0, flips=flips).play())


def test_fortress3_opens_for_the_dd_password_only():
    # 1 -D-> 2 -D-> 3 plays C; 3 -D-> 1: the cycle D, D, C against a defector
    assert _moves("Fortress3", "Defector", 9) == "DDC" * 3
    assert _moves("Fortress3", "Cooperator", 6) == "DDDDDD"
    # after the password, it cooperates while the partner does
    assert _moves("Fortress3", Player.sequence("DDCCCD"), 8) == "DDCCCCDD"


def test_pun1_cooperates_on_alternate_moves_and_copies_in_between():
    assert _moves("Pun1", "Alternator", 8) == "DCDCDCDC"  # copies the partner's D on moves 3, 5, 7
    assert _moves("Pun1", "Defector", 6) == "DCDCDC"
    assert _moves("Pun1", "Cooperator", 5) == "DCCCC"


def test_thumper_answers_one_defection_with_two():
    assert _moves("Thumper", Player.sequence("CDCCCC"), 6) == "CCDDCC"
    # a defection seen in state 2 is not counted
    assert _moves("Thumper", Player.sequence("CDDCCC"), 6) == "CCDDCC"


def test_ripoff_alternates_until_it_is_punished():
    assert _moves("Ripoff", "Cooperator", 6) == "DCDCDC"
    # first defection (move 3): C, then Tit For Tat for good
    assert _moves("Ripoff", Player.sequence("CCDCDC"), 7) == "DCDCCDC"


def test_raider_settles_into_tit_for_tat_after_two_defections_in_a_raid():
    assert _moves("Raider", "Cooperator", 5) == "DDDDD"
    # state 0 reads nothing; the D, D of moves 2 and 3 (read in states 2 and 3) give
    # C, C, and from then on Tit For Tat (C, C, D after the partner's C, C, D)
    assert _moves("Raider", Player.sequence("DDDCCD"), 7) == "DDCCCCD"


def test_solution_b1_cooperates_for_ever_after_the_first_cooperation():
    assert _moves("SolutionB1", Player.sequence("DDCDDD"), 7) == "DDDDCCC"


def test_usually_cooperates_and_usually_defects():
    assert _moves("UsuallyCooperates", Player.sequence("DCDDCC"), 7) == "CCDCCCC"
    assert _moves("UsuallyDefects", Player.sequence("CDCCCC"), 7) == "DDCDDDD"


_TRANSITION = re.compile(r"(\d+): C -> (\d+)/([CD]), D -> (\d+)/([CD])")


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_docstring_transitions_are_the_table(name):
    from cooptourney.strategies.fsm import trained_tables

    machine = trained_tables("fsm.json")[name]
    doc = " ".join(get_strategy(name).doc.split())
    listed = _TRANSITION.findall(doc)
    if not listed:
        assert "data/fsm.json" in doc  # the 16-state machines are not spelt out
        return
    rows = sorted([s, a, s2, m] for s, s2c, ac, s2d, ad in listed for a, s2, m in (("C", s2c, ac), ("D", s2d, ad)))
    assert [[int(s), a, int(s2), m] for s, a, s2, m in rows] == machine["transitions"]
    opening = re.search(r"Opens with ([CD]) in state (\d+)", doc)
    assert opening.groups() == (machine["initial_action"], str(machine["initial_state"]))


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
