"""Tests of ``strategies/dbs.py`` (DBS) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long noisy matches, parameters
and the independence of its moves from its record slots.
"""

import numpy as np
import pytest
from oracle import assert_same_moves, oracle_claims_test

from cooptourney import get_strategy
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.strategy_api import INFO_SIZE

DETERMINISTIC = [
    "DBS",
]
STOCHASTIC = []


def test_dbs_long_matches_with_noise():
    # the rule sets are promoted, violated, demoted and rejected many times in 150 noisy moves
    assert_same_moves(
        "DBS",
        opponents=["Random", "Tit For Tat", "Win-Stay Lose-Shift", "Bully"],
        turns=150,
        noise_levels=(0.1,),
        seeds=(0,),
    )


@pytest.mark.parametrize(
    "kw",
    [
        {
            "discount_factor": 0.5,
            "promotion_threshold": 2,
            "violation_threshold": 2,
            "reject_threshold": 1,
            "tree_depth": 3,
        },
        {
            "discount_factor": 0.9,
            "promotion_threshold": 5,
            "violation_threshold": 6,
            "reject_threshold": 5,
            "tree_depth": 1,
        },
    ],
    ids=str,
)
def test_dbs_parameters_agree_with_axelrod(kw):
    assert_same_moves(
        "DBS",
        params=kw,
        axl_kwargs=kw,
        opponents=["Random", "Alternator", "Tit For Tat", "Bully"],
        noise_levels=(0.0, 0.1),
    )


@pytest.mark.parametrize("discount", [0.75, 0.5, 1.0])
def test_dbs_moves_do_not_depend_on_the_state_after_its_rules(discount):
    # The slots after DBS's rules, where it records which moves hold the terms of its
    # discounted frequencies, start over at move 0 whatever they hold: moves depend only on
    # the rule slots (declared, or all zero) and the history.
    from cooptourney.strategies import dbs

    spec = get_strategy("DBS")
    player = Player("DBS", discount_factor=discount)
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    rng = np.zeros(2, dtype=np.uint64)
    garbage = np.random.default_rng(0).uniform(-3.0, 3.0, len(dbs._INITIAL_STATE) - dbs._LAST)
    for opponent in ("Random", "Random(p=0.3)", "Tit For Tat", "DBS"):
        moves = Match((player, opponent), turns=300, noise=0.1, seed=3).play()
        my = np.array([0 if a == "C" else 1 for a, _ in moves], dtype=np.int8)
        opp = np.array([0 if b == "C" else 1 for _, b in moves], dtype=np.int8)
        for rules in (player.initial_state[: dbs._LAST], np.zeros(dbs._LAST)):  # declared, a team's
            played = []
            for records in (player.initial_state[dbs._LAST :], np.zeros_like(garbage), garbage):
                state = np.concatenate([rules, records])
                played.append(
                    [int(spec.function(my, opp, t, state, player.param_values, info, rng)) for t in range(len(moves))]
                )
            assert played[1] == played[0] and played[2] == played[0], opponent


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
