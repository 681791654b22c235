"""Grudger variants, more Tit For Tat variants, cyclers, hunters, sequences and memory-two players against axelrod.

Every deterministic strategy must play axelrod's moves exactly against the default
panel, with and without pre-drawn noise flips; every stochastic one must agree
statistically. Plus: long matches for the rules that trigger late (hunters, DoubleCrosser
after round 180, counters), non-default parameters, matches of unknown length for the
strategies that read it, hand-derived sequences, and an exact tournament.
"""

import axelrod as axl
import numpy as np
import pytest
from oracle import assert_same_moves, assert_same_statistics, assert_same_tournament, axl_player

from cooptourney import get_strategy
from cooptourney.match import Match
from cooptourney.players import Player

DETERMINISTIC = [
    # grudger_variants.py
    "Aggravater", "CAPRI", "EasyGo", "Forgetful Grudger", "General Soft Grudger", "GrudgerAlternator",
    "Opposite Grudger", "Soft Grudger", "SpitefulCC",
    # tft_more.py
    "Alexei", "EugineNier", "N Tit(s) For M Tat(s)", "Slow Tit For Two Tats 2", "Sneaky Tit For Tat",
    # cycler.py
    "AntiCycler", "Cycler CCCCCD", "Cycler CCCD", "Cycler CCCDCD", "Cycler CCD", "Cycler DC", "Cycler DDC",
    # hunter.py
    "Alternator Hunter", "Cooperator Hunter", "Cycle Hunter", "Defector Hunter", "Eventual Cycle Hunter",
    "Math Constant Hunter", "Random Hunter",
    # sequences.py
    "BackStabber", "DoubleCrosser", "DoubleResurrection", "Resurrection", "ThueMorse", "ThueMorseInverse",
    "$\\phi$", "$\\pi$", "$e$",
    # memorytwo.py
    "AON2", "Delayed AON1", "MEM2",
]
STOCHASTIC = ["Burn Both Ends", "Dynamic Two Tits For Tat", "Michaelos", "Random Tit for Tat"]
USES_LENGTH = ["Alexei", "EugineNier", "Michaelos", "BackStabber", "DoubleCrosser"]

# Partners with patterns for the hunters to find, and with enough defections to keep counters busy.
LONG_PANEL = ["Random", "Alternator", "Tit For Tat", "Grudger", "Win-Stay Lose-Shift", "Cooperator", "Defector",
              "Cycler CCD", "Cycler DDC", "Cycler CCCCCD", "AntiCycler", "ThueMorse", "$\\pi$", "First by Joss",
              "Sneaky Tit For Tat"]


def _moves(players, turns, flips=None, **kw):
    m = Match(players, turns=turns, seed=0, flips=flips, **kw)
    return "".join(a for a, _ in m.play())


# -- names, classifiers, claims -----------------------------------------------------------------------

def test_names_and_classifiers_follow_axelrod():
    axl_names = {s.name for s in axl.all_strategies}
    for name in DETERMINISTIC + STOCHASTIC:
        assert name in axl_names, name
        spec = get_strategy(name)
        p = axl_player(name)
        assert spec.name == name
        assert spec.oracle == ("statistics" if name in STOCHASTIC else "moves"), name
        assert spec.stochastic == axl.Classifiers["stochastic"](p), name
        assert spec.uses_length == ("length" in axl.Classifiers["makes_use_of"](p)) == (name in USES_LENGTH), name
        assert not spec.uses_game
        # axelrod says 10; its spells chain from the first one (see test_forgetful_grudger_memory_is_unbounded)
        expected = float("inf") if name == "Forgetful Grudger" else axl.Classifiers["memory_depth"](p)
        assert spec.memory_depth == expected, name


def test_readable_aliases_of_the_constant_players():
    assert get_strategy("Golden").name == "$\\phi$"
    assert get_strategy("Pi").name == "$\\pi$"
    assert get_strategy("e").name == "$e$"


