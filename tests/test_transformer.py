"""The politics/policy transformer inside the engine (docs/model.md, "Politics and policy")."""

import math

import numpy as np
import pytest

from cooptourney import Game, Match, Player, Tournament
from cooptourney.politics import ActorProfile, Politicization, Transformer, perceived_game, tft_threshold

MIXED = [
    "Tit For Tat",
    "Generous Tit For Tat",
    "Game Generous Tit For Tat",
    "Random",
    "Win-Stay Lose-Shift",
    "Ledger",
    "Gears",
    "Grudger",
    "First by Joss",
]


def transformer(*profiles, **pol):
    prof = profiles[0] if len(profiles) == 1 else tuple(profiles)
    return Transformer(profiles=prof, politicization=Politicization(**pol))


def arrays(r):
    return [
        r.score_matrix,
        r.utility_matrix,
        r.coop_matrix,
        r.turns_matrix,
        r.contingency,
        *[r.counters[k] for k in sorted(r.counters)],
    ]


def test_neutral_transformer_reproduces_the_plain_game_bit_for_bit():
    kw = dict(turns=100, noise=0.05, repetitions=4, seed=12)
    plain = Tournament(MIXED, **kw).play()
    neutral = Tournament(MIXED, transformer=transformer(ActorProfile()), **kw).play()
    for a, b in zip(arrays(plain), arrays(neutral)):
        assert a.tobytes() == b.tobytes()
    # also with prob_end and a politicised issue that reaches nobody (sensitivity 0)
    kw = dict(prob_end=0.02, noise=0.01, repetitions=3, seed=5)
    plain = Tournament(MIXED, **kw).play()
    deaf = Tournament(MIXED, transformer=transformer(ActorProfile(sensitivity=0.0), s=1.0), **kw).play()
    for a, b in zip(arrays(plain), arrays(deaf)):
        assert a.tobytes() == b.tobytes()


def test_two_scores_material_and_perceived():
    # U_i = pi_i - k pi_j, so per match utility_i = score_i - k score_j exactly (integer payoffs).
    r = Tournament(
        MIXED[:5], turns=50, noise=0.02, repetitions=2, seed=3, transformer=transformer(ActorProfile(k=0.5))
    ).play()
    s, u = r.score_matrix, r.utility_matrix
    np.testing.assert_allclose(u, s - 0.5 * np.transpose(s, (1, 0, 2)), rtol=0, atol=1e-9)
    df = r.to_dataframe()
    assert (df["utility_per_turn"] < df["score_per_turn_mean"]).all()
    assert r.settings["transformer"]["profiles"]["k"] == 0.5


@pytest.mark.parametrize("k", [0.0, 0.5])
def test_tft_resists_invasion_exactly_above_the_threshold(k):
    # Axelrod (1984): TFT is collectively stable iff w >= w* = max((T-R)/(T-P), (T-R)/(R-S)),
    # on the perceived payoffs under the transformer (2/3 at k=0, 0.875 at k=0.5). The two
    # terms are the two best deviations: always defecting (ALLD earns T' + w P'/(1-w) against
    # TFT's R'/(1-w)) and alternating D, C (earns (T' + w S')/(1 - w^2)). So ALLD invades
    # only below (T'-R')/(T'-P') (1/2 and 0.778), the alternator below (T'-R')/(R'-S') (2/3
    # and 0.875), and above w* neither does. Margins of 0.08-0.1 in w keep each simulated
    # comparison far (5 or more standard errors) from its boundary.
    tr = transformer(ActorProfile(k=k))
    g = perceived_game(Game(), ActorProfile(k=k), Politicization())
    w_star = tft_threshold(g)
    assert w_star == pytest.approx({0.0: 2 / 3, 0.5: 0.875}[k])
    w_alld = (g.T - g.R) / (g.T - g.P)
    alternator = Player.sequence("DC" * 3000)
    cases = [
        ("Defector", w_star + 0.08, False),
        (alternator, w_star + 0.08, False),
        ("Defector", w_alld - 0.1, True),
        (alternator, w_star - 0.08, True),
    ]
    for mutant, w, invades in cases:
        r = Tournament(
            ["Tit For Tat", mutant], prob_end=1 - w, turns=6000, repetitions=20000, seed=21, transformer=tr
        ).play()
        u = r.utility_matrix
        resident, intruder = u[0, 0], u[1, 0]
        se = math.sqrt(resident.var() / 20000 + intruder.var() / 20000)
        if invades:
            assert intruder.mean() > resident.mean() + 3 * se, (mutant, w)
        else:
            assert resident.mean() > intruder.mean() + 3 * se, (mutant, w)


