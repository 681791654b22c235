"""Tests of ``strategies/titfortat.py`` (the Tit For Tat family, Gradual included) against
axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches, parameters, matches
of unknown length, hand-derived sequences and the published Gradual scores of Beaufils,
Delahaye & Mathieu (1997).
"""

import axelrod as axl
import numpy as np
import pytest
from oracle import (
    assert_same_moves,
    assert_same_statistics,
    axl_moves_unknown_length,
    axl_player,
    oracle_claims_test,
    play_moves,
)

from cooptourney.match import Match
from cooptourney.players import Player

DETERMINISTIC = [
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Tit For 2 Tats",
    "Two Tits For Tat",
    "Anti Tit For Tat",
    "Bully",
    "Alexei",
    "EugineNier",
    "N Tit(s) For M Tat(s)",
    "Slow Tit For Two Tats 2",
    "Sneaky Tit For Tat",
    "Hard Tit For Tat",
    "Hard Tit For 2 Tats",
    "Contrite Tit For Tat",
    "Omega TFT",
    "Spiteful Tit For Tat",
    "Adaptive Tit For Tat",
    "Gradual",
    "Original Gradual",
]
STOCHASTIC = [
    "Burn Both Ends",
    "Dynamic Two Tits For Tat",
    "Michaelos",
    "Random Tit for Tat",
]

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

# Partners with patterns for the hunters to find, and with enough defections to keep counters busy.
PATTERNED_PANEL = [
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


@pytest.mark.parametrize(
    "name",
    [
        "Gradual",
        "Original Gradual",
        "Omega TFT",
        "Adaptive Tit For Tat",
        "Contrite Tit For Tat",
    ],
)
def test_same_moves_in_long_matches(name):
    # punishments of Gradual grow with the match; Adaptive TFT's image reaches 1.0 after
    # 53 cooperations
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["EugineNier", "N Tit(s) For M Tat(s)"])
def test_same_moves_in_long_matches_against_patterned_partners(name):
    assert_same_moves(name, opponents=PATTERNED_PANEL, turns=250, noise_levels=(0.0, 0.05), seeds=(0,))


@pytest.mark.parametrize("name", ["Michaelos", "Dynamic Two Tits For Tat", "Burn Both Ends"])
def test_statistics_against_noisy_partners(name):
    # Random and Suspicious TFT give Michaelos many (D, C) rounds, i.e. many coin tosses
    assert_same_statistics(
        name, opponents=("Random", "Suspicious Tit For Tat", "Win-Stay Lose-Shift"), turns=60, matches=200
    )


@pytest.mark.parametrize(
    "kw",
    [{"deadlock_threshold": 1, "randomness_threshold": 4}, {"deadlock_threshold": 5, "randomness_threshold": 12}],
    ids=str,
)
def test_omega_tft_thresholds_agree_with_axelrod(kw):
    assert_same_moves("Omega TFT", params=kw, axl_kwargs=kw, noise_levels=(0.0, 0.1))


@pytest.mark.parametrize("rate", [0.1, 0.3, 0.8])
def test_adaptive_tft_rate_agrees_with_axelrod(rate):
    assert_same_moves("Adaptive Tit For Tat", params={"rate": rate}, axl_kwargs={"rate": rate}, noise_levels=(0.0, 0.1))


@pytest.mark.parametrize(
    "kw", [{"N": 1, "M": 1}, {"N": 1, "M": 3}, {"N": 4, "M": 1}, {"N": 0, "M": 2}, {"N": 2, "M": 0}], ids=str
)
def test_n_tits_for_m_tats_parameters_agree_with_axelrod(kw):
    assert_same_moves("N Tit(s) For M Tat(s)", params=kw, axl_kwargs=kw, noise_levels=(0.0, 0.1))


def test_n_tits_for_m_tats_special_cases():
    partner = Player.sequence("CDDCDCCDDDCC")
    assert play_moves((Player("N Tit(s) For M Tat(s)", N=1, M=1), partner), 12) == play_moves(
        ("Tit For Tat", partner), 12
    )
    assert play_moves((Player("N Tit(s) For M Tat(s)", N=2, M=1), partner), 12) == play_moves(
        ("Two Tits For Tat", partner), 12
    )
    assert play_moves((Player("N Tit(s) For M Tat(s)", N=1, M=2), partner), 12) == play_moves(
        ("Tit For 2 Tats", partner), 12
    )
    assert play_moves((Player("N Tit(s) For M Tat(s)", N=3, M=0), partner), 5) == "DDDDD"


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_random_tit_for_tat_is_deterministic_at_p_0_and_1(p):
    assert_same_moves("Random Tit for Tat", params={"p": p}, axl_kwargs={"p": p}, noise_levels=(0.0, 0.1))


