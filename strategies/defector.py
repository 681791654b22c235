"""Defectors: unconditional defection, and Tricky Defector, which coaxes a partner back.

Defector (ALLD) is the unconditional strategy of Axelrod, R. (1984). The Evolution of
Cooperation. Basic Books; Tricky Defector was written by Karol Langner for the Python
library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/defector.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_defector.py``).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, strategy


@strategy("Defector", oracle="moves", aliases=["ALLD", "Always Defect"], reciprocity="unconditional", memory_depth=0)
def defector(my, opp, t, state, params, info, rng):
    """Always defects. (Axelrod 1984)

    unconditional: never reciprocates anything.
    """
    return D


@strategy("Tricky Defector", oracle="moves", reciprocity="negative")
def tricky_defector(my, opp, t, state, params, info, rng):
    """Defects, but cooperates when the partner has cooperated at least once and defected on its last three moves. (Karol Langner, in axelrod 4.13.1, defector.py)

    negative: defects against cooperation, and cooperates only to coax a partner back out of a run of defections.
    """
    if t >= 3 and info[INFO_OPP_COOPS] > 0.0 and opp[t - 1] == D and opp[t - 2] == D and opp[t - 3] == D:
        return C
    return D
