"""Go By Majority: cooperate while the partner has cooperated at least as often as it defected.

Gail Grisell's entry to Axelrod's second tournament (Axelrod 1984, 23rd; "Soft
Majority" in Mittal & Deb 2009), with the windowed and "hard" variants of the
Python library ``axelrod``. All follow ``axelrod`` 4.13.1
(``axelrod/strategies/gobymajority.py``) move for move (checked in
``tests/strategies/test_gobymajority.py``).

The count runs over the partner's last ``memory_depth`` moves, or its whole
history when ``memory_depth`` is 0 (axelrod's reading of 0; its default, infinity,
means the same). On a tie, including the empty history of the first move, the
soft rules cooperate and the hard ones defect: **the Hard variants open with D**.

Turn counting: ``t`` is the number of moves already played; a window of m moves is
``opp[max(0, t - m):t]`` (axelrod's ``opponent.history[-m:]``).
"""

import math

from numba import njit

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, Param, strategy

# state: 0 the partner's defections inside the window (only used when the window is finite)


@njit(cache=True, inline="always")
def _majority(opp, t, state, info, memory, soft):
    """C or D by the partner's majority over the last ``memory`` moves (0: all of them).

    The windowed count is kept in ``state[0]``: the move that enters the window is
    added and the one that leaves is taken out, once per turn.
    """
    if memory > 0.0:
        if t > 0:
            state[0] += opp[t - 1]
            if t - 1 - memory >= 0.0:
                state[0] -= opp[t - 1 - int(memory)]
        n = min(float(t), memory)
        defections = state[0]
    else:
        n = float(t)
        defections = t - info[INFO_OPP_COOPS]
    cooperations = n - defections
    if defections > cooperations:
        return D
    if defections == cooperations:
        return C if soft else D
    return C


_MEMORY = Param(int, 0, 0, math.inf, "moves of the partner counted; 0 = its whole history")


@strategy(
    "Go By Majority",
    oracle="moves",
    aliases=["Soft Go By Majority", "Soft Majority"],
    reciprocity="diffuse",
    params={"memory_depth": _MEMORY},
    state=(0.0,),
)
def go_by_majority(my, opp, t, state, params, info, rng):
    """Cooperates unless the partner has defected more often than it cooperated. (Grisell, Axelrod's second tournament: Axelrod 1980b, JCR 24; Axelrod 1984; as in axelrod 4.13.1)

    diffuse: judges the partner by its overall record and lets any defection pass while cooperation keeps at least half.

    Cooperates first and on ties. With ``memory_depth`` > 0 only that many of the
    partner's last moves count (the registered depth is then that number; the
    classifier here states the default, the whole history).
    """
    return _majority(opp, t, state, info, params[0], True)


@strategy(
    "Hard Go By Majority",
    oracle="moves",
    aliases=["Hard Majority"],
    reciprocity="specific",
    params={"memory_depth": _MEMORY},
    state=(0.0,),
)
def hard_go_by_majority(my, opp, t, state, params, info, rng):
    """Cooperates only while the partner has cooperated more often than it defected. (Mittal & Deb 2009, IEEE TEC 13; as in axelrod 4.13.1)

    specific: extends no credit: opens with D and asks the partner's record to show a strict surplus of cooperation.

    Defects on the first move and on ties. With ``memory_depth`` > 0 only that many
    of the partner's last moves count.
    """
    return _majority(opp, t, state, info, params[0], False)


@strategy(
    "Go By Majority 5",
    oracle="moves",
    aliases=["Soft Go By Majority: 5"],
    reciprocity="diffuse",
    memory_depth=5,
    state=(0.0,),
)
def go_by_majority_5(my, opp, t, state, params, info, rng):
    """Go By Majority over the partner's last 5 moves. (Karol Langner, in axelrod 4.13.1, after Grisell in Axelrod 1984)

    diffuse: judges the partner by a short record and lets a defection pass while cooperation keeps at least half.
    """
    return _majority(opp, t, state, info, 5.0, True)