def test_go_by_majority_names_of_older_axelrod_versions_are_aliases():
    assert get_strategy("Soft Go By Majority").name == "Go By Majority"
    for n in (5, 10, 20, 40):
        assert get_strategy(f"Soft Go By Majority: {n}").name == f"Go By Majority {n}"
        assert get_strategy(f"Hard Go By Majority: {n}").name == f"Hard Go By Majority {n}"


# -- long matches -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Cycle Hunter", "Eventual Cycle Hunter", "Math Constant Hunter", "Random Hunter", "Alternator Hunter",
    "DoubleCrosser", "BackStabber", "Forgetful Grudger", "General Soft Grudger", "EugineNier", "AntiCycler",
    "ThueMorse", "$\\phi$", "$\\pi$", "$e$", "MEM2", "CAPRI", "N Tit(s) For M Tat(s)",
])
def test_same_moves_in_long_matches(name):
    # DoubleCrosser's suspended grudge ends after round 180; the hunters' windows and
    # cycle checks (every 10 moves for Eventual Cycle Hunter) keep moving
    assert_same_moves(name, opponents=LONG_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["Cycle Hunter", "Eventual Cycle Hunter", "Math Constant Hunter", "Random Hunter"])
def test_hunters_with_running_counts_in_a_1000_move_match(name):
    assert_same_moves(name, opponents=["Cycler CCCDCD", "Random", "ThueMorse", "$e$"], turns=1000,
                      noise_levels=(0.0, 0.02), seeds=(3,))


@pytest.mark.parametrize("name", ["Michaelos", "Dynamic Two Tits For Tat", "Burn Both Ends"])
def test_statistics_against_noisy_partners(name):
    # Random and Suspicious TFT give Michaelos many (D, C) rounds, i.e. many coin tosses
    assert_same_statistics(name, opponents=("Random", "Suspicious Tit For Tat", "Win-Stay Lose-Shift"), turns=60,
                           matches=200)


# -- parameters ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kw", [{"n": 2, "d": 2, "c": 3}, {"n": 3, "d": 1, "c": 1}, {"n": 0, "d": 4, "c": 2},
                                {"n": 1, "d": 6, "c": 0}], ids=str)
def test_general_soft_grudger_parameters_agree_with_axelrod(kw):
    assert_same_moves("General Soft Grudger", params=kw, axl_kwargs=kw, noise_levels=(0.0, 0.1))


@pytest.mark.parametrize("kw", [{"N": 1, "M": 1}, {"N": 1, "M": 3}, {"N": 4, "M": 1}, {"N": 0, "M": 2},
                                {"N": 2, "M": 0}], ids=str)
def test_n_tits_for_m_tats_parameters_agree_with_axelrod(kw):
    assert_same_moves("N Tit(s) For M Tat(s)", params=kw, axl_kwargs=kw, noise_levels=(0.0, 0.1))


def test_n_tits_for_m_tats_special_cases():
    partner = Player.sequence("CDDCDCCDDDCC")
    assert _moves((Player("N Tit(s) For M Tat(s)", N=1, M=1), partner), 12) == _moves(("Tit For Tat", partner), 12)
    assert _moves((Player("N Tit(s) For M Tat(s)", N=2, M=1), partner), 12) == _moves(("Two Tits For Tat", partner), 12)
    assert _moves((Player("N Tit(s) For M Tat(s)", N=1, M=2), partner), 12) == _moves(("Tit For 2 Tats", partner), 12)
    assert _moves((Player("N Tit(s) For M Tat(s)", N=3, M=0), partner), 5) == "DDDDD"


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_random_tit_for_tat_is_deterministic_at_p_0_and_1(p):
    assert_same_moves("Random Tit for Tat", params={"p": p}, axl_kwargs={"p": p}, noise_levels=(0.0, 0.1))


def test_random_tit_for_tat_probability_agrees_with_axelrod():
    assert_same_statistics("Random Tit for Tat", params={"p": 0.2}, axl_kwargs={"p": 0.2},
                           opponents=("Cooperator", "Tit For Tat"), matches=200)


# -- the match length -------------------------------------------------------------------------------------------

