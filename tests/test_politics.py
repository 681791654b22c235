"""The politics/policy payoff transformer and its analysis (docs/model.md, "Politics and policy").

Expected values come from docs/model.md or from hand derivation at the default payoffs
R, S, T, P = 3, 0, 5, 1, written next to each check.
"""

import itertools
import math
import re
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cooptourney.cli import main
from cooptourney.game import Game
from cooptourney.markov import expected_payoffs
from cooptourney.politics import (
    PRESETS,
    ActorProfile,
    Politicization,
    Transformer,
    analyse,
    classify_perceived,
    effective,
    grim_threshold,
    gtft_generosity,
    pd_k_range,
    perceived_game,
    perceived_payoffs,
    tft_threshold,
)
from cooptourney.settings import SettingsError

PD = "Prisoner's Dilemma"
DEFAULT = Game()  # 3, 0, 5, 1
NO_BRAKE = {"kappa": 0.0, "rho": 0.0}  # the accelerator alone


def k_actor(k, **kw):
    return ActorProfile(k=k, **kw)


# -- defaults reproduce the plain game ------------------------------------------------------


def test_default_knobs():
    p = ActorProfile()
    assert (p.k, p.sensitivity, p.term, p.reelection, p.memory, p.ratification_failure) == (0.0, 1.0, 0, 1.0, 1.0, 0.0)
    pol = Politicization()
    assert (pol.s, pol.theta, pol.kappa, pol.rho) == (0.0, 2.0, 0.5, 0.1)


@pytest.mark.parametrize("game", [Game(), Game(4, 1, 6, 2), Game(4, 0, 3, 1), Game(-1, -3, 2, 0.5)])
def test_defaults_give_the_plain_game_back_exactly(game):
    t = Transformer()
    arrays = t.kernel_arrays(game, 3)
    np.testing.assert_array_equal(arrays["perceived"], np.tile(game.as_array(), (3, 1)))
    np.testing.assert_array_equal(arrays["fail"], np.zeros(3))
    np.testing.assert_array_equal(arrays["term"], np.zeros(3, dtype=np.int64))  # no elections
    np.testing.assert_array_equal(arrays["reelection"], np.ones(3))
    np.testing.assert_array_equal(arrays["memory"], np.ones(3))
    assert perceived_game(game, ActorProfile()) == game
    assert classify_perceived(game, ActorProfile()) == game.classification
    assert effective(ActorProfile(), Politicization(), game) == {"s_i": 0.0, "k": 0.0, "q": 0.0, "P": game.P}
    assert t.is_neutral(game)


def test_kernel_arrays_types_and_shapes():
    arrays = Transformer("politician").kernel_arrays(DEFAULT, 4)
    assert set(arrays) == {"perceived", "fail", "term", "reelection", "memory"}
    assert arrays["perceived"].shape == (4, 4) and arrays["perceived"].dtype == np.float64
    for name, dtype in [("fail", np.float64), ("term", np.int64), ("reelection", np.float64), ("memory", np.float64)]:
        assert arrays[name].shape == (4,) and arrays[name].dtype == dtype
    assert all(a.flags.c_contiguous for a in arrays.values())
    # the politician at s = 0: k = 0.3 -> (2.1, -1.5, 5, 0.7); q = 0.02; term 50; re-election 0.5; memory 0
    np.testing.assert_allclose(arrays["perceived"][2], [2.1, -1.5, 5.0, 0.7])
    np.testing.assert_allclose(arrays["fail"], 0.02)
    assert arrays["term"].tolist() == [50] * 4
    assert arrays["reelection"].tolist() == [0.5] * 4 and arrays["memory"].tolist() == [0.0] * 4