@strategy(
    "Go By Majority 10",
    oracle="moves",
    aliases=["Soft Go By Majority: 10"],
    reciprocity="diffuse",
    memory_depth=10,
    state=(0.0,),
)
def go_by_majority_10(my, opp, t, state, params, info, rng):
    """Go By Majority over the partner's last 10 moves. (Karol Langner, in axelrod 4.13.1, after Grisell in Axelrod 1984)

    diffuse: judges the partner by its recent record and lets a defection pass while cooperation keeps at least half.
    """
    return _majority(opp, t, state, info, 10.0, True)


@strategy(
    "Go By Majority 20",
    oracle="moves",
    aliases=["Soft Go By Majority: 20"],
    reciprocity="diffuse",
    memory_depth=20,
    state=(0.0,),
)
def go_by_majority_20(my, opp, t, state, params, info, rng):
    """Go By Majority over the partner's last 20 moves. (Karol Langner, in axelrod 4.13.1, after Grisell in Axelrod 1984)

    diffuse: judges the partner by its recent record and lets a defection pass while cooperation keeps at least half.
    """
    return _majority(opp, t, state, info, 20.0, True)


@strategy(
    "Go By Majority 40",
    oracle="moves",
    aliases=["Soft Go By Majority: 40"],
    reciprocity="diffuse",
    memory_depth=40,
    state=(0.0,),
)
def go_by_majority_40(my, opp, t, state, params, info, rng):
    """Go By Majority over the partner's last 40 moves. (Karol Langner, in axelrod 4.13.1, after Grisell in Axelrod 1984)

    diffuse: judges the partner by its recent record and lets a defection pass while cooperation keeps at least half.
    """
    return _majority(opp, t, state, info, 40.0, True)


@strategy(
    "Hard Go By Majority 5",
    oracle="moves",
    aliases=["Hard Go By Majority: 5"],
    reciprocity="diffuse",
    memory_depth=5,
    state=(0.0,),
)
def hard_go_by_majority_5(my, opp, t, state, params, info, rng):
    """Hard Go By Majority over the partner's last 5 moves: D on the first move and on ties. (Karol Langner, in axelrod 4.13.1, after Mittal & Deb 2009)

    diffuse: measured: lets 45 payoff units stand, answers after 3 turns, returns 0.86 of the harm, n/a (docs/reference/reciprocity.md).
    """
    return _majority(opp, t, state, info, 5.0, False)


@strategy(
    "Hard Go By Majority 10",
    oracle="moves",
    aliases=["Hard Go By Majority: 10"],
    reciprocity="diffuse",
    memory_depth=10,
    state=(0.0,),
)
def hard_go_by_majority_10(my, opp, t, state, params, info, rng):
    """Hard Go By Majority over the partner's last 10 moves: D on the first move and on ties. (Karol Langner, in axelrod 4.13.1, after Mittal & Deb 2009)

    diffuse: measured: lets 45 payoff units stand, answers after 5 turns, returns 1.00 of the harm, n/a (docs/reference/reciprocity.md).
    """
    return _majority(opp, t, state, info, 10.0, False)


@strategy(
    "Hard Go By Majority 20",
    oracle="moves",
    aliases=["Hard Go By Majority: 20"],
    reciprocity="diffuse",
    memory_depth=20,
    state=(0.0,),
)
def hard_go_by_majority_20(my, opp, t, state, params, info, rng):
    """Hard Go By Majority over the partner's last 20 moves: D on the first move and on ties. (Karol Langner, in axelrod 4.13.1, after Mittal & Deb 2009)

    diffuse: measured: lets 45 payoff units stand, answers after 19 turns, returns 0.00 of the harm, n/a (docs/reference/reciprocity.md).
    """
    return _majority(opp, t, state, info, 20.0, False)


@strategy(
    "Hard Go By Majority 40",
    oracle="moves",
    aliases=["Hard Go By Majority: 40"],
    reciprocity="diffuse",
    memory_depth=40,
    state=(0.0,),
)
def hard_go_by_majority_40(my, opp, t, state, params, info, rng):
    """Hard Go By Majority over the partner's last 40 moves: D on the first move and on ties. (Karol Langner, in axelrod 4.13.1, after Mittal & Deb 2009)

    diffuse: measured: lets 90 payoff units stand, answers after 39 turns, returns 0.00 of the harm, n/a (docs/reference/reciprocity.md).
    """
    return _majority(opp, t, state, info, 40.0, False)
