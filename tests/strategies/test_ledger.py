"""Tests of ``strategies/ledger.py`` (Ledger, Diffuse Ledger and Gears), strategies no
other library has (docs/model.md, "Reciprocity").

Their behaviour is pinned move by move: every expected sequence below is derived by hand
from the rule in the strategy's docstring; the derivation is in the comment above it.
"""

import pytest

from cooptourney.match import Match
from cooptourney.players import Player


def play(a, b, turns, flips=None, **kw):
    m = Match((a, b), turns=turns, flips=flips, seed=1, **kw)
    m.play()
    return "".join("CD"[x] for x in m.moves[:, 0]), "".join("CD"[x] for x in m.moves[:, 1]), m


def test_strict_ledger_demands_equivalent_value():
    # B starts at 0. Being exploited (C vs D) adds S - T = -5, exploiting adds +5, equal moves 0.
    # Partner: CC D CCC DD CCCC. t3: B=-5 -> D; t4 (D,C): B=0 -> C; t7: -5 -> D;
    # t8 (D,D): still -5 -> D; t9 (D,C): 0 -> C.
    mine, _, m = play("Ledger", Player.sequence("CCDCCCDDCCCC"), 12)
    assert mine == "CCCDCCCDDCCC"
    assert m.trace["Ledger: balance"].tolist() == [0, 0, 0, -5, 0, 0, 0, -5, -5, 0, 0, 0]


def test_diffuse_ledger_extends_credit_and_lets_debts_fade():
    # tau = 5, lam = 0.9. t3: B = -5 >= -5 -> C; then 0.9^k fading: -4.5, -4.05, -3.645 (C);
    # t7: 0.9 * -3.645 - 5 = -8.2805 -> D; mutual D fades it: -7.45, -6.71, -6.04 (D);
    # t11: 0.9 * -6.036 + 5 = -0.433 -> C.
    mine, _, m = play("Diffuse Ledger", Player.sequence("CCDCCCDDDDCCCC"), 14)
    assert mine == "CCCCCCCDDDDCCC"
    assert m.trace["Diffuse Ledger: balance"][7] == pytest.approx(-8.2805)


def test_ledger_parameters_interpolate_between_the_two():
    # A credit line of one exploitation but no fading: the second unanswered D breaks it.
    mine, _, _ = play(Player("Ledger", tau=5, lam=1.0), Player.sequence("CDCCDCCC"), 8)
    # t2: B=-5 >= -5 -> C; t5: -10 -> D; t6 (D,C): -5 -> C
    assert mine == "CCCCCDCC"


def test_ledger_values_imbalances_in_perceived_payoffs():
    # Under a rival's perception (k = 1) an exploitation counts (1 + k)(T - S) = 10, so a
    # credit line of 5 no longer covers one exploitation (biased equivalence).
    from cooptourney.politics import ActorProfile, Politicization, Transformer

    seq = Player.sequence("CDCCCC")
    plain, _, _ = play(Player("Ledger", tau=5), seq, 6)
    rival = Transformer(profiles=ActorProfile(k=1.0), politicization=Politicization())
    biased, _, _ = play(Player("Ledger", tau=5), seq, 6, transformer=rival)
    assert plain == "CCCCCC"
    assert biased == "CCDCCC"  # t2: B = -10 < -5 -> D; t3 (D,C): +10 -> 0 -> C


def test_gears_shift_up_down_and_into_reverse():
    # shift_up = 5. Outcomes t0..t4 are CC -> gear 2 from t5; t5..t9 CC -> gear 3 from t10.
    # Partner D at t12: B = -5 >= -c(3) = -10 -> keep cooperating (no shift: within credit).
    # Partner D at t21, t22, ...: t22 B ~ -6.9 (C); t23 B ~ -11.2 < -10 -> gear 2 (credit 5) -> D;
    # t24 (D,D): B*0.95 ~ -10.6 < -5 with the partner defecting -> gear 1 -> D;
    # t25: strike 1 (D); t26: strike 2 -> reverse (D); t27 reverse (partner still D) -> D;
    # partner C at t27 (amends) -> t28 gear 1 with B = 0 -> C.
    partner = "C" * 12 + "D" + "C" * 8 + "DDDDDD" + "CCC"
    mine, _, m = play("Gears", Player.sequence(partner), 30)
    assert mine == "C" * 23 + "DDDDD" + "CC"
    gear = m.trace["Gears: gear"].tolist()
    assert gear == [1] * 5 + [2] * 5 + [3] * 13 + [2, 1, 1, -1, -1, 1, 1]


def test_gears_stays_in_top_gear_with_a_cooperator():
    _, _, m = play("Gears", "Cooperator", 40)
    assert m.trace["Gears: gear"][-1] == 3.0
    assert (m.moves[:, 0] == 0).all()


def test_gears_never_lets_a_defector_exploit_it_twice_in_a_row():
    # Against Defector: t0 C (B=-5); gear 1, strike 1 -> D; strike 2 -> reverse for good.
    mine, _, m = play("Gears", "Defector", 10)
    assert mine == "C" + "D" * 9
    assert m.trace["Gears: gear"].tolist() == [1, 1] + [-1] * 8