@pytest.mark.parametrize(
    "transformer",
    [
        Transformer(ActorProfile(k=0.1)),
        Transformer(ActorProfile(k=-0.1)),
        Transformer(ActorProfile(ratification_failure=0.01)),
        Transformer(ActorProfile(term=10, reelection=0.5)),
        Transformer(ActorProfile(), Politicization(s=0.5)),  # brake and accelerator reach sensitivity 1
        Transformer(ActorProfile(), Politicization(s=0.5, kappa=0.0, theta=0.0)),  # only rho: q' = 0.05
        Transformer((ActorProfile(), ActorProfile(k=0.2))),  # one player is enough
    ],
)
def test_anything_that_changes_play_is_not_neutral(transformer):
    assert not transformer.is_neutral(DEFAULT)


@pytest.mark.parametrize(
    "transformer",
    [
        Transformer(ActorProfile(term=10, reelection=1.0)),  # elections the incumbent always wins
        Transformer(ActorProfile(sensitivity=0.0), Politicization(s=1.0)),  # politicization never arrives
        Transformer(ActorProfile(), Politicization(s=1.0, theta=0.0, kappa=0.0, rho=0.0)),
        Transformer((ActorProfile(), "neutral")),
    ],
)
def test_settings_that_change_nothing_are_neutral(transformer):
    assert transformer.is_neutral(DEFAULT)


# -- the transformed payoffs -------------------------------------------------------------------


@pytest.mark.parametrize("k", [-2.0, -0.5, -0.25, 0.0, 0.3, 0.5, 1.0, 1.5])
def test_transformed_payoffs_at_defaults(k):
    # T' = T - kS, R' = (1-k)R, P' = (1-k)P, S' = S - kT at 3, 0, 5, 1
    g = perceived_game(DEFAULT, k_actor(k))
    assert pytest.approx(5 - k * 0) == g.T
    assert pytest.approx((1 - k) * 3) == g.R
    assert pytest.approx((1 - k) * 1) == g.P
    assert pytest.approx(0 - k * 5) == g.S


def test_transformed_payoffs_hand_values():
    assert perceived_game(DEFAULT, k_actor(0.5)) == Game(1.5, -2.5, 5, 0.5)
    assert perceived_game(DEFAULT, k_actor(1.0)) == Game(0, -5, 5, 0)
    assert perceived_game(DEFAULT, k_actor(-1.0)) == Game(6, 5, 5, 2)


_payoff = st.integers(-10, 10)
_k = st.integers(-300, 300).map(lambda n: n / 100)
_s = st.integers(0, 4).map(lambda n: n / 4)


@settings(max_examples=80, deadline=None)
@given(R=_payoff, S=_payoff, T=_payoff, P=_payoff, k=_k, s=_s, sens=st.sampled_from([0.0, 0.5, 1.0, 2.0]))
def test_perceived_is_own_minus_k_times_partner(R, S, T, P, k, s, sens):
    """U_i(x, y) = pi'(x, y) - k' pi'(y, x), with pi' the game with P -> P - s_i * theta."""
    assume(len({R, S, T, P}) > 1)
    game = Game(R, S, T, P)
    pol = Politicization(s=s, theta=1.5, kappa=0.25, rho=0.1)
    s_i = sens * s
    k_eff = k + s_i * 0.25
    material = np.array([R, S, T, P - s_i * 1.5], dtype=float)  # pi' indexed 2 * own + partner
    got = perceived_payoffs(game, ActorProfile(k=k, sensitivity=sens), pol)
    for x in (0, 1):
        for y in (0, 1):
            assert got[2 * x + y] == pytest.approx(material[2 * x + y] - k_eff * material[2 * y + x], abs=1e-12)


# -- classes of the transformed default game ---------------------------------------------------


@pytest.mark.parametrize(
    "k,expected",
    [
        (-0.2, PD),
        (-0.1, PD),
        (0.0, PD),
        (0.3, PD),
        (0.5, PD),
        (0.9, PD),
        (0.99, PD),  # -1/4 < k < 1
        (-0.26, "Chicken"),
        (-0.45, "Chicken"),
        (-0.66, "Chicken"),  # -2/3 < k < -1/4
        (-0.67, "Harmony"),
        (-1.0, "Harmony"),
        (-3.0, "Harmony"),  # k < -2/3
        (1.0, "zero-sum-like"),  # k = 1
        (1.01, "Deadlock"),
        (2.0, "Deadlock"),
        (10.0, "Deadlock"),  # k > 1
    ],
)
def test_classes_of_the_transformed_default_game(k, expected):
    assert classify_perceived(DEFAULT, k_actor(k)) == expected