def test_ratification_failure_alone_produces_the_echo_then_locks_in_defection():
    # q > 0, e = 0: an intended C becomes D, never the reverse. One failure starts TFT's
    # echo (CD, DC, ...); the next failure inside the echo turns it into DD, from which
    # only D->C errors could escape, and there are none: cooperation collapses.
    kw = dict(turns=1000, repetitions=20, seed=8)
    r = Tournament(["Tit For Tat"], transformer=transformer(ActorProfile(ratification_failure=0.01)), **kw).play()
    m = r.pair_metrics().iloc[0]
    assert m["feud_length"] > 5
    assert r.cooperation_matrix[0, 0] < 0.5
    clean = Tournament(["Tit For Tat"], **kw).play()
    assert clean.cooperation_matrix[0, 0] == 1.0
    # direction: a player that intends D never plays C under ratification failure
    m = Match(
        ("Defector", "Cooperator"), turns=500, seed=2, transformer=transformer(ActorProfile(ratification_failure=0.5))
    )
    m.play()
    assert (m.moves[:, 0] == 1).all()
    assert 0.4 < m.moves[:, 1].mean() < 0.6


def test_a_new_leader_without_institutional_memory_forgets_the_grudge():
    # Partner defects once at t2. Grudger defects from t3 on; with elections every 10 turns
    # that it always loses (re-election 0) and no institutional memory, the new leader at
    # t10 starts afresh (sees no defection) and cooperates; with memory 1 it keeps the grudge.
    seq = Player.sequence("CCD" + "C" * 17)
    for memory, expected in ((0.0, "CCCDDDDDDDCCCCCCCCCC"), (1.0, "CCC" + "D" * 17)):
        tr = transformer(ActorProfile(term=10, reelection=0.0, memory=memory), ActorProfile())
        m = Match((Player("Grudger"), seq), turns=20, seed=1, transformer=tr)
        m.play()
        assert "".join("CD"[x] for x in m.moves[:, 0]) == expected
        assert m._out[25] == 1.0  # one lost election (t10); t0 is not an election


def test_turnover_rate_follows_reelection_probability():
    # Elections at t = 10, 20, ..., 190: 19 per match; each lost with probability 0.3.
    tr = transformer(ActorProfile(term=10, reelection=0.7, memory=0.5))
    r = Tournament(["Tit For Tat", "Grudger"], turns=200, repetitions=400, seed=4, transformer=tr).play()
    lost = r.counters["turnovers"][0, 1]
    assert abs(lost.mean() - 19 * 0.3) < 5 * math.sqrt(19 * 0.21 / 400)
    restarts = r.counters["restarts"][0, 1]
    assert abs(restarts.sum() / lost.sum() - 0.5) < 5 * math.sqrt(0.25 / lost.sum())


def test_gtft_generosity_and_wsls_aspiration_follow_perceived_payoffs():
    # k = 0.5 at 3,0,5,1: perceived (1.5, -2.5, 5, 0.5) -> Game GTFT g = min(1 - 3.5/4, 1/4.5) = 0.125
    tr = transformer(ActorProfile(k=0.5))
    r = Tournament(["Game GTFT", "Defector"], turns=4000, repetitions=3, seed=6, transformer=tr).play()
    rate = r.coop_matrix[0, 1].sum() / r.turns_matrix[0, 1].sum()
    assert abs(rate - 0.125) < 5 * math.sqrt(0.125 * 0.875 / 12000)
    # Harmony-like solidarity (k = -0.8): S' = 0 + 0.8 * 5 = 4 is a win above the aspiration
    # (R' + P') / 2 = (5.4 + 1.8) / 2 = 3.6, so WSLS keeps cooperating against a defector.
    m = Match(("WSLS", "Defector"), turns=10, seed=1, transformer=transformer(ActorProfile(k=-0.8)))
    m.play()
    assert (m.moves[:, 0] == 0).all()
