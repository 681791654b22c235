"""Neural-network players: a one-hidden-layer network reads 17 features of the history.

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

from cooptourney.strategies.fsm import trained_tables
from numba import njit

from cooptourney.strategy_api import INFO_MY_COOPS, INFO_OPP_COOPS, C, D, strategy

N_FEATURES = 17


def ann_table(name):
    """One network as the flat table :func:`ann_move` reads.

    Layout: the number of hidden units m, the m x 17 input-to-hidden weights
    (row-major, one row per hidden unit), the m hidden-to-output weights, the m biases.
    """
    net = trained_tables("ann.json")[name]
    m = net["num_hidden"]
    w = net["input_to_hidden"]
    if net["num_features"] != N_FEATURES or len(w) != m or any(len(row) != N_FEATURES for row in w):
        raise ValueError(f"{name}: expected {m} x {N_FEATURES} input weights")
    if len(net["hidden_to_output"]) != m or len(net["bias"]) != m:
        raise ValueError(f"{name}: expected {m} output weights and {m} biases")
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


@njit(cache=True)
def ann_move(my, opp, t, params, k, info):
    """The move of the network whose table starts at ``params[k]``."""
    # one-hot pairs (is C, is D) of the first, second, last and second-last moves
    opp_first_c = opp_first_d = opp_second_c = opp_second_d = 0.0
    my_last_c = my_last_d = my_last2_c = my_last2_d = 0.0
    opp_last_c = opp_last_d = opp_last2_c = opp_last2_d = 0.0
    if t >= 1:
        opp_first_c, opp_first_d = 1.0 - opp[0], 1.0 * opp[0]
        my_last_c, my_last_d = 1.0 - my[t - 1], 1.0 * my[t - 1]
        opp_last_c, opp_last_d = 1.0 - opp[t - 1], 1.0 * opp[t - 1]
    if t >= 2:
        opp_second_c, opp_second_d = 1.0 - opp[1], 1.0 * opp[1]
        my_last2_c, my_last2_d = 1.0 - my[t - 2], 1.0 * my[t - 2]
        opp_last2_c, opp_last2_d = 1.0 - opp[t - 2], 1.0 * opp[t - 2]
    opp_coops = info[INFO_OPP_COOPS]
    my_coops = info[INFO_MY_COOPS]
    x = (
        opp_first_c, opp_first_d, opp_second_c, opp_second_d,
        my_last_c, my_last_d, my_last2_c, my_last2_d,
        opp_last_c, opp_last_d, opp_last2_c, opp_last2_d,
        opp_coops, t - opp_coops, my_coops, t - my_coops, float(t),
    )
    m = int(params[k])
    w_in = k + 1
    w_out = w_in + m * N_FEATURES
    bias = w_out + m
    output = 0.0
    truncate = False
    # Five hidden units at a time: five independent sums, each still over the features
    # in order (so every unit's value is bit-identical to summing it alone), instead
    # of one chain of dependent additions for the whole layer. The trained networks
    # have 5 or 10 hidden units.
    j = 0
    while j < m:
        if j + 5 <= m:
            r = w_in + j * N_FEATURES
            s0 = s1 = s2 = s3 = s4 = 0.0
            for i in range(N_FEATURES):
                xi = x[i]
                s0 += params[r + i] * xi
                s1 += params[r + N_FEATURES + i] * xi
                s2 += params[r + 2 * N_FEATURES + i] * xi
                s3 += params[r + 3 * N_FEATURES + i] * xi
                s4 += params[r + 4 * N_FEATURES + i] * xi
            if j == 0:
                truncate = params[bias] + s0 < 0.0
            output = _relu_term(output, params[bias + j] + s0, truncate, params[w_out + j])
            output = _relu_term(output, params[bias + j + 1] + s1, truncate, params[w_out + j + 1])
            output = _relu_term(output, params[bias + j + 2] + s2, truncate, params[w_out + j + 2])
            output = _relu_term(output, params[bias + j + 3] + s3, truncate, params[w_out + j + 3])
            output = _relu_term(output, params[bias + j + 4] + s4, truncate, params[w_out + j + 4])
            j += 5
        else:
            s = 0.0
            for i in range(N_FEATURES):
                s += params[w_in + j * N_FEATURES + i] * x[i]
            h = params[bias + j] + s
            if j == 0:
                truncate = h < 0.0
            output = _relu_term(output, h, truncate, params[w_out + j])
            j += 1
    return C if output > 0.0 else D


def _table(name):
    return functools.partial(ann_table, name)


# No declared parameters: every network starts at params[0].


@strategy("Evolved ANN", reciprocity="specific", table=_table("Evolved ANN"), oracle="moves")
def evolved_ann(my, opp, t, state, params, info, rng):
    """A network with 10 hidden units evolved to score well against axelrod's strategies. (Martin Jones, axelrod-dojo 0.0.8, doi:10.5281/zenodo.1306926; as in axelrod 4.13.1)

    specific: cooperates with cooperators and, once the partner defects, mostly defects for good, like a grudger.
    """
    return ann_move(my, opp, t, params, 0, info)


@strategy("Evolved ANN 5", reciprocity="specific", table=_table("Evolved ANN 5"), oracle="moves")
def evolved_ann_5(my, opp, t, state, params, info, rng):
    """A network with 5 hidden units evolved to score well against axelrod's strategies. (Marc Harper, axelrod-dojo 0.0.8, doi:10.5281/zenodo.1306931; as in axelrod 4.13.1)

    specific: cooperates with cooperators and meets repeated defection with defection.
    """
    return ann_move(my, opp, t, params, 0, info)


@strategy("Evolved ANN 5 Noise 05", reciprocity="other", table=_table("Evolved ANN 5 Noise 05"), oracle="moves")
def evolved_ann_5_noise_05(my, opp, t, state, params, info, rng):
    """A network with 5 hidden units evolved in noisy matches (noise 0.05). (Marc Harper, axelrod-dojo 0.0.8, doi:10.5281/zenodo.1314247; as in axelrod 4.13.1)

    other: its play turns on the round number and the running counts, not on what the partner did last; after 34 moves it starts defecting against an unconditional cooperator.
    """
    return ann_move(my, opp, t, params, 0, info)
