"""Reciprocity metrics (docs/model.md, "Reciprocity"), with values derived by hand from the rules."""

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
    r = Tournament(
        ["Tit For Tat", "Random", "Alternator", "Bully", "Grudger", "Anti Tit For Tat"],
        turns=300,
        repetitions=5,
        seed=2,
    ).play()
    tft = r.pair_metrics().set_index(["player", "opponent"]).loc["Tit For Tat"]
    assert (tft["max_imbalance"] <= 5.0).all()
    assert tft.loc["Random", "max_imbalance"] == 5.0


def test_one_flip_locks_tft_pair_into_an_echo_feud():
    # TFT vs TFT, A's move flipped at turn 5 of 30: outcomes DC, CD, DC, ... until the
    # end: one echo run of 25 turns, never recovered (docs/model.md, "Reciprocity", the echo effect).
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
    assert (
        m.loc[("Tit For Tat", "Tit For Tat"), "feud_length"]
        > 3 * m.loc[("Generous Tit For Tat", "Generous Tit For Tat"), "feud_length"]
    )


def test_metrics_are_columns_of_the_player_table():
    r = Tournament(["Tit For Tat", "Defector"], turns=20, repetitions=2, seed=1).play()
    df = r.to_dataframe()
    for name in METRICS:
        assert name in df.columns


def _turn_by_turn(a, b, flips, can_flip, game, pa, pb):
    """The metrics as defined, accumulated turn by turn in plain Python (the reference)."""
    n = len(a)
    o = {"score_a": 0.0, "score_b": 0.0, "util_a": 0.0, "util_b": 0.0}
    gap = max_gap = 0.0
    for t in range(n):
        oa, ob = 2 * a[t] + b[t], 2 * b[t] + a[t]
        o["score_a"] += game[oa]
        o["score_b"] += game[ob]
        o["util_a"] += pa[oa]
        o["util_b"] += pb[ob]
        gap += game[oa] - game[ob]
        max_gap = max(max_gap, abs(gap))
    o["max_gap"] = max_gap
    o["coop_a"], o["coop_b"] = a.count(0), b.count(0)
    for me, other, side in ((a, b, "a"), (b, a, "b")):
        cells = [0, 0, 0, 0]  # C after C, C after D, D after C, D after D (partner's previous move)
        for t in range(1, n):
            cells[2 * me[t] + other[t - 1]] += 1
        o["cc_" + side] = cells
        chances = [t for t in range(2, n) if me[t - 1] == 1 and other[t - 2] == 1 and other[t - 1] == 1]
        o["forgive_opp_" + side] = len(chances)
        o["forgive_" + side] = sum(me[t] == 0 for t in chances)
    runs, turns, length = 0, 0, 0
    for t in range(1, n + 1):
        mirrored = t < n and a[t] != b[t] and a[t] != a[t - 1] and b[t] != b[t - 1]
        if mirrored:
            length = 2 if length == 0 else length + 1
        elif length:
            runs, turns, length = runs + 1, turns + length, 0
    o["echo_runs"], o["echo_turns"] = runs, turns
    breaks = recovered = recovery = 0
    waiting, since = False, 0
    for t in range(n if can_flip else 0):
        oa = 2 * a[t] + b[t]
        if waiting and oa == 0:
            recovered, recovery, waiting = recovered + 1, recovery + t - since, False
        elif not waiting and flips[t] and oa != 0 and (t == 0 or 2 * a[t - 1] + b[t - 1] == 0):
            breaks, waiting, since = breaks + 1, True, t
    o["breaks"], o["recovered"], o["recovery_turns"] = breaks, recovered, recovery
    return o


