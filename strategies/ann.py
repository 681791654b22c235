"""Neural-network players: a one-hidden-layer network reads 17 features of the history.

Source: the networks trained for Harper, M., Knight, V., Jones, M., Koutsovoulos, G.,
Glynatsis, N. E. and Campbell, O. (2017). "Reinforcement learning produces dominant
strategies for the iterated prisoner's dilemma". PLoS ONE 12(12), e0188046.

The network computes h_j = relu(bias_j + sum_i W[j, i] x_i) over the features x, and
cooperates when sum_j w_j h_j > 0 (a sum of exactly 0 is a defection). The rules
follow the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/ann.py``,
``compute_features`` and ``activate``) move for move; the weights, trained with
axelrod-dojo, are in ``data/ann.json``, written from the installed ``axelrod`` by
``data/generate_tables.py``. Every network is one decorated function over the
shared interpreter :func:`ann_move`.

The 17 features, in axelrod's order (1 if true, else 0, unless a count):

 0, 1   partner's first move is C / is D          (0, 0 before move 2)
 2, 3   partner's second move is C / is D         (0, 0 before move 3)
 4, 5   own last move is C / is D                 (0, 0 on move 1)
 6, 7   own second-last move is C / is D          (0, 0 before move 3)
 8, 9   partner's last move is C / is D           (0, 0 on move 1)
 10, 11 partner's second-last move is C / is D   (0, 0 before move 3)
 12, 13 the partner's cooperations / defections so far
 14, 15 own cooperations / defections so far
 16     the number of moves played so far

A quirk reproduced: axelrod's relu is ``np.vectorize(lambda x: max(x, 0))`` with no
declared output type, so NumPy takes the type from the first hidden unit. When that
unit is negative, ``max`` returns the int 0 and every unit's value is truncated to
an integer before the output sum; otherwise the values stay real. This changes the
sign of the output, and so the move, on some turns (Evolved ANN, noisy matches).

The counts and the round number grow with the match, so a network can change its
play late in a long match (Evolved ANN 5 Noise 05 cooperates with an unconditional
cooperator for 34 moves, then defects on every third move and later more often).

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``); all features read the moves actually played (after noise).
The cooperation counts come from ``info``, which holds the same counts.

axelrod's base ``ANN`` is not in ``axelrod.all_strategies`` and has no counterpart
here: a weight vector of free size is not a scalar parameter.
"""

import functools
import math

from numba import njit

from cooptourney.strategies.fsm import trained_tables
from cooptourney.strategy_api import INFO_MY_COOPS, INFO_OPP_COOPS, C, D, at, strategy

N_FEATURES = 17
# Hidden units are evaluated five at a time: LLVM unrolls a loop of five units fully
# (every table offset a constant, no loop counter), not one of ten (its unrolling
# budget). Both networks have a multiple of five units.
BLOCK = 5


def ann_table(name, units=None):
    """One network as the flat table :func:`ann_move` reads; ``units``, when given, is
    the number of hidden units the network's step passes to :func:`ann_move` (checked).

    Layout: the number of hidden units m, the m x 17 input-to-hidden weights
    (row-major, one row per hidden unit), the m hidden-to-output weights, the m biases.

    Keep the layout: it is part of each player's identity. ``Player.identity`` lists
    the table values in this order, and the identity keys the player's random streams
    (its noise, and the random picks of a meta player whose table holds its members'
    tables, such as NMWE Deterministic). A reordered table (feature-major, say, so that
    four units' weights would be adjacent for one vector load) plays the same moves
    but changes those streams, and so every noisy result of the networks.
    """
    net = trained_tables("ann.json")[name]
    m = net["num_hidden"]
    w = net["input_to_hidden"]
    if net["num_features"] != N_FEATURES or len(w) != m or any(len(row) != N_FEATURES for row in w):
        raise ValueError(f"{name}: expected {m} x {N_FEATURES} input weights")
    if len(net["hidden_to_output"]) != m or len(net["bias"]) != m:
        raise ValueError(f"{name}: expected {m} output weights and {m} biases")
    if units is not None and units != m:
        raise ValueError(f"{name}: its step passes {units} hidden units, the table has {m}")
    return [float(m)] + [float(x) for row in w for x in row] + net["hidden_to_output"] + net["bias"]


@njit(cache=True, inline="always")
def _relu_term(output, h, truncate, weight):
    """``output`` plus one hidden unit's contribution: its relu value ``h`` times its weight.

    axelrod's relu, np.vectorize(lambda x: max(x, 0)), takes its output dtype from the
    first unit: max(h, 0) is the int 0 when the first unit's h < 0, and then every
    unit's value is cast to an integer (truncated); ``truncate`` says so.
    """
    if h > 0.0:
        return output + (math.floor(h) if truncate else h) * weight
    return output