def _axl_moves_unknown_length(name, opponent, turns):
    """axelrod's moves with the length hidden (match attribute length = -1, as with prob_end)."""
    player, partner = axl_player(name), axl_player(opponent)
    for p in (player, partner):
        p.set_match_attributes(length=-1)
    mine, theirs = [], []
    for _ in range(turns):
        a, b = player.strategy(partner), partner.strategy(player)
        player.update_history(a, b)
        partner.update_history(b, a)
        mine.append(a.name)
        theirs.append(b.name)
    return "".join(mine), "".join(theirs)


@pytest.mark.parametrize("name", ["BackStabber", "DoubleCrosser", "Alexei", "EugineNier"])
@pytest.mark.parametrize("opponent", ["Cooperator", "Tit For Tat", "Alternator", "Grudger"])
def test_without_a_known_length_there_is_no_endgame(name, opponent):
    turns = 200
    axl_mine, axl_theirs = _axl_moves_unknown_length(name, opponent, turns)
    # a tiny prob_end hides the length; the match is still (with near certainty) 200 moves long
    m = Match((name, Player.sequence(axl_theirs)), turns=turns, prob_end=1e-12, seed=0)
    ours = "".join(a for a, _ in m.play())
    assert ours == axl_mine
    if opponent == "Cooperator":
        assert ours == "C" * turns


def test_endgame_defections_with_a_known_length():
    assert _moves(("BackStabber", "Cooperator"), 10) == "C" * 8 + "DD"
    assert _moves(("DoubleCrosser", "Cooperator"), 10) == "C" * 8 + "DD"
    assert _moves(("Alexei", "Cooperator"), 10) == "C" * 9 + "D"
    assert _moves(("EugineNier", "Cooperator"), 10) == "C" * 9 + "D"
    assert _moves(("BackStabber", "Cooperator"), 10, prob_end=1e-12) == "C" * 10


# -- readable sequences (derived by hand from the rules) --------------------------------------------------------

def test_double_crosser_suspends_its_grudge_on_rounds_8_to_180_only():
    # partner: C on rounds 1-7, then D on rounds 10, 13, 16, ...; BackStabber defects from
    # round 20 on (after the fourth D), DoubleCrosser answers only D, D pairs until round 180
    partner = Player.sequence("C" * 7 + "CCD" * 80)
    moves = _moves(("DoubleCrosser", partner), 200)
    assert moves[:180] == "C" * 180
    assert moves[180:198] == "D" * 18
    assert _moves(("BackStabber", partner), 21) == "C" * 19 + "DD"


def test_forgetful_grudger_memory_is_unbounded():
    # Two games whose rounds 3-21 are identical (both players), yet Forgetful Grudger
    # answers differently on move 22: its 10-move spells chain from where the first began.
    first = Player.sequence("D" * 15 + "C" * 10)   # spells on moves 2-11, 12-21; move 22 reads a C
    second = Player.sequence("C" + "D" * 14 + "C" * 10)  # spells on moves 3-12, 13-22
    a = _moves(("Forgetful Grudger", first), 22)
    b = _moves(("Forgetful Grudger", second), 22)
    assert a == "C" + "D" * 20 + "C"
    assert b == "CC" + "D" * 20
    assert a[21] != b[21]


def test_soft_grudger_punishes_with_dddd_cc():
    assert _moves(("Soft Grudger", Player.sequence("CD" + "C" * 20)), 10) == "CC" + "DDDDCC" + "CC"
    assert _moves(("Soft Grudger", "Defector"), 13) == "C" + "DDDDCC" * 2


def test_capri_accepts_the_punishment_for_its_own_error():
    # our third move is flipped C -> D; TFT answers it, CAPRI accepts and peace returns at once
    flips = np.zeros((2, 8), dtype=np.int8)
    flips[0, 2] = 1
    assert _moves(("CAPRI", "Tit For Tat"), 8, flips) == "CCDCCCCC"
    # and it punishes a partner's single defection once: (CC,CC,CD) -> D, then C
    assert _moves(("CAPRI", Player.sequence("CCD" + "C" * 10)), 7) == "CCCDCCC"


