"""Average copiers: cooperate with the partner's cooperation rate so far.

Written by Geraint Palmer and Owen Campbell for the Python library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/averagecopier.py``) in distribution (each draws exactly when
axelrod draws), including its quirks, because that library is the reference the tests
check against (``tests/strategies/test_averagecopier.py``).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, random_choice, strategy


@strategy("Average Copier", oracle="statistics", reciprocity="diffuse", stochastic=True)
def average_copier(my, opp, t, state, params, info, rng):
    """Random first move; then cooperates with probability the partner's cooperation rate so far. (Geraint Palmer, in axelrod 4.13.1, averagecopier.py)

    diffuse: gives in proportion to the partner's whole record, not move for move.

    One draw per turn unless the partner has only cooperated or only defected.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    return random_choice(rng, info[INFO_OPP_COOPS] / t)


@strategy("Nice Average Copier", oracle="statistics", reciprocity="diffuse", stochastic=True)
def nice_average_copier(my, opp, t, state, params, info, rng):
    """Cooperates first; then cooperates with probability the partner's cooperation rate so far. (Owen Campbell, in axelrod 4.13.1, averagecopier.py)

    diffuse: gives in proportion to the partner's whole record, not move for move.

    One draw per turn unless the partner has only cooperated or only defected.
    """
    if t == 0:
        return C
    return random_choice(rng, info[INFO_OPP_COOPS] / t)
