"""The stage game: defaults, validation and classification (docs/model.md, "Game" and "Politics and policy")."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cooptourney import Game, classify
from cooptourney.game import GAME_CLASSES

PD = "Prisoner's Dilemma"


# -- defaults and validation -------------------------------------------------------------


def test_defaults_are_axelrods_payoffs():
    g = Game()
    assert (g.R, g.S, g.T, g.P) == (3.0, 0.0, 5.0, 1.0)
    assert g.classification == PD
    assert g.is_prisoners_dilemma


def test_as_array_indexing_matches_outcomes():
    # index = 2 * own move + partner move with C = 0, D = 1: CC -> R, CD -> S, DC -> T, DD -> P
    g = Game(3, 0, 5, 1)
    assert g.score(0, 0) == 3 and g.score(0, 1) == 0 and g.score(1, 0) == 5 and g.score(1, 1) == 1
    np.testing.assert_array_equal(g.as_array(), [3.0, 0.0, 5.0, 1.0])


def test_parse_reads_R_S_T_P_in_order():
    assert Game.parse("4,0,6,2") == Game(4, 0, 6, 2)
    assert Game.parse(" 3; 0; 5; 1 ") == Game()
    assert Game.parse("3 0 5 1") == Game()


@pytest.mark.parametrize("bad", ["a", None, [3], "3", True])
def test_non_numbers_rejected_with_the_payoff_named(bad):
    with pytest.raises(ValueError, match=r"payoff R must be a number"):
        Game(bad, 0, 5, 1)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("which", ["R", "S", "T", "P"])
def test_non_finite_rejected_with_the_payoff_named(which, bad):
    kwargs = {"R": 3, "S": 0, "T": 5, "P": 1, which: bad}
    with pytest.raises(ValueError, match=rf"payoff {which} must be finite"):
        Game(**kwargs)


def test_all_equal_payoffs_rejected():
    with pytest.raises(ValueError, match=r"every outcome equal.*at least two different payoffs"):
        Game(2, 2, 2, 2)


def test_numpy_numbers_are_accepted_and_stored_as_float():
    g = Game(np.int64(3), np.float32(0), 5, np.float64(1))
    assert all(type(v) is float for v in (g.R, g.S, g.T, g.P))


# -- classification (docs/model.md, "Game") ----------------------------------------------------


@pytest.mark.parametrize(
    "R,S,T,P,expected",
    [
        (3, 0, 5, 1, PD),  # 5 > 3 > 1 > 0 and 6 > 5
        (2, -1, 4, 0, PD),  # 4 > 2 > 0 > -1 and 4 > 3
        (3, 0, 7, 1, "other"),  # PD ordering but 2R = 6 < T + S = 7: alternating beats mutual C
        (3, 1, 5, 0, "Chicken"),  # T 5 > R 3 > S 1 > P 0
        (4, 0, 3, 1, "Stag Hunt"),  # R 4 > T 3 > P 1 > S 0
        (5, 3, 4, 1, "Harmony"),  # R 5 > T 4 and S 3 > P 1
        (4, 2, 1, 0, "Harmony"),  # cooperation dominant
        (2, 0, 5, 3, "Deadlock"),  # T 5 > P 3 > R 2 > S 0
        (1, 0, 2, 1, "zero-sum-like"),  # R = P
        (0, -5, 5, 0, "zero-sum-like"),  # the k = 1 transform of 3,0,5,1
    ],
)
def test_classification_examples(R, S, T, P, expected):
    assert classify(R, S, T, P) == expected
    g = Game(R, S, T, P)
    assert g.classification == expected
    assert g.is_prisoners_dilemma == (expected == PD)
    assert expected in str(g)


def test_every_named_class_is_reachable():
    examples = {
        classify(*x)
        for x in [(3, 0, 5, 1), (3, 1, 5, 0), (4, 0, 3, 1), (5, 3, 4, 1), (2, 0, 5, 3), (1, 0, 2, 1), (3, 0, 7, 1)]
    }
    assert examples == set(GAME_CLASSES)


# -- the relative-gains transform (docs/model.md, "Politics and policy") -----------------------------------------


def transformed(k, R=3.0, S=0.0, T=5.0, P=1.0):
    """U_i = pi_i - k pi_j: T' = T - kS, R' = (1-k)R, P' = (1-k)P, S' = S - kT."""
    return (1 - k) * R, S - k * T, T - k * S, (1 - k) * P


@pytest.mark.parametrize(
    "k,expected",
    [
        # PD for -1/4 < k < 1
        (-0.2, PD),
        (-0.1, PD),
        (0.0, PD),
        (0.3, PD),
        (0.5, PD),
        (0.9, PD),
        # Chicken for -2/3 < k < -1/4
        (-0.3, "Chicken"),
        (-0.45, "Chicken"),
        (-0.6, "Chicken"),
        # Harmony for k < -2/3
        (-0.7, "Harmony"),
        (-1.0, "Harmony"),
        (-3.0, "Harmony"),
        # zero-sum-like at k = 1
        (1.0, "zero-sum-like"),
        # Deadlock for k > 1
        (1.1, "Deadlock"),
        (2.0, "Deadlock"),
        (10.0, "Deadlock"),
    ],
)
def test_transformed_default_game_classes(k, expected):
    assert Game(*transformed(k)).classification == expected


@st.composite
def _pd_games(draw):
    """Integer PD games built from gaps: S < P = S+a < R = P+b < T = R+c with c < a+b (2R > T+S)."""
    S = draw(st.integers(-6, 6))
    a = draw(st.integers(1, 6))
    b = draw(st.integers(1, 6))
    c = draw(st.integers(1, a + b - 1))
    P = S + a
    R = P + b
    return R, S, R + c, P


@settings(max_examples=60, deadline=None)
@given(game=_pd_games(), k_num=st.integers(-400, 400))
def test_transformed_pd_iff_general_formula(game, k_num):
    """PD iff -min((T-R)/(R-S), (P-S)/(T-P)) < k < 1, checked exactly with rationals."""
    R, S, T, P = game
    k = Fraction(k_num, 100)
    lower = -min(Fraction(T - R, R - S), Fraction(P - S, T - P))
    Rp, Sp, Tp, Pp = transformed(k, *map(Fraction, (R, S, T, P)))
    expected = lower < k < 1
    # exact rational classification...
    assert (classify(Rp, Sp, Tp, Pp) == PD) == expected
    # ...and through Game's floats, away from the boundaries
    assume(abs(k - lower) > Fraction(1, 1000) and abs(k - 1) > Fraction(1, 1000))
    g = Game(*(float(x) for x in (Rp, Sp, Tp, Pp)))
    assert g.is_prisoners_dilemma == expected
