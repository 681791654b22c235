"""Reciprocity metrics (MODEL.md section 2), with values derived by hand from the rules."""

import math

import numpy as np

from cooptourney import Player, Tournament
from cooptourney.match import Match
from cooptourney.results import METRICS


def one_flip(turns, at, side=0):
    flips = np.zeros((2, turns), dtype=np.int8)
    flips[side, at] = 1
    return flips


def pair(a, b, turns=30, flips=None, **kw):
    """Metrics of a single match between a and b, through the Tournament machinery."""
    r = Tournament([a, b], turns=turns, repetitions=1, seed=1, **kw).play()
    return r.pair_metrics().set_index(["player", "opponent"])


def match_metrics(a, b, turns, flips):
    """Metrics of one Match with pre-drawn flips, computed from the kernel's counters."""
    from cooptourney.results import ResultSet

    m = Match((a, b), turns=turns, flips=flips, seed=1)
    m.play()
    out = m._out[None, None, :]
    rs = ResultSet.from_tasks(m.players, out, np.array([0]), np.array([1]), None, {}, 0.0)
    return rs.pair_metrics().set_index(["player", "opponent"])


def test_tit_for_tat_is_perfectly_contingent_and_never_forgives():
    # Against a sequence with isolated and repeated defections TFT copies: P(C|C) = 1,
    # P(C|D) = 0, so contingency 1 and retaliation 1; every time it retaliated while the
    # partner was still defecting it defected again: forgiveness 0.
    seq = Player.sequence("CCDCCDDDCCDDCC" * 3)
    m = match_metrics(Player("Tit For Tat"), seq, 42, np.zeros((2, 42), dtype=np.int8))
    row = m.loc[("Tit For Tat", "Sequence Player")]
    assert row["contingency"] == 1.0
    assert row["retaliation"] == 1.0
    assert row["forgiveness"] == 0.0


def test_gtft_forgives_a_third_of_the_time_against_defector():
    # GTFT vs ALLD: after each D it cooperates with probability g = 1/3, so retaliation
    # = 2/3 and forgiveness (C after it retaliated and the partner still defects) = 1/3.
    r = Tournament(["GTFT", "Defector"], turns=2000, repetitions=10, seed=3).play()
    row = r.reciprocity_metrics().set_index("player").loc["Generous Tit For Tat"]
    se = math.sqrt((1 / 3) * (2 / 3) / 13000)
    assert abs(row["retaliation"] - 2 / 3) < 5 * se
    assert abs(row["forgiveness"] - 1 / 3) < 5 * math.sqrt((1 / 3) * (2 / 3) / 8000)


def test_random_is_not_contingent():
    r = Tournament(["Random", "Alternator"], turns=2000, repetitions=10, seed=3).play()
    row = r.reciprocity_metrics().set_index("player").loc["Random"]
    assert abs(row["contingency"]) < 5 * math.sqrt(0.5 / 10000)


def test_imbalance_specific_vs_diffuse():
    # TFT never falls behind by more than one exploitation, T - S = 5 (Axelrod 1984);
    # Cooperator against Defector loses T - S every turn: 5 * 100.
    m = pair("Tit For Tat", "Defector", turns=100)
    assert m.loc[("Tit For Tat", "Defector"), "max_imbalance"] == 5.0
    m = pair("Cooperator", "Defector", turns=100)
    assert m.loc[("Cooperator", "Defector"), "max_imbalance"] == 500.0
    # ... against any opponent, as long as there is no noise (each flip can add T - S)
    r = Tournament(["Tit For Tat", "Random", "Alternator", "Bully", "Grudger", "Anti Tit For Tat"],
                   turns=300, repetitions=5, seed=2).play()
    tft = r.pair_metrics().set_index(["player", "opponent"]).loc["Tit For Tat"]
    assert (tft["max_imbalance"] <= 5.0).all()
    assert tft.loc["Random", "max_imbalance"] == 5.0


def test_one_flip_locks_tft_pair_into_an_echo_feud():
    # TFT vs TFT, A's move flipped at turn 5 of 30: outcomes DC, CD, DC, ... until the
    # end: one echo run of 25 turns, never recovered (MODEL.md section 2, the echo effect).
    m = match_metrics(Player("Tit For Tat"), Player("Tit For Tat"), 30, one_flip(30, 5))
    row = m.loc[("Tit For Tat", "Tit For Tat")].iloc[1]  # (player 0, player 1); the diagonal is unplayed
    assert row["feud_length"] == 25.0
    assert row["unrecovered"] == 1.0
    assert math.isnan(row["recovery_time"])


def test_tf2t_absorbs_a_single_flip_in_one_turn():
    # TFT's move flipped at turn 5 (DC); TF2T ignores a single D, TFT copies its C:
    # CC again at turn 6, so the recovery time is 1 and there is no feud.
    m = match_metrics(Player("Tit For Tat"), Player("Tit For 2 Tats"), 30, one_flip(30, 5))
    row = m.loc[("Tit For Tat", "Tit For 2 Tats")]
    assert row["recovery_time"] == 1.0
    assert row["unrecovered"] == 0.0
    assert math.isnan(row["feud_length"])


def test_contrite_feud_lengths_grow_with_noise_for_tft_not_gtft():
    # Echo feuds are TFT's pathology; GTFT breaks them within a few turns on average.
    r = Tournament(["Tit For Tat", "Generous Tit For Tat"], turns=500, noise=0.02, repetitions=20, seed=4).play()
    m = r.pair_metrics().set_index(["player", "opponent"])
    assert m.loc[("Tit For Tat", "Tit For Tat"), "feud_length"] > 3 * m.loc[
        ("Generous Tit For Tat", "Generous Tit For Tat"), "feud_length"]


def test_metrics_are_columns_of_the_player_table():
    r = Tournament(["Tit For Tat", "Defector"], turns=20, repetitions=2, seed=1).play()
    df = r.to_dataframe()
    for name in METRICS:
        assert name in df.columns