def test_pd_k_range_at_defaults():
    # -min((T-R)/(R-S), (P-S)/(T-P)) = -min(2/3, 1/4) = -1/4
    assert pd_k_range(DEFAULT) == pytest.approx((-0.25, 1.0))


@st.composite
def _pd_games(draw):
    """Integer PD games from gaps: S < P = S+a < R = P+b < T = R+c with c < a+b (2R > T+S)."""
    S = draw(st.integers(-6, 6))
    a, b = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    c = draw(st.integers(1, a + b - 1))
    P = S + a
    R = P + b
    return R, S, R + c, P


@settings(max_examples=80, deadline=None)
@given(game=_pd_games(), k_num=st.integers(-400, 400))
def test_pd_k_range_is_the_general_formula_and_matches_classification(game, k_num):
    R, S, T, P = game
    lower = -min(Fraction(T - R, R - S), Fraction(P - S, T - P))
    low, high = pd_k_range(Game(*game))
    assert low == pytest.approx(float(lower), abs=1e-12) and high == 1.0
    k = k_num / 100
    assume(abs(k - float(lower)) > 1e-6 and abs(k - 1) > 1e-6)
    assert (classify_perceived(Game(*game), k_actor(k)) == PD) == (float(lower) < k < 1)


@settings(max_examples=150, deadline=None)
@given(R=_payoff, S=_payoff, T=_payoff, P=_payoff, k_num=st.integers(-500, 500))
def test_pd_k_range_is_exact_for_any_game(R, S, T, P, k_num):
    """Beyond PDs the interval comes from the four inequalities; classification must agree."""
    assume(len({R, S, T, P}) > 1)
    # 2R = T + S is a boundary for every k ((1-k)(2R - T - S) = 0): rounding decides it
    assume(2 * R != T + S)
    game = Game(R, S, T, P)
    low, high = pd_k_range(game)
    k = k_num / 100
    is_pd = classify_perceived(game, k_actor(k)) == PD
    if math.isnan(low):
        assert math.isnan(high) and not is_pd
        return
    assume(abs(k - low) > 1e-6 and abs(k - high) > 1e-6)
    assert is_pd == (low < k < high)


def test_pd_k_range_beyond_pds():
    # Deadlock 2, 0, 5, 3 turns into a PD for k > 1: at k = 2 it is (-2, -10, 5, -3)
    low, high = pd_k_range(Game(2, 0, 5, 3))
    assert low == pytest.approx(1.0) and high == math.inf
    assert classify_perceived(Game(2, 0, 5, 3), k_actor(2.0)) == PD
    # Stag Hunt 4, 0, 3, 1: T' > R' needs 4k > 1, R' > P' and 2R' > T' + S' need k < 1,
    # P' > S' needs 2k > -1: a PD for 1/4 < k < 1 (k = 0.5: 2, -1.5, 3, 0.5)
    assert pd_k_range(Game(4, 0, 3, 1)) == pytest.approx((0.25, 1.0))
    assert classify_perceived(Game(4, 0, 3, 1), k_actor(0.5)) == PD
    # Harmony 2, 3, 1, 0: T' > R' needs -k > 1 (k < -1) but P' > S' needs k > 3: never
    assert all(math.isnan(x) for x in pd_k_range(Game(2, 3, 1, 0)))


# -- shadow of the future ---------------------------------------------------------------------


@pytest.mark.parametrize("k,expected", [(0.0, 2 / 3), (0.5, 0.875), (1.0, 1.0)])
def test_tft_threshold_under_the_transformer(k, expected):
    # k = 0.5: (1.5, -2.5, 5, 0.5): max(3.5/4.5, 3.5/4) = 0.875; k = 1: (0, -5, 5, 0): max(1, 1) = 1
    assert tft_threshold(perceived_game(DEFAULT, k_actor(k))) == pytest.approx(expected, abs=1e-12)


