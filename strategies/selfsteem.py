"""SelfSteem: a mood cycle of the move number that passes through tit for tat.

Andre, C., Coquio, M., Lamiraux, P. and Vinet, A. (2013). "Strategies for the
iterated prisoner's dilemma" (student report, the source axelrod cites).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/selfsteem.py``) in distribution (it draws exactly when axelrod
draws), including its quirks, because that library is the reference the tests check
against (``tests/strategies/test_selfsteem.py``).
"""

import math

from cooptourney.strategy_api import C, D, random_choice, strategy


@strategy("SelfSteem", oracle="statistics", reciprocity="other", stochastic=True)
def self_steem(my, opp, t, state, params, info, rng):
    """Follows f = sin(2 pi t / 10): D if f > 0.95, tit for tat if 0.3 < |f| < 0.95, random if |f| < 0.3, else C. (Andre et al. 2013; as in axelrod 4.13.1, selfsteem.py)

    other: a mood cycle of the move number; reciprocity is only one of its phases.

    t is the number of moves played, so over each ten moves t = 0..9 (mod 10) it
    plays: random, TFT, D, D, TFT, random, TFT, C, C, TFT (f = -0.951 at t = 7, 8
    meets no test and falls through to C, axelrod's "rock bottom"). Its
    "retaliation policy" (a phase shift of the curve) is not implemented, as in
    axelrod. One draw per turn in the random phase.
    """
    f = math.sin(2 * math.pi * t / 10)
    if f > 0.95:
        return D
    if 0.95 > abs(f) > 0.3:
        return opp[t - 1]
    if 0.3 > f > -0.3:
        return random_choice(rng, 0.5)
    return C