def test_random_tit_for_tat_probability_agrees_with_axelrod():
    assert_same_statistics(
        "Random Tit for Tat",
        params={"p": 0.2},
        axl_kwargs={"p": 0.2},
        opponents=("Cooperator", "Tit For Tat"),
        matches=200,
    )


@pytest.mark.parametrize("name", ["Alexei", "EugineNier"])
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


def test_sneaky_tit_for_tat_exploits_a_partner_that_never_defects():
    assert play_moves(("Sneaky Tit For Tat", "Cooperator"), 8) == "CCDDDDDD"
    # against TFT: it defects until TFT's answer arrives, then repents (twice, as TFT
    # echoes both of its D's) and plays tit for tat
    assert play_moves(("Sneaky Tit For Tat", "Tit For Tat"), 8) == "CCDDCCCC"


def test_the_two_gradual_readings_against_a_defector():
    # Original Gradual: the n-th offence costs n defections, then C, C
    assert play_moves(("Original Gradual", "Defector"), 13) == "CDCCDDCCDDDCC"
    # Gradual (CRISTAL-SMAC): each punishment is as long as all defections so far (1, 4, 10)
    assert play_moves(("Gradual", "Defector"), 22) == "CDCC" + "DDDD" + "CC" + "D" * 10 + "CC"


def test_contrite_tft_apologises_for_its_own_noisy_defection():
    # Our move 3 is flipped C -> D; TFT answers with D on move 4. Plain TFT would echo
    # it back; Contrite TFT cooperates twice and the echo dies.
    flips = np.zeros((2, 8), dtype=np.int8)
    flips[0, 2] = 1
    assert play_moves(("Tit For Tat", "Tit For Tat"), 8, flips) == "CCDCDCDC"
    assert play_moves(("Contrite Tit For Tat", "Tit For Tat"), 8, flips) == "CCDCCCCC"


def test_adaptive_tft_forgives_a_defection_after_53_cooperations():
    # the image w = 1 - 2^-(k+1) after k cooperations rounds to exactly 1.0 at k = 53
    for k, reply in ((52, "D"), (53, "C")):
        partner = Player.sequence("C" * k + "DD")
        moves = play_moves(("Adaptive Tit For Tat", partner), k + 3)
        assert moves == "C" * (k + 1) + reply + "D"


# Gradual's scores in 1000-move matches, Beaufils, Delahaye & Mathieu (1997), "Our
# meeting with gradual", Artificial Life V. axelrod's "Original Gradual" reproduces
# all six; its "Gradual" (the CRISTAL-SMAC reading) all but the one against Defector.
BEAUFILS_1997 = {
    "Cooperator": 3000,
    "Defector": 915,
    "Tit For Tat": 3000,
    "Grudger": 3000,
    "Suspicious Tit For Tat": 2996,
    "Win-Stay Lose-Shift": 3000,
}


@pytest.mark.parametrize("opponent", list(BEAUFILS_1997))
def test_original_gradual_scores_as_published(opponent):
    m = Match(("Original Gradual", opponent), turns=1000, seed=0)
    assert m.scores()[0] == BEAUFILS_1997[opponent]
    am = axl.Match((axl_player("Original Gradual"), axl_player(opponent)), turns=1000)
    am.play()
    assert am.final_score()[0] == BEAUFILS_1997[opponent]


def test_cristal_gradual_departs_from_the_paper_only_against_defector():
    for opponent, published in BEAUFILS_1997.items():
        ours = Match(("Gradual", opponent), turns=1000, seed=0).scores()[0]
        am = axl.Match((axl_player("Gradual"), axl_player(opponent)), turns=1000)
        am.play()
        assert ours == am.final_score()[0]
        if opponent == "Defector":
            # punishments of 1, 4, 10, 22, ... defections: 983, not 915 (axelrod issue 1294)
            assert ours == 983
        else:
            assert ours == published


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