def test_published_thresholds_at_defaults():
    assert tft_threshold(DEFAULT) == pytest.approx(2 / 3)  # max(2/4, 2/3)
    assert grim_threshold(DEFAULT) == pytest.approx(0.5)  # (5-3)/(5-1)
    assert gtft_generosity(DEFAULT) == pytest.approx(1 / 3)  # min(1 - 2/3, 2/4)
    assert tft_threshold((3, 0, 5, 1)) == pytest.approx(2 / 3)  # tuples work too


def test_threshold_conventions_outside_pds():
    assert tft_threshold(perceived_game(DEFAULT, k_actor(2.0))) == math.inf  # Deadlock: R' < P'
    assert grim_threshold(perceived_game(DEFAULT, k_actor(2.0))) == math.inf
    assert tft_threshold(perceived_game(DEFAULT, k_actor(-1.0))) == 0.0  # Harmony: T' <= R'
    assert grim_threshold(Game(4, 0, 3, 1)) == 0.0  # Stag Hunt
    assert tft_threshold(Game(3, 0, 7, 1)) == math.inf  # 2R < T + S: alternation always pays
    # Chicken 3, 0, 5, -1: the punished Grim partner's best reply is C (S = 0 > P = -1): (T-R)/(T-S) = 2/5
    assert grim_threshold(Game(3, 0, 5, -1)) == pytest.approx(0.4)
    assert tft_threshold(Game(3, 0, 5, -1)) == pytest.approx(2 / 3)  # max(2/6, 2/3)


def test_gtft_generosity_is_the_strategys_implementation(monkeypatch):
    """One implementation: the Game GTFT strategy and politics.gtft_generosity both use game.game_generosity."""
    from cooptourney import game
    from cooptourney.politics import analysis
    from cooptourney.strategies import memoryone

    assert memoryone.game_generosity is game.game_generosity
    assert analysis.game_generosity is game.game_generosity
    calls = []

    def spy(R, S, T, P):
        calls.append((R, S, T, P))
        return 0.123

    monkeypatch.setattr(analysis, "game_generosity", spy)
    assert gtft_generosity(Game(1.5, -2.5, 5, 0.5)) == 0.123
    assert calls == [(1.5, -2.5, 5.0, 0.5)]


def test_gtft_generosity_under_the_transformer():
    # k = 0.5: min(1 - 3.5/4, 1/4.5) = 1/8
    assert gtft_generosity(perceived_game(DEFAULT, k_actor(0.5))) == pytest.approx(0.125)


MEMORY_ONE = {
    "TFT": ((1, 0, 1, 0), 1),
    "Grim": ((1, 0, 0, 0), 1),
    "ALLD": ((0, 0, 0, 0), 0),
    "Alternator from D": ((0, 0, 1, 1), 0),  # D, C, D, C, ...: C after own D, D after own C
    "D then ALLC": ((1, 1, 1, 1), 0),
}


def _value(a, b, game, w):
    p, p0 = MEMORY_ONE[a]
    q, q0 = MEMORY_ONE[b]
    return expected_payoffs(p, q, p0, q0, game=game, prob_end=1 - w).total[0]


@pytest.mark.parametrize(
    "profile,pol",
    [
        (k_actor(0.0), Politicization()),
        (k_actor(0.3), Politicization()),
        (k_actor(0.5), Politicization()),
        (k_actor(-0.5), Politicization()),  # Chicken
        (k_actor(0.0), Politicization(s=1.0, **NO_BRAKE)),  # Chicken through the accelerator
        ("politician", Politicization(s=1.0)),
        ("bureaucrat", Politicization(s=1.0)),
    ],
)
def test_thresholds_agree_with_exact_discounted_payoffs(profile, pol):
    """Above w* no deviant earns more against TFT (Grim) than it earns against itself; below, one does."""
    game = perceived_game(DEFAULT, profile, pol)
    for leader, threshold, deviants in [
        ("TFT", tft_threshold(game), ("ALLD", "Alternator from D")),
        ("Grim", grim_threshold(game), ("ALLD", "D then ALLC")),
    ]:
        for w, stable in [(threshold + 0.01, True), (threshold - 0.01, False)]:
            if not 0 < w < 1:
                continue
            own = _value(leader, leader, game, w)
            best = max(_value(d, leader, game, w) for d in deviants)
            assert (best <= own + 1e-9) == stable, (leader, w, own, best)


