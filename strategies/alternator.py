"""Alternator: the unconditional pattern C, D, C, D, ...

Axelrod, R. (1984). The Evolution of Cooperation. Basic Books.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/alternator.py``) move for move, including its quirks, because
that library is the reference the tests check against
(``tests/strategies/test_alternator.py``).
"""

from cooptourney.strategy_api import C, D, strategy


@strategy("Alternator", oracle="moves", reciprocity="unconditional", memory_depth=1)
def alternator(my, opp, t, state, params, info, rng):
    """Cooperates first, then alternates C and D. (Axelrod 1984)

    unconditional: a fixed pattern, independent of the partner.
    """
    if t == 0:
        return C
    return D if my[t - 1] == C else C