def test_match_metrics_equal_the_turn_by_turn_definitions_bit_for_bit():
    # The kernel sums payoffs over outcome counts when they are small integers and turn
    # by turn otherwise, and counts echo runs from shifted views: both must give exactly
    # what accumulating every turn in order gives, for any histories and payoffs.
    from cooptourney.core import layout as L
    from cooptourney.core.codegen import kernel_for

    metrics = kernel_for().module.match_metrics
    rng = np.random.default_rng(5)
    default = np.array([3.0, 0.0, 5.0, 1.0])
    payoffs = [
        (default, default, default),  # exact: counts
        (np.array([2.0, -1.0, 4.0, 0.0]), np.array([4.0, -2.0, 6.0, 0.0]), default),  # exact, perceived differ
        (default, np.array([3.3, 0.1, 5.7, 1.2]), default),  # fractional perceived: turn by turn
        (np.array([0.3, 0.1, 0.7, 0.2]), np.array([0.3, 0.1, 0.7, 0.2]), np.array([1e-3, 0.0, 1e300, 1.0])),
        (np.array([2.0**40 + 1, 0.0, 2.0**41, 1.0]), default, default),  # integers too large: turn by turn
    ]
    cases = 0
    for n in [0, 1, 2, 3, 4, 7, 9, 10, 11, 200, 1000, 4099]:  # 4099: several 255-word blocks
        for _ in range(12):
            # runs of each kind: random, alternating feuds (echoes), sticky, and long
            # one-sided ones (the running material gap far from 0)
            a, b = [], []
            while len(a) < n:
                kind, k = rng.integers(4), int(rng.integers(1, 12))
                x, y = int(rng.integers(2)), int(rng.integers(2))
                if kind == 3:
                    k = int(rng.integers(1, 300))
                    x, y = (1, 0) if rng.integers(2) else (0, 1)
                for q in range(k):
                    if kind == 0:
                        x, y = int(rng.integers(2)), int(rng.integers(2))
                    elif kind == 1:
                        x, y = q % 2, (q + 1) % 2
                    a.append(x)
                    b.append(y)
            a, b = a[:n], b[:n]
            # sparse to dense flips: the kernel skips eight turns at a time between breaks
            flips = (rng.random(n) < (0.02, 0.1, 0.5)[(cases // 2) % 3]).astype(np.int8)
            game, pa, pb = payoffs[cases % len(payoffs)]
            can_flip = bool(cases % 2)
            cases += 1
            out = np.full(L.OUT_SIZE, -7.0)
            metrics(
                L.Played(
                    hist_a=np.array(a, dtype=np.int8),
                    hist_b=np.array(b, dtype=np.int8),
                    flips=flips,
                    can_flip=can_flip,
                    turns=np.int64(n),
                ),
                L.Payoffs(game=game, perceived_a=pa, perceived_b=pb),
                out,
            )
            ref = _turn_by_turn(a, b, flips, can_flip, game, pa, pb)
            got = {
                "score_a": out[L.OUT_SCORE_A],
                "score_b": out[L.OUT_SCORE_B],
                "util_a": out[L.OUT_UTIL_A],
                "util_b": out[L.OUT_UTIL_B],
                "max_gap": out[L.OUT_MAX_GAP],
                "coop_a": out[L.OUT_COOP_A],
                "coop_b": out[L.OUT_COOP_B],
                "cc_a": list(out[L.OUT_CC_A : L.OUT_CC_A + 4]),
                "cc_b": list(out[L.OUT_CC_B : L.OUT_CC_B + 4]),
                "forgive_opp_a": out[L.OUT_FORGIVE_OPP_A],
                "forgive_a": out[L.OUT_FORGIVE_A],
                "forgive_opp_b": out[L.OUT_FORGIVE_OPP_B],
                "forgive_b": out[L.OUT_FORGIVE_B],
                "echo_runs": out[L.OUT_ECHO_RUNS],
                "echo_turns": out[L.OUT_ECHO_TURNS],
                "breaks": out[L.OUT_BREAKS],
                "recovered": out[L.OUT_RECOVERED],
                "recovery_turns": out[L.OUT_RECOVERY_TURNS],
            }
            for key, want in ref.items():
                # == on floats, and the same sign bit: bit for bit
                assert got[key] == want and np.signbit(got[key]).tolist() == np.signbit(want).tolist(), (
                    key,
                    n,
                    got[key],
                    want,
                )
            assert out[L.OUT_TURNS] == n