# -- accelerator and brake ----------------------------------------------------------------------


def test_accelerator_turns_the_default_pd_into_chicken():
    # s = 1, theta = 2, brake off: P' = 1 - 2 = -1 < S = 0 -> T 5 > R 3 > S 0 > P' -1
    pol = Politicization(s=1.0, **NO_BRAKE)
    assert perceived_game(DEFAULT, ActorProfile(), pol) == Game(3, 0, 5, -1)
    assert classify_perceived(DEFAULT, ActorProfile(), pol) == "Chicken"
    assert effective(ActorProfile(), pol)["P"] == -1.0


@pytest.mark.parametrize("theta,expected", [(0.5, PD), (0.9, PD), (1.5, "Chicken"), (2.0, "Chicken"), (5.0, "Chicken")])
def test_accelerator_crosses_into_chicken_when_theta_exceeds_P_minus_S(theta, expected):
    assert classify_perceived(DEFAULT, ActorProfile(), Politicization(s=1.0, theta=theta, **NO_BRAKE)) == expected


def test_accelerator_and_brake_together_at_full_politicization():
    # all defaults at s = 1: k' = 0.5, P' = -1 -> (1.5, 0 - 2.5, 5, 0.5 * -1): the brake keeps it a PD
    g = perceived_game(DEFAULT, ActorProfile(), Politicization(s=1.0))
    assert pytest.approx((1.5, -2.5, 5.0, -0.5)) == (g.R, g.S, g.T, g.P)
    assert g.classification == PD
    assert tft_threshold(g) == pytest.approx(0.875)  # max(3.5/5.5, 3.5/4)


def test_material_payoffs_are_not_touched_by_the_accelerator():
    pol = Politicization(s=1.0)
    analysis = analyse(DEFAULT, ["politician"], pol)
    assert tuple(analysis.loc["plain game", ["R", "S", "T", "P"]]) == (3.0, 0.0, 5.0, 1.0)


