"""Appeaser: switches its own move whenever the partner defects.

Written by Jochen Müller for the Python library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/appeaser.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_appeaser.py``).
"""

from cooptourney.strategy_api import C, D, strategy


@strategy("Appeaser", oracle="moves", reciprocity="other", memory_depth=1)
def appeaser(my, opp, t, state, params, info, rng):
    """Cooperates first; switches its own move whenever the partner defects, else repeats it. (Jochen Müller, in axelrod 4.13.1, appeaser.py)

    other: it guesses what the partner wants from each defection; it neither pays back nor forgives.

    axelrod classifies it as long memory; its move depends only on the last round.
    """
    if t == 0:
        return C
    if opp[t - 1] == D:
        return C if my[t - 1] == D else D
    return my[t - 1]
