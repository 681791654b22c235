"""Tests of ``strategies/standing.py`` (Contrite Tit For Tat with standing), a strategy no
other library has (docs/model.md, "Reciprocity").

Its behaviour is pinned move by move: every expected sequence below is derived by hand
from the rule in the strategy's docstring; the derivation is in the comment above it.
"""

import numpy as np

from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.tournament import Tournament


def play(a, b, turns, flips=None, **kw):
    m = Match((a, b), turns=turns, flips=flips, seed=1, **kw)
    m.play()
    return "".join("CD"[x] for x in m.moves[:, 0]), "".join("CD"[x] for x in m.moves[:, 1]), m


def test_standing_ctft_recovers_from_a_flip_in_two_turns():
    # A's C flipped to D at t3: A in bad standing. t4: A contrite -> C; B punishes -> D (justified,
    # B stays good). t5: both good -> CC for good.
    flips = np.zeros((2, 12), dtype=np.int8)
    flips[0, 3] = 1
    a, b, _ = play("Contrite Tit For Tat (standing)", "Contrite Tit For Tat (standing)", 12, flips)
    assert a == "CCCDCCCCCCCC"
    assert b == "CCCCDCCCCCCC"


def test_tft_echoes_where_standing_ctft_recovers():
    flips = np.zeros((2, 30), dtype=np.int8)
    flips[0, 3] = 1
    a, b, _ = play("Tit For Tat", "Tit For Tat", 30, flips)
    assert a[4:] == "CD" * 13 and b[4:] == "DC" * 13


def test_standing_ctft_punishes_an_unjustified_defection_once():
    # Partner defects once at t2 (bad standing) -> CTFT defects once at t3 (justified) and the
    # partner's C at t3 restores its standing -> back to C.
    mine, _, _ = play("Standing CTFT", Player.sequence("CCDCCCC"), 7)
    assert mine == "CCCDCCC"
    # A defector stays in bad standing: CTFT keeps punishing and stays in good standing.
    mine, _, _ = play("Standing CTFT", "Defector", 6)
    assert mine == "CDDDDD"


def test_standing_ctft_beats_tft_under_noise_in_self_play():
    r = Tournament(["Standing CTFT", "Tit For Tat"], turns=500, noise=0.01, repetitions=20, seed=3).play()
    pm = r.payoff_matrix
    assert pm[0, 0] > pm[1, 1] + 0.3  # self-play: CTFT ~ 2.9+, TFT ~ 2.25 in the long run