@pytest.mark.parametrize("s", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_brake_raises_k_and_q_with_s(s):
    profile = ActorProfile(k=0.3, ratification_failure=0.02)
    eff = effective(profile, Politicization(s=s))
    assert eff["s_i"] == pytest.approx(s)
    assert eff["k"] == pytest.approx(0.3 + 0.5 * s)
    assert eff["q"] == pytest.approx(0.02 + 0.1 * s)
    assert eff["P"] == pytest.approx(1 - 2 * s)
    arrays = Transformer(profile, Politicization(s=s)).kernel_arrays(DEFAULT, 2)
    np.testing.assert_allclose(arrays["fail"], 0.02 + 0.1 * s)


def test_brake_is_monotone_in_s():
    ks = [effective("politician", Politicization(s=s))["k"] for s in np.linspace(0, 1, 11)]
    qs = [effective("politician", Politicization(s=s))["q"] for s in np.linspace(0, 1, 11)]
    assert all(b > a for a, b in itertools.pairwise(ks)) and all(b > a for a, b in itertools.pairwise(qs))


@pytest.mark.parametrize("q,rho,s", [(0.95, 0.1, 1.0), (0.5, 5.0, 0.5), (1.0, 0.1, 0.3)])
def test_ratification_failure_is_clipped_to_one(q, rho, s):
    profile = ActorProfile(ratification_failure=q)
    assert effective(profile, Politicization(s=s, rho=rho))["q"] == 1.0
    assert Transformer(profile, Politicization(s=s, rho=rho)).kernel_arrays(DEFAULT, 1)["fail"][0] == 1.0


def test_sensitivity_scales_politicization():
    half = effective(ActorProfile(sensitivity=0.5), Politicization(s=1.0))
    same = effective(ActorProfile(sensitivity=1.0), Politicization(s=0.5))
    assert half == pytest.approx(same)
    assert half["s_i"] == 0.5


@pytest.mark.parametrize("s", [0.0, 0.5, 1.0])
@pytest.mark.parametrize(
    "profile", [ActorProfile(sensitivity=0.0), ActorProfile(k=0.3, sensitivity=0.0, ratification_failure=0.1)]
)
def test_sensitivity_zero_makes_politicization_irrelevant(profile, s):
    pol = Politicization(s=s, theta=10.0, kappa=3.0, rho=0.9)
    assert perceived_game(DEFAULT, profile, pol) == perceived_game(DEFAULT, profile, Politicization())
    assert effective(profile, pol) == effective(profile, Politicization())


# -- presets --------------------------------------------------------------------------------------


def test_presets_exist_with_documented_values():
    assert set(PRESETS) >= {"neutral", "policy", "bureaucrat", "politics", "politician"}
    assert PRESETS["neutral"] == ActorProfile()
    assert (
        PRESETS["policy"]
        == PRESETS["bureaucrat"]
        == ActorProfile(k=0.0, sensitivity=0.2, term=0, reelection=1.0, memory=1.0, ratification_failure=0.0)
    )
    assert (
        PRESETS["politics"]
        == PRESETS["politician"]
        == ActorProfile(k=0.3, sensitivity=1.0, term=50, reelection=0.5, memory=0.0, ratification_failure=0.02)
    )


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_validate_and_round_trip(name):
    p = ActorProfile.preset(name)
    assert isinstance(p, ActorProfile)
    assert ActorProfile(**p.as_dict()) == p  # passes validation again
    assert ActorProfile.preset(name.upper()) == p


def test_preset_characteristics():
    bureaucrat, politician = ActorProfile.preset("bureaucrat"), ActorProfile.preset("Politician")
    assert not bureaucrat.has_elections and bureaucrat.memory == 1.0
    assert politician.has_elections and politician.memory == 0.0
    assert politician.sensitivity > bureaucrat.sensitivity
    # the politician's k = 0.3 is inside the PD range: a PD whose threshold rises above 2/3
    low, high = pd_k_range(DEFAULT)
    assert low < politician.k < high
    assert classify_perceived(DEFAULT, politician) == PD
    assert tft_threshold(perceived_game(DEFAULT, politician)) == pytest.approx(2.9 / 3.6)  # (5-2.1)/(2.1+1.5)


def test_unknown_preset_suggests_the_closest():
    with pytest.raises(
        SettingsError, match=r"unknown actor preset 'politican'; did you mean 'politician'\?.*allowed: neutral"
    ):
        ActorProfile.preset("politican")


# -- bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"k": math.nan}, r"k must be a finite number .*rivalry.*got nan"),
        ({"k": math.inf}, r"k must be a finite number"),
        ({"k": "0.3"}, r"k must be a finite number"),
        ({"k": True}, r"k must be a finite number"),
        ({"sensitivity": -0.1}, r"sensitivity must be a finite number >= 0 .*got -0.1"),
        ({"sensitivity": math.nan}, r"sensitivity must be a finite number >= 0"),
        ({"reelection": 1.5}, r"reelection must be a probability in \[0, 1\], got 1.5"),
        ({"memory": -0.1}, r"memory must be a probability in \[0, 1\], got -0.1"),
        ({"ratification_failure": 2}, r"ratification_failure must be a probability in \[0, 1\]"),
        ({"term": -1}, r"term must be a whole number of turns >= 0 .*0 = no elections.*got -1"),
        ({"term": 2.5}, r"term must be a whole number"),
    ],
)
def test_bad_actor_profiles_are_rejected(kwargs, message):
    with pytest.raises(SettingsError, match=message):
        ActorProfile(**kwargs)


