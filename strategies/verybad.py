"""VeryBad: judges the partner by its overall cooperation rate.

Andre, C., Coquio, M., Lamiraux, P. and Vinet, A. (2013). "Strategies for the
iterated prisoner's dilemma" (student report, the source axelrod cites).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/verybad.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_verybad.py``).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, strategy


@strategy("VeryBad", oracle="moves", reciprocity="diffuse")
def very_bad(my, opp, t, state, params, info, rng):
    """Cooperates for three moves, then C if the partner has cooperated more than half the time, D if less, its last move on a tie. (Andre et al. 2013; as in axelrod 4.13.1, verybad.py)

    diffuse: judges the partner by its overall record, not by single moves.
    """
    if t < 3:
        return C
    rate = info[INFO_OPP_COOPS] / t
    if rate > 0.5:
        return C
    if rate < 0.5:
        return D
    return opp[t - 1]
