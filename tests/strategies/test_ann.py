"""Tests of ``strategies/ann.py`` (the neural networks) against axelrod (the oracle).

Every deterministic strategy here must play axelrod's moves exactly, every stochastic
one agree with it statistically; the default check of each claim runs in
``tests/test_oracle_library.py``, and this module adds long matches (the networks read
the round number and running counts), axelrod's integer relu and its network on random
histories.
"""

import axelrod as axl
import numpy as np
import pytest
from oracle import assert_same_moves, axl_player, oracle_claims_test

from cooptourney import get_strategy
from cooptourney.match import Match

DETERMINISTIC = [
    "Evolved ANN",
    "Evolved ANN 5",
    "Evolved ANN 5 Noise 05",
]
STOCHASTIC = []

LONG_PANEL = [
    "Cooperator",
    "Random",
    "Alternator",
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "GTFT",
    "Bully",
    "First by Joss",
    "First by Tideman and Chieruzzi",
]


@pytest.mark.parametrize("name", ["Evolved ANN", "Evolved ANN 5", "Evolved ANN 5 Noise 05"])
def test_same_moves_in_long_matches(name):
    # the networks read the round number and running counts, which only grow late
    assert_same_moves(name, opponents=LONG_PANEL, turns=300, noise_levels=(0.0, 0.05, 0.3), seeds=(0,))


def test_ann_reproduces_axelrods_integer_relu():
    """axelrod's relu takes its dtype from the first hidden unit: when it is negative, all units are truncated."""
    from cooptourney.strategies.ann import ann_move

    mine = "CDCCCCCCCCCCDDCCDD"
    theirs = "CCDCDCCDCCCCCCCCDC"
    my = np.array([m == "D" for m in mine], dtype=np.int8)
    opp = np.array([m == "D" for m in theirs], dtype=np.int8)
    t = len(mine)
    params = get_strategy("Evolved ANN").table_values()
    info = np.zeros(10)
    info[8], info[9] = mine.count("C"), theirs.count("C")
    # the same features by hand, and the textbook network (real-valued relu)
    x = np.array([1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 14, 4, 13, 5, 18], dtype=float)
    m = int(params[0])
    w = params[1 : 1 + 17 * m].reshape(m, 17)
    w_out = params[1 + 17 * m : 1 + 18 * m]
    bias = params[1 + 18 * m :]
    h = bias + w @ x
    assert h[0] < 0
    assert np.maximum(h, 0) @ w_out < 0  # a real relu would defect
    assert np.trunc(np.maximum(h, 0)) @ w_out > 0  # axelrod's cooperates
    assert ann_move(my, opp, t, params, 0, info, int(params[0])) == 0
    p = axl_player("Evolved ANN")
    q = axl_player("Cooperator")
    for a, b in zip(mine, theirs):
        p.history.append(axl.Action.C if a == "C" else axl.Action.D, axl.Action.C if b == "C" else axl.Action.D)
        q.history.append(axl.Action.C if b == "C" else axl.Action.D, axl.Action.C if a == "C" else axl.Action.D)
    assert p.strategy(q) == axl.Action.C


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_ann_move_equals_axelrods_network_on_random_histories(name):
    """Every move from random histories of random lengths (0 to 80 moves, any mix of C
    and D) is axelrod's: the opening turns, the one-hot shortcut from move 3 on and the
    integer-relu quirk all agree with ``compute_features`` and ``activate``."""
    from cooptourney.strategies.ann import ann_move

    params = get_strategy(name).table_values()
    rng = np.random.default_rng(20261123)
    both = 0
    for _ in range(600):
        t = int(rng.integers(0, 81))
        my = (rng.random(t) < rng.random()).astype(np.int8)
        opp = (rng.random(t) < rng.random()).astype(np.int8)
        info = np.zeros(10)
        info[8], info[9] = t - int(my.sum()), t - int(opp.sum())
        p = axl_player(name)
        q = axl_player("Cooperator")
        for a, b in zip(my, opp):
            p.history.append(axl.Action.D if a else axl.Action.C, axl.Action.D if b else axl.Action.C)
            q.history.append(axl.Action.D if b else axl.Action.C, axl.Action.D if a else axl.Action.C)
        expected = 1 if p.strategy(q) == axl.Action.D else 0
        ours = ann_move(
            np.append(my, 0).astype(np.int8), np.append(opp, 0).astype(np.int8), t, params, 0, info, int(params[0])
        )
        assert ours == expected, (name, t, my.tolist(), opp.tolist())
        both += expected
    assert 0 < both < 600  # the histories reach both moves


def _moves(a, b, turns, flips=None):
    return "".join(x for x, _ in Match((a, b), turns=turns, seed=0, flips=flips).play())


def test_evolved_ann_5_noise_05_turns_on_a_cooperator_late():
    ours = _moves("Evolved ANN 5 Noise 05", "Cooperator", 120)
    am = axl.Match((axl_player("Evolved ANN 5 Noise 05"), axl_player("Cooperator")), turns=120)
    theirs = "".join(str(a) for a, _ in am.play())
    assert ours == theirs
    first_d = ours.index("D")
    assert first_d > 30 and ours[:first_d] == "C" * first_d


# Every strategy of this module carries the claim it should (the default oracle check
# of every claim runs once, in tests/test_oracle_library.py).
test_every_strategy_here_carries_its_oracle_claim = oracle_claims_test(DETERMINISTIC, STOCHASTIC)