@njit(cache=True, inline="always")
def _unit_sum(params, r, defined, i0, i1, i2, i3, i4, i5, opp_coops, opp_defs, my_coops, my_defs, rounds):
    """One hidden unit's weighted feature sum (its weights start at ``params[r]``).

    The terms are added in feature order, as the textbook sum over all 17 features
    does, but a one-hot pair (is C, is D) adds only the weight of its feature that is 1
    (``i0`` ... ``i5`` index it), and a pair that is still all zero (the partner's second
    move and the second-last moves before move 3, every move on move 1) adds nothing.
    That is exact: a weight times 1.0 is the weight, and adding a weight times 0.0 (a
    signed zero) leaves a sum that started at +0.0 unchanged. So the sum is
    bit-identical to the full one in at most 11 dependent additions instead of 17.
    ``defined`` is the number of moves played as far as the pairs go: min(t, 2).
    """
    s = 0.0
    if defined >= 1:
        s += at(params, r + i0)
    if defined >= 2:
        s += at(params, r + i1)
    if defined >= 1:
        s += at(params, r + i2)
    if defined >= 2:
        s += at(params, r + i3)
    if defined >= 1:
        s += at(params, r + i4)
    if defined >= 2:
        s += at(params, r + i5)
    s += at(params, r + 12) * opp_coops
    s += at(params, r + 13) * opp_defs
    s += at(params, r + 14) * my_coops
    s += at(params, r + 15) * my_defs
    s += at(params, r + 16) * rounds
    return s


# inlined into each step: a call would pass every array as numba's seven-field struct
# and count references on each (about ten calls into numba's runtime per move)
@njit(cache=True, inline="always")
def ann_move(my, opp, t, params, k, info, units):
    """The move of the network with ``units`` hidden units whose table starts at ``params[k]``.

    Each step passes its network's number of units as a constant (:func:`ann_table`
    checks it against the data): then the loop over the units unrolls (``BLOCK``) and
    every offset into the table is a compile-time constant.
    """
    # From move 3 on every one-hot pair is defined: that copy of the network (every
    # move but two) checks nothing per unit. The first two moves have their own copy.
    if t >= 2:
        return _network_move(my, opp, t, params, k, info, units, 2)
    return _network_move(my, opp, t, params, k, info, units, t)


@njit(cache=True, inline="always")
def _network_move(my, opp, t, params, k, info, units, defined):
    """:func:`ann_move`, with ``defined`` = min(t, 2) (see :func:`_unit_sum`); a constant
    2 leaves no check of the move number in the code."""
    # the feature index that is 1 in each one-hot pair: 2p for C, 2p + 1 for D (read
    # only once the pair is defined; 0 stands in before)
    i0 = i1 = i2 = i3 = i4 = i5 = 0
    if defined >= 1:
        i0 = 0 + opp[0]
        i2 = 4 + my[t - 1]
        i4 = 8 + opp[t - 1]
    if defined >= 2:
        i1 = 2 + opp[1]
        i3 = 6 + my[t - 2]
        i5 = 10 + opp[t - 2]
    opp_coops = info[INFO_OPP_COOPS]
    my_coops = info[INFO_MY_COOPS]
    opp_defs = t - opp_coops
    my_defs = t - my_coops
    rounds = float(t)
    m = units
    w_in = k + 1
    w_out = w_in + m * N_FEATURES
    bias = w_out + m
    # every unit is an independent chain of additions; the processor overlaps them
    output = 0.0
    truncate = False
    for first in range(0, m, BLOCK):
        for j in range(first, min(first + BLOCK, m)):
            h = at(params, bias + j) + _unit_sum(
                params,
                w_in + j * N_FEATURES,
                defined,
                i0,
                i1,
                i2,
                i3,
                i4,
                i5,
                opp_coops,
                opp_defs,
                my_coops,
                my_defs,
                rounds,
            )
            if j == 0:
                truncate = h < 0.0
            output = _relu_term(output, h, truncate, at(params, w_out + j))
    return C if output > 0.0 else D


def _table(name, units):
    return functools.partial(ann_table, name, units)


# No declared parameters: every network starts at params[0].


@strategy("Evolved ANN", reciprocity="diffuse", table=_table("Evolved ANN", 10), oracle="moves")
def evolved_ann(my, opp, t, state, params, info, rng):
    """A network with 10 hidden units evolved to score well against axelrod's strategies. (Martin Jones, axelrod-dojo 0.0.8, doi:10.5281/zenodo.1306926; as in axelrod 4.13.1)

    diffuse: measured: lets 5 payoff units stand, answers after 2 turns, returns 0.29 of the harm, no echo (docs/reference/reciprocity.md).
    """
    return ann_move(my, opp, t, params, 0, info, 10)


@strategy("Evolved ANN 5", reciprocity="specific", table=_table("Evolved ANN 5", 5), oracle="moves")
def evolved_ann_5(my, opp, t, state, params, info, rng):
    """A network with 5 hidden units evolved to score well against axelrod's strategies. (Marc Harper, axelrod-dojo 0.0.8, doi:10.5281/zenodo.1306931; as in axelrod 4.13.1)

    specific: cooperates with cooperators and meets repeated defection with defection.
    """
    return ann_move(my, opp, t, params, 0, info, 5)


@strategy("Evolved ANN 5 Noise 05", reciprocity="other", table=_table("Evolved ANN 5 Noise 05", 5), oracle="moves")
def evolved_ann_5_noise_05(my, opp, t, state, params, info, rng):
    """A network with 5 hidden units evolved in noisy matches (noise 0.05). (Marc Harper, axelrod-dojo 0.0.8, doi:10.5281/zenodo.1314247; as in axelrod 4.13.1)

    other: its play turns on the round number and the running counts, not on what the partner did last; after 34 moves it starts defecting against an unconditional cooperator.
    """
    return ann_move(my, opp, t, params, 0, info, 5)