def test_sequences_and_cycles():
    assert _moves(("AntiCycler", "Cooperator"), 20) == "CDD" + "CD" + "CCD" + "CCCD" + "CCCCD" + "CCC"
    assert _moves(("ThueMorse", "Cooperator"), 16) == "DCCDCDDCCDDCDCCD"
    assert _moves(("ThueMorseInverse", "Cooperator"), 8) == "CDDCDCCD"
    assert _moves(("Cycler CCCDCD", "Defector"), 12) == "CCCDCD" * 2
    assert _moves(("Cycler DDC", "Defector"), 7) == "DDCDDCD"


def test_cycler_phase_ignores_noise():
    flips = np.zeros((2, 9), dtype=np.int8)
    flips[0, 1] = 1
    assert _moves(("Cycler CCD", "Cooperator"), 9, flips) == "CDD" + "CCD" * 2


def test_golden_ratio_player_against_alternator():
    # joint C:D ratio before moves 3..8: 1, 2, 1, 1.5, 1.4, 1.8 against 1.618...
    assert _moves(("$\\phi$", "Alternator"), 8) == "CDCDCCCD"
    assert _moves(("$\\pi$", "Defector"), 6) == "CCCCCC"
    assert _moves(("$e$", "Cooperator"), 5) == "CDDDD"


def test_sneaky_tit_for_tat_exploits_a_partner_that_never_defects():
    assert _moves(("Sneaky Tit For Tat", "Cooperator"), 8) == "CCDDDDDD"
    # against TFT: it defects until TFT's answer arrives, then repents (twice, as TFT
    # echoes both of its D's) and plays tit for tat
    assert _moves(("Sneaky Tit For Tat", "Tit For Tat"), 8) == "CCDDCCCC"


def test_hunters_find_their_prey():
    assert _moves(("Defector Hunter", "Defector"), 6) == "CCCCDD"
    assert _moves(("Cooperator Hunter", "Cooperator"), 6) == "CCCCDD"
    assert _moves(("Alternator Hunter", "Alternator"), 8) == "CCCCCCDD"
    # CCD has period 3; it shows twice after 6 moves
    assert _moves(("Cycle Hunter", "Cycler CCD"), 8) == "CCCCCCDD"
    assert _moves(("Cycle Hunter", "Cooperator"), 20) == "C" * 20
    assert _moves(("Cycle Hunter", "AntiCycler"), 40) == "C" * 40
    # moves 11-20 of CCD repeat with period 3: hunted from move 21 on, not before
    assert _moves(("Eventual Cycle Hunter", "Cycler CCD"), 22) == "C" * 20 + "DD"


def test_mem2_locks_into_defector_after_its_second_choice_of_it():
    # vs Defector: TFT on moves 1-2 (C, D); on move 3 rounds (C,D),(D,D) -> ALLD (1st),
    # on move 5 rounds (D,D),(D,D) -> ALLD (2nd), locked
    assert _moves(("MEM2", "Defector"), 8) == "CDDDDDDD"
    # vs Tit For Tat it stays TFT
    assert _moves(("MEM2", "Tit For Tat"), 8) == "C" * 8


def test_aon2_cooperates_only_after_even_rounds():
    # vs Defector: C, C, then (CC, DD): D; (CD, DD): D; (DD, DD): C; ...
    assert _moves(("AON2", "Defector"), 8) == "CCDDCDDC"


# -- tournament ----------------------------------------------------------------------------------------------------

def test_tournament_scores_equal_axelrod():
    assert_same_tournament(["Cycle Hunter", "Cycler CCD", "AntiCycler", "BackStabber", "DoubleCrosser", "$\\pi$",
                            "MEM2", "CAPRI", "Soft Grudger", "Alexei", "Tit For Tat"], turns=60, repetitions=1)


# The default oracle check of every claim runs once, in tests/test_oracle_library.py;
# here: every strategy of this family carries the claim it should.
@pytest.mark.parametrize("name,claim", [*[(n, "moves") for n in DETERMINISTIC], *[(n, "statistics") for n in STOCHASTIC]])
def test_every_strategy_here_carries_its_oracle_claim(name, claim):
    from cooptourney import REGISTRY

    ours = name if isinstance(name, str) else name[0]
    assert REGISTRY.get(ours).oracle == claim
