"""Axelrod's first tournament (Axelrod 1980) against axelrod (the oracle): one line per strategy.

Tit For Tat, Grudger and Random are checked in the tests of their own modules
(``test_titfortat.py``, ``test_grudger.py``, ``test_rand.py``).
"""

import axelrod as axl
import numpy as np
import pytest
from oracle import (
    FIRST_TOURNAMENT_NAMES,
    assert_same_moves,
    assert_same_statistics,
    assert_same_tournament,
    axl_player,
    oracle_claims_test,
    panel,
)

from cooptourney.game import Game
from cooptourney.match import Match
from cooptourney.players import Player

DETERMINISTIC = [
    "First by Tideman and Chieruzzi",
    "First by Nydegger",
    "First by Shubik",
    "First by Stein and Rapoport",
    "First by Davis",
    "First by Downing",
]

STOCHASTIC = [
    "First by Grofman",
    "First by Joss",
    "First by Tullock",
    "First by Anonymous",
]


def test_every_first_tournament_strategy_is_covered():
    # Feld and Graaskamp have their own tests below; the other three are foundation strategies
    covered = {*DETERMINISTIC, *STOCHASTIC, "First by Feld", "First by Graaskamp", "Tit For Tat", "Grudger", "Random"}
    assert covered == set(FIRST_TOURNAMENT_NAMES)


def test_feld_decay_agrees_with_axelrod():
    # long enough for the probability of answering C with C to fall well below 1
    assert_same_statistics(
        "First by Feld", opponents=("Cooperator", "Tit For Tat", "Alternator"), turns=150, matches=200
    )


def test_graaskamp_is_identical_before_its_first_random_defection():
    # Its first random draw can change a move at turn 61 at the earliest, so over
    # 60 turns it is deterministic: the tit-for-tat phase, the probe on move 51 and
    # the randomness / tit-for-tat / clone tests from move 57 on must match exactly.
    assert_same_moves("First by Graaskamp", turns=60)


def test_graaskamp_is_identical_when_it_never_defects_at_random():
    # Partners judged random (checked every turn, and for good once judged) or
    # playing tit for tat or its own moves (a clone) keep it deterministic: these
    # exercise its tests over a long match.
    assert_same_moves(
        "First by Graaskamp",
        turns=250,
        noise_levels=(0.0,),
        opponents=[
            "Alternator",
            "Tit For Tat",
            "Suspicious Tit For Tat",
            "Anti Tit For Tat",
            "Bully",
            "First by Graaskamp",
        ],
    )
    assert_same_moves(
        "First by Graaskamp",
        turns=250,
        noise_levels=(0.05,),
        opponents=["Alternator", "Tit For Tat", "Anti Tit For Tat", "Bully"],
    )


def test_graaskamp_random_defections_agree_with_axelrod():
    # opponents that send it to the random-defection phase (Cooperator, Defector,
    # Tit For 2 Tats) and to "random" (Alternator); its tit-for-tat mode is
    # deterministic and covered by the test above
    assert_same_statistics(
        "First by Graaskamp",
        opponents=("Cooperator", "Defector", "Tit For 2 Tats", "Alternator"),
        turns=100,
        matches=100,
    )


def test_graaskamp_defection_gaps_match_axelrod():
    # numpy's randint(5, 15) excludes 15: gaps between random defections are 5..14
    # turns, uniformly; compare the support and the mean gap with axelrod's.
    turns = 3000
    mt = axl.Match((axl_player("First by Graaskamp"), axl_player("Cooperator")), turns=turns, seed=5)
    a_moves = [0 if a == axl.Action.C else 1 for a, _ in mt.play()]
    m = Match(("First by Graaskamp", "Cooperator"), turns=turns, seed=5)
    m.play()
    gaps = {}
    for engine, moves in (("axelrod", a_moves), ("cooptourney", m.moves[:, 0].tolist())):
        d = [t for t in range(56, turns) if moves[t] == 1]
        gaps[engine] = np.diff(d)
        assert set(gaps[engine].tolist()) == set(range(5, 15)), engine
    # about 315 gaps each, standard deviation 2.9: the means agree within 0.7
    assert abs(gaps["axelrod"].mean() - gaps["cooptourney"].mean()) < 0.7


def test_parameters_agree_with_axelrod():
    assert_same_moves(
        ("Davis", "First by Davis"),
        params={"rounds_to_cooperate": 4},
        axl_kwargs={"rounds_to_cooperate": 4},
        noise_levels=(0.0, 0.1),
    )
    assert_same_moves(
        ("Stein and Rapoport", "First by Stein and Rapoport"),
        params={"alpha": 0.3},
        axl_kwargs={"alpha": 0.3},
        noise_levels=(0.0, 0.1),
    )
    assert_same_statistics(
        ("Joss", "First by Joss"), params={"p": 0.6}, axl_kwargs={"p": 0.6}, opponents=("Cooperator", "Alternator")
    )


@pytest.mark.parametrize("name", ["First by Tideman and Chieruzzi", "First by Stein and Rapoport"])
def test_same_moves_when_the_length_is_unknown(name):
    """axelrod tells the players length = inf under prob_end, cooptourney tells -1.

    Neither may trigger the end-game defections, and Tideman and Chieruzzi's "at
    least 10 moves remaining" must hold. Same scheme as ``assert_same_moves`` (the
    opponent's axelrod moves are replayed), with an unknown length on both sides;
    prob_end = 1e-12 makes our match run the full ``turns``.
    """
    turns = 100
    for opp_name in panel():
        for noise, seed in ((0.0, 0), (0.05, 1), (0.2, 2)):
            rng = np.random.default_rng([seed, 7])
            flips = (rng.random((2, turns)) < noise).astype(np.int8)
            me, opp = axl_player(name), axl_player(opp_name)
            for p in (me, opp):
                p.reset()
                p.set_match_attributes(length=float("inf"), game=axl.Game(), noise=0)
                p.set_seed(seed)
            a_moves, o_moves = [], []
            for t in range(turns):
                s1, s2 = me.strategy(opp), opp.strategy(me)
                s1 = s1.flip() if flips[0, t] else s1
                s2 = s2.flip() if flips[1, t] else s2
                me.update_history(s1, s2)
                opp.update_history(s2, s1)
                a_moves.append(0 if s1 == axl.Action.C else 1)
                o_moves.append(0 if s2 == axl.Action.C else 1)
            our_flips = np.zeros((2, turns), dtype=np.int8)
            our_flips[0] = flips[0]
            m = Match((Player(name), Player.sequence(o_moves)), turns=turns, prob_end=1e-12, flips=our_flips, seed=seed)
            m.play()
            assert m.moves.shape[0] == turns
            assert m.moves[:, 0].tolist() == a_moves, f"{name} vs {opp_name}, noise {noise}"


@pytest.mark.parametrize("game", [Game(R=4, S=0, T=6, P=2), Game(R=3, S=0, T=4, P=1)], ids=["4062", "3041"])
@pytest.mark.parametrize("name", ["First by Downing", "First by Tideman and Chieruzzi"])
def test_game_dependent_strategies_follow_the_game(name, game):
    # Downing's expected values and Tideman and Chieruzzi's 10-point lead use the
    # payoffs; (3, 0, 4, 1) has T - R = P - S, where Downing's two values tie often.
    assert_same_moves(name, game=game, noise_levels=(0.0, 0.1))


def test_whole_first_tournament_deterministic_subset_equals_axelrod():
    assert_same_tournament([*DETERMINISTIC, "Tit For Tat", "Grudger"], turns=200, repetitions=2)


# Every strategy of this family carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
