"""Gradual Killer: five defections, two cooperations, then a verdict for the rest of the
match.

From the PRISON project of the LIFL, Lille (Mathieu, Delahaye et al. 1998,
"[Prison1998]").

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/gradualkiller.py``) move for move, including its quirks, because
that library is the reference the tests check against
(``tests/strategies/test_gradualkiller.py``).
"""

from cooptourney.strategy_api import C, D, strategy


@strategy("Gradual Killer", oracle="moves", reciprocity="other")
def gradual_killer(my, opp, t, state, params, info, rng):
    """Plays D five times and C twice, then defects for ever if the partner defected on moves 6 and 7, else cooperates for ever. (PRISON project, LIFL 1998; as in axelrod 4.13.1, gradualkiller.py)

    other: a one-time verdict on two moves of the partner fixes its move for the rest of the match.
    """
    if t < 7:
        return D if t < 5 else C
    if opp[5] == D and opp[6] == D:
        return D
    return C
