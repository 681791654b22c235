"""Retaliators: a tally of exploitations suffered against exploitations inflicted.

The Retaliate family was written by Owen Campbell for the Python library ``axelrod``
and has no literature source; the rules here follow ``axelrod`` 4.13.1
(``axelrod/strategies/retaliate.py``) move for move, because that library is the
reference the test suite checks against (``tests/strategies/test_retaliate.py``).

Both families count, over all rounds played so far (the moves actually played,
after noise), the rounds CD (this player cooperated, the partner defected: it was
suckered) and DC (it defected on a cooperating partner). With threshold x the tally
is *unbalanced* while CD > x * DC: the partner must have been exploited 1/x times
(10 times at x = 0.1) for every time it exploited this player. Mutual defection
does not move the tally, so against a partner that answers defection with
defection an unbalanced tally stays unbalanced for good.

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(self.history)``); the tally is updated with round ``t - 1`` at the start of
turn ``t``, as axelrod updates its ``play_counts`` at the start of ``strategy``.
"""

import math

from numba import njit

from cooptourney.strategy_api import C, D, Param, strategy


def _threshold(default):
    return Param(
        float, default, 0.0, math.inf, "defect while (rounds suckered) > threshold * (rounds exploiting the partner)"
    )


def _limit(default):
    return Param(int, default, 0, math.inf, "consecutive retaliatory defections before one cooperation is interposed")


@njit(cache=True, inline="always")
def _unbalanced(my, opp, t, state, threshold):
    """Add round t-1 to the tally (state 0: CD, 1: DC); True while CD > threshold * DC."""
    if t > 0:
        if my[t - 1] == C and opp[t - 1] == D:
            state[0] += 1.0
        elif my[t - 1] == D and opp[t - 1] == C:
            state[1] += 1.0
    return state[0] > state[1] * threshold


@njit(cache=True, inline="always")
def _limited(my, opp, t, state, threshold, limit):
    """Limited Retaliate; state 0: CD, 1: DC, 2: retaliating, 3: defections in this run."""
    if _unbalanced(my, opp, t, state, threshold):
        state[2] = 1.0
    else:
        state[2] = 0.0
        state[3] = 0.0
    if state[2] > 0.5:
        if state[3] < limit:
            state[3] += 1.0
            return D
        state[3] = 0.0
        state[2] = 0.0
    return C


# --------------------------------------------------------------------------------------
# Retaliate, Retaliate 2, Retaliate 3
# state: 0 rounds CD (suckered), 1 rounds DC (exploited the partner)


@strategy(
    "Retaliate",
    oracle="moves",
    reciprocity="negative",
    params={"retaliation_threshold": _threshold(0.1)},
    state=(0.0, 0.0),
)
def retaliate(my, opp, t, state, params, info, rng):
    """Defects while it has been suckered more than 0.1 times as often as it exploited the partner. (Owen Campbell, in axelrod 4.13.1)

    negative: demands ten exploitations back for each one suffered, and as mutual defection never settles the tally, one defection by a reciprocating partner locks the pair into mutual defection.

    Cooperates first. With CD = rounds in which it cooperated and the partner
    defected and DC = rounds in which it defected and the partner cooperated, it
    defects iff CD > threshold * DC (threshold 0.1); the product is taken in
    floating point as in axelrod, so ties fall the same way. Against a partner
    that never defects on its cooperation it cooperates for ever.
    """
    if _unbalanced(my, opp, t, state, params[0]):
        return D
    return C


@strategy(
    "Retaliate 2",
    oracle="moves",
    reciprocity="negative",
    params={"retaliation_threshold": _threshold(0.08)},
    state=(0.0, 0.0),
)
def retaliate_2(my, opp, t, state, params, info, rng):
    """Retaliate with threshold 0.08: defects while suckered more than 0.08 times as often as it exploited. (Owen Campbell, in axelrod 4.13.1)

    negative: demands 12.5 exploitations back for each one suffered; mutual defection never settles the tally.
    """
    if _unbalanced(my, opp, t, state, params[0]):
        return D
    return C


@strategy(
    "Retaliate 3",
    oracle="moves",
    reciprocity="negative",
    params={"retaliation_threshold": _threshold(0.05)},
    state=(0.0, 0.0),
)
def retaliate_3(my, opp, t, state, params, info, rng):
    """Retaliate with threshold 0.05: defects while suckered more than 0.05 times as often as it exploited. (Owen Campbell, in axelrod 4.13.1)

    negative: demands twenty exploitations back for each one suffered; mutual defection never settles the tally.
    """
    if _unbalanced(my, opp, t, state, params[0]):
        return D
    return C


# --------------------------------------------------------------------------------------
# Limited Retaliate, Limited Retaliate 2, Limited Retaliate 3
# state: 0 rounds CD, 1 rounds DC, 2 retaliating, 3 defections in the current run


@strategy(
    "Limited Retaliate",
    oracle="moves",
    reciprocity="negative",
    params={"retaliation_threshold": _threshold(0.1), "retaliation_limit": _limit(20)},
    state=(0.0, 0.0, 0.0, 0.0),
)
def limited_retaliate(my, opp, t, state, params, info, rng):
    """Retaliate (threshold 0.1) that interposes one C after every 20 consecutive retaliatory defections. (Owen Campbell, in axelrod 4.13.1)

    negative: demands ten exploitations back per one suffered; the cap does not end a retaliation, so a reciprocating partner is dragged into lasting mutual defection.

    Cooperates first. Each turn it updates the tally as Retaliate does. While
    CD > threshold * DC it retaliates: it defects and counts its defections;
    when the count has reached the limit it plays one C and counts again from 0.
    Once the tally is balanced (CD <= threshold * DC) the count is reset and it
    cooperates.

    As in axelrod, and unlike its docstring ("it stops when ... it reaches the
    retaliation limit"), the limit does not end a retaliation: while the tally
    stays unbalanced it plays limit Ds, one C, limit Ds, ... The lone C is
    usually met with D by a reciprocating partner, which unbalances the tally
    further.
    """
    return _limited(my, opp, t, state, params[0], params[1])


@strategy(
    "Limited Retaliate 2",
    oracle="moves",
    reciprocity="negative",
    params={"retaliation_threshold": _threshold(0.08), "retaliation_limit": _limit(15)},
    state=(0.0, 0.0, 0.0, 0.0),
)
def limited_retaliate_2(my, opp, t, state, params, info, rng):
    """Limited Retaliate with threshold 0.08 and one C after every 15 retaliatory defections. (Owen Campbell, in axelrod 4.13.1)

    negative: demands 12.5 exploitations back per one suffered; the cap does not end a retaliation.

    The rule and quirk of Limited Retaliate (see there) with other constants.
    """
    return _limited(my, opp, t, state, params[0], params[1])


@strategy(
    "Limited Retaliate 3",
    oracle="moves",
    reciprocity="negative",
    params={"retaliation_threshold": _threshold(0.05), "retaliation_limit": _limit(20)},
    state=(0.0, 0.0, 0.0, 0.0),
)
def limited_retaliate_3(my, opp, t, state, params, info, rng):
    """Limited Retaliate with threshold 0.05 and one C after every 20 retaliatory defections. (Owen Campbell, in axelrod 4.13.1)

    negative: demands twenty exploitations back per one suffered; the cap does not end a retaliation.

    The rule and quirk of Limited Retaliate (see there) with other constants.
    """
    return _limited(my, opp, t, state, params[0], params[1])