def test_whole_float_term_is_accepted():
    assert ActorProfile(term=50.0).term == 50 and type(ActorProfile(term=50.0).term) is int


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"s": 2}, r"s \(politicization\) must be a number in \[0, 1\].*got 2"),
        ({"s": -0.1}, r"s \(politicization\) must be a number in \[0, 1\]"),
        ({"s": math.nan}, r"s \(politicization\) must be a number in \[0, 1\]"),
        ({"theta": -1}, r"theta must be a finite number >= 0 .*got -1"),
        ({"kappa": -0.5}, r"kappa must be a finite number >= 0"),
        ({"rho": math.inf}, r"rho must be a finite number >= 0"),
    ],
)
def test_bad_politicization_is_rejected(kwargs, message):
    with pytest.raises(SettingsError, match=message):
        Politicization(**kwargs)


def test_wrong_number_of_profiles_names_both_lengths():
    t = Transformer((ActorProfile(), ActorProfile(k=0.3)))
    with pytest.raises(SettingsError, match=r"got 2 actor profiles for 3 players"):
        t.kernel_arrays(DEFAULT, 3)


def test_per_player_profiles_fill_their_rows():
    t = Transformer(["politician", ActorProfile(k=0.5), "bureaucrat"], Politicization(s=1.0))
    assert isinstance(t.profiles, tuple) and len(t.profiles) == 3
    arrays = t.kernel_arrays(DEFAULT, 3)
    np.testing.assert_allclose(arrays["perceived"][0], [0.6, -4.0, 5.0, -0.2])  # k' = 0.8, P' = -1
    np.testing.assert_allclose(arrays["perceived"][1], [0.0, -5.0, 5.0, 0.0])  # k' = 1, P' = -1 -> (1-1)(-1)
    np.testing.assert_allclose(arrays["perceived"][2], [2.7, -0.5, 5.0, 0.54])  # s_i = .2: k' = .1, P' = .6
    np.testing.assert_allclose(arrays["fail"], [0.12, 0.1, 0.02])
    assert arrays["term"].tolist() == [50, 0, 0]


@pytest.mark.parametrize(
    "profiles,message",
    [((), "must not be empty"), ((ActorProfile(), 3), "ActorProfile or a preset"), ("nobody", "unknown actor preset")],
)
def test_bad_transformer_profiles(profiles, message):
    with pytest.raises(SettingsError, match=message):
        Transformer(profiles)


# -- analysis table ---------------------------------------------------------------------------------


def test_analyse_one_row_per_profile():
    table = analyse(DEFAULT, [k_actor(0.0), k_actor(0.5), k_actor(1.0), "politician"])
    assert isinstance(table, pd.DataFrame)
    assert list(table.index) == ["plain game", "neutral", "k=0.5", "k=1", "politician"]
    np.testing.assert_allclose(table["tft_threshold"], [2 / 3, 2 / 3, 0.875, 1.0, 2.9 / 3.6])
    np.testing.assert_allclose(table["grim_threshold"], [0.5, 0.5, 3.5 / 4.5, 1.0, 2.9 / 4.3])
    np.testing.assert_allclose(table["gtft_generosity"][:3], [1 / 3, 1 / 3, 0.125])
    assert list(table["class"]) == [PD, PD, PD, "zero-sum-like", PD]
    assert tuple(table.loc["k=0.5", ["R", "S", "T", "P"]]) == (1.5, -2.5, 5.0, 0.5)


def test_analyse_labels_and_mapping():
    table = analyse(DEFAULT, {"rival": k_actor(0.5)}, include_plain=False)
    assert list(table.index) == ["rival"]
    table = analyse(DEFAULT, [k_actor(0.5)], labels=["half"])
    assert list(table.index) == ["plain game", "half"]
    with pytest.raises(SettingsError, match="got 2 labels for 1 profiles"):
        analyse(DEFAULT, [k_actor(0.5)], labels=["a", "b"])


