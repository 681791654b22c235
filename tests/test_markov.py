"""Exact memory-one payoffs: against hand-derived values and as an oracle for simulation."""

import math

import pytest

from cooptourney import Game, Player, SettingsError, Tournament
from cooptourney.markov import expected_payoffs, memory_one_vector


def test_tft_against_alld_hand_derived():
    # TFT cooperates once (S=0) then meets D with D (P=1) for 199 turns; ALLD gets T once then P.
    ex = expected_payoffs((1, 0, 1, 0), (0, 0, 0, 0), p0=1, q0=0, turns=200)
    assert ex.total == (199.0, 204.0)
    assert ex.cooperation == (1 / 200, 0.0)


def test_mutual_tft_without_noise_is_full_cooperation_for_any_horizon():
    ex = expected_payoffs((1, 0, 1, 0), (1, 0, 1, 0), prob_end=0.1)
    assert ex.length == pytest.approx(10.0)
    assert ex.per_turn == pytest.approx((3.0, 3.0))


def test_noisy_tft_pair_long_run_is_two_point_two_five():
    # With any noise, TFT vs TFT is an ergodic chain whose stationary distribution is
    # uniform over CC, CD, DC, DD (the chain is doubly stochastic), so the long-run
    # payoff per turn is (R + S + T + P) / 4 = 2.25 at the defaults.
    ex = expected_payoffs((1, 0, 1, 0), (1, 0, 1, 0), noise=0.05, turns=20000)
    assert ex.per_turn[0] == pytest.approx(2.25, abs=1e-3)


def test_game_gtft_vector_follows_the_game_and_gtft_keeps_one_third():
    p, p0 = memory_one_vector("Game GTFT")
    assert p[1] == pytest.approx(1 / 3) and p0 == 1
    p, _ = memory_one_vector("Game GTFT", Game(4, 0, 5, 1))
    assert p[1] == pytest.approx(min(1 - 1 / 4, 3 / 4))
    for game in (Game(), Game(4, 0, 5, 1), Game(4, -1, 6, 0)):
        p, p0 = memory_one_vector("GTFT", game)
        assert p.tolist() == [1.0, pytest.approx(1 / 3), 1.0, pytest.approx(1 / 3)] and p0 == 1


@pytest.mark.parametrize(
    "game, vector",
    # a win (payoff >= (R + P) / 2) repeats the last move: in a PD R and T win, S and P lose
    [(Game(), [1, 0, 0, 1]), (Game(3, 2.5, 5, 1), [1, 1, 0, 1]), (Game(3, 0, 1.5, 1), [1, 0, 1, 1])],
    ids=["PD", "S wins", "T loses"],
)
def test_wsls_vector_follows_the_game(game, vector):
    p, p0 = memory_one_vector("WSLS", game)
    assert p.tolist() == vector and p0 == 1


@pytest.mark.parametrize("name", ["Grudger", "Tit For 2 Tats", "Hard Tit For Tat", "Forgiver"])
def test_strategies_that_are_not_memory_one_are_refused(name):
    with pytest.raises(SettingsError, match=r"is not memory-one .*simulate it"):
        memory_one_vector(name)


def test_grudger_under_noise_is_not_the_chain_of_its_vector():
    """The (1, 0, 0, 0) vector once given for Grudger: after a CD that noise turns into a
    later CC or DC the vector forgives, Grudger does not; against WSLS at noise 0.05 over
    200 turns the chain gives WSLS 242.8 where a simulation gives about 161."""
    ex = expected_payoffs((1, 0, 0, 0), (1, 0, 0, 1), noise=0.05, turns=200)
    r = Tournament(["Grudger", "WSLS"], turns=200, noise=0.05, repetitions=400, seed=3).play()
    sim = r.score_matrix[1, 0]
    assert ex.total[1] - sim.mean() > 10 * sim.std(ddof=1) / math.sqrt(len(sim))


@pytest.mark.parametrize(
    "a, b, settings",
    [
        (
            "Generic Memory One Player(p_cc=0.9, p_cd=0.2, p_dc=0.7, p_dd=0.3, initial=0.6)",
            "GTFT",
            dict(prob_end=0.05, noise=0.03),
        ),
        ("Tit For Tat", "Win-Stay Lose-Shift", dict(turns=50, noise=0.1)),
        ("Random", "Bully", dict(turns=30, prob_end=0.02)),
        ("Game GTFT", "Anti Tit For Tat", dict(turns=40, noise=0.05, game=Game(4, -1, 6, 0))),
        ("GTFT", "Win-Stay Lose-Shift", dict(turns=40, noise=0.05, game=Game(4, -1, 6, 0))),
        ("Suspicious Tit For Tat", "Cooperator", dict(turns=25, noise=0.1)),
        ("Win-Stay Lose-Shift", "Defector", dict(turns=30, noise=0.05, game=Game(3, 2.5, 5, 1))),
    ],
)
def test_simulation_agrees_with_the_markov_chain(a, b, settings):
    reps = 4000
    pa, pb = Player.parse(a), Player.parse(b)
    r = Tournament([pa, pb], repetitions=reps, seed=11, **settings).play()
    vec = {
        "Generic Memory One Player": lambda p: (tuple(p.param_values[:4]), p.param_values[4]),
    }

    def vector(p):
        if p.spec.name in vec:
            return vec[p.spec.name](p)
        return memory_one_vector(p.spec.name, settings.get("game"))

    (p, p0), (q, q0) = vector(pa), vector(pb)
    ex = expected_payoffs(p, q, p0, q0, **settings)
    for side, (i, j) in enumerate(((0, 1), (1, 0))):
        sim = r.score_matrix[i, j]
        se = sim.std(ddof=1) / math.sqrt(reps)
        assert abs(sim.mean() - ex.total[side]) < 4.5 * se + 1e-9, (sim.mean(), ex.total[side], se)
    lengths = r.turns_matrix[0, 1]
    assert abs(lengths.mean() - ex.length) < 4.5 * lengths.std(ddof=1) / math.sqrt(reps) + 1e-9


def test_bad_vectors_are_rejected():
    with pytest.raises(SettingsError, match="p_CD"):
        expected_payoffs((1, 1.5, 1, 0), (1, 0, 1, 0), turns=10)
    with pytest.raises(SettingsError, match="four probabilities"):
        expected_payoffs((1, 0, 1), (1, 0, 1, 0), turns=10)
    with pytest.raises(SettingsError, match="turns"):
        expected_payoffs((1, 0, 1, 0), (1, 0, 1, 0))
