"""Better and Better: cooperation that grows with the move number.

From the PRISON project of the LIFL, Lille (Mathieu, Delahaye et al. 1998,
"[Prison1998]").

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/better_and_better.py``) in distribution (it draws exactly when
axelrod draws), including its quirks, because that library is the reference the tests
check against (``tests/strategies/test_better_and_better.py``).
"""

from cooptourney.strategy_api import random_choice, strategy


@strategy("Better and Better", oracle="statistics", reciprocity="unconditional", stochastic=True)
def better_and_better(my, opp, t, state, params, info, rng):
    """Cooperates with probability n/1000 on move n. (PRISON project, LIFL 1998; as in axelrod 4.13.1, better_and_better.py)

    unconditional: a schedule of the move number, independent of the partner.

    axelrod's docstring says "defects with probability (1000 - n)/1000"; the two
    agree. Always C from move 1000 on. One draw per turn before that.
    """
    return random_choice(rng, (t + 1) / 1000)