# -- command line --------------------------------------------------------------------------------------


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def summary(out):
    """The summary table (header 'Profile'): {label: {column: cell}}."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Profile"))
    header = re.split(r"\s{2,}", lines[start].strip())
    rows = {}
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        cells = re.split(r"\s{2,}", line.strip())
        rows[cells[0]] = dict(zip(header, cells))
    return rows


def test_cli_game_w_star_for_k(capsys):
    code, out, err = cli(capsys, "game", "--k", "0", "0.5", "1")
    assert code == 0 and err == ""
    rows = summary(out)
    assert list(rows) == ["plain game", "k=0", "k=0.5", "k=1"]
    assert [rows[r]["TFT w*"] for r in rows] == ["0.667", "0.667", "0.875", "1.000"]
    assert [rows[r]["Class"] for r in rows] == [PD, PD, PD, "zero-sum-like"]
    assert rows["plain game"]["Grim w*"] == "0.500" and rows["plain game"]["Game GTFT generosity"] == "0.333"
    # the k = 0.5 matrix for the row player: C row R' S', D row T' P'
    block = out.split("k=0.5:")[1]
    assert re.search(r"plays C\s+1\.5\s+-2\.5\n", block) and re.search(r"plays D\s+5\s+0\.5\n", block)
    assert "TFT w* = 0.875" in block


def test_cli_game_politician_fully_politicized(capsys):
    code, out, _ = cli(capsys, "game", "--preset", "politician", "--s", "1")
    assert code == 0
    row = summary(out)["politician"]
    # k' = 0.3 + 0.5 = 0.8, P' = -1: (0.6, -4, 5, -0.2): w* = max(4.4/5.2, 4.4/4.6) = 0.957
    assert row["k'"] == "0.8" and row["q'"] == "0.12" and row["Class"] == PD
    assert row["TFT w*"] == "0.957" and row["Grim w*"] == "0.846"
    assert "elections every 50 turns" in out


def test_cli_game_other_classes(capsys):
    code, out, _ = cli(capsys, "game", "--k", "-0.5", "2", "-1")
    assert code == 0
    rows = summary(out)
    assert rows["k=-0.5"]["Class"] == "Chicken" and rows["k=-1"]["Class"] == "Harmony"
    assert rows["k=2"]["Class"] == "Deadlock" and rows["k=2"]["TFT w*"] == "never"


def test_cli_game_accelerator_and_sensitivity(capsys):
    code, out, _ = cli(
        capsys, "game", "--k", "0", "0", "--s", "1", "--kappa", "0", "--rho", "0", "--sensitivity", "1", "0"
    )
    assert code == 0
    rows = summary(out)
    assert rows["k=0 (sensitivity 1)"]["Class"] == "Chicken"
    assert rows["k=0 (sensitivity 0)"]["Class"] == PD


def test_cli_game_custom_payoffs(capsys):
    code, out, _ = cli(capsys, "game", "--game=4,0,3,1")
    assert code == 0 and summary(out)["plain game"]["Class"] == "Stag Hunt"


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["--k", "nan"], "k must be a finite number"),
        (["--k", "abc"], "argument --k: invalid float value: 'abc'"),
        (["--s", "2"], "s (politicization) must be a number in [0, 1]"),
        (["--theta", "-1"], "theta must be a finite number >= 0"),
        (["--preset", "politican"], "did you mean 'politician'?"),
        (["--k", "0", "--sensitivity", "-1"], "sensitivity must be a finite number >= 0"),
        (["--k", "0", "1", "--sensitivity", "1", "2", "3"], "got 3 --sensitivity values for 2 profiles"),
        (["--sensitivity", "1"], "--sensitivity applies to profiles"),
        (["--game", "3,0,5"], "payoffs must be four numbers"),
    ],
)
def test_cli_game_bad_input_exits_2_with_one_line(capsys, argv, expected):
    code, out, err = cli(capsys, "game", *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("cooptourney: error: ")
    assert expected in err


def test_cli_lists_the_game_command(capsys):
    code, out, _ = cli(capsys, "--help")
    assert code == 0 and "game" in out
    code, _, err = cli(capsys)
    assert code == 2 and "run, list, match, game" in err
