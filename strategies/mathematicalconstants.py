"""Mathematical constants: steer the pair's ratio of cooperations to defections towards
phi, pi or e.

Written by Timothy Standen for the Python library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/mathematicalconstants.py``) move for move, including its quirks,
because that library is the reference the tests check against
(``tests/strategies/test_mathematicalconstants.py``).
"""

import math

from numba import njit

from cooptourney.strategy_api import INFO_MY_COOPS, INFO_OPP_COOPS, C, D, strategy

# the same double values as axelrod's class attributes
_GOLDEN = (1 + math.sqrt(5)) / 2


_PI = math.pi


_E = math.e


@njit(cache=True, inline="always")
def _steer_ratio(t, info, ratio):
    """D while the players' joint C : D ratio exceeds ``ratio``, else C (axelrod's CotoDeRatio).

    Cooperates first, defects while the partner has not defected (the ratio would
    divide by zero), then compares (C's of both) / (D's of both) with ``ratio`` as a
    correctly rounded float division, as Python's ``/`` on two ints.
    """
    if t == 0:
        return C
    opp_defections = t - info[INFO_OPP_COOPS]
    if opp_defections == 0.0:
        return D
    cooperations = info[INFO_OPP_COOPS] + info[INFO_MY_COOPS]
    defections = opp_defections + (t - info[INFO_MY_COOPS])
    if cooperations / defections > ratio:
        return D
    return C


@strategy("$\\phi$", aliases=["Golden"], oracle="moves", reciprocity="other")
def golden(my, opp, t, state, params, info, rng):
    """Steers the joint ratio of cooperations to defections of both players towards the golden ratio (1 + sqrt 5) / 2: D while it is above, C otherwise. (Timothy Standen, as in axelrod 4.13.1, mathematicalconstants.py)

    other: it steers a statistic of the pair towards a constant; the partner's moves are neither paid back nor credited.

    Cooperates first and defects until the partner's first defection.
    """
    return _steer_ratio(t, info, _GOLDEN)


@strategy("$\\pi$", aliases=["Pi"], oracle="moves", reciprocity="other")
def pi(my, opp, t, state, params, info, rng):
    """Steers the joint ratio of cooperations to defections of both players towards pi: D while it is above, C otherwise. (Timothy Standen, as in axelrod 4.13.1, mathematicalconstants.py)

    other: it steers a statistic of the pair towards a constant; the partner's moves are neither paid back nor credited.

    Cooperates first and defects until the partner's first defection.
    """
    return _steer_ratio(t, info, _PI)


@strategy("$e$", aliases=["e"], oracle="moves", reciprocity="other")
def e(my, opp, t, state, params, info, rng):
    """Steers the joint ratio of cooperations to defections of both players towards e: D while it is above, C otherwise. (Timothy Standen, as in axelrod 4.13.1, mathematicalconstants.py)

    other: it steers a statistic of the pair towards a constant; the partner's moves are neither paid back nor credited.

    Cooperates first and defects until the partner's first defection.
    """
    return _steer_ratio(t, info, _E)
