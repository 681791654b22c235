"""Resurrection and DoubleResurrection: tit for tat with scheduled breaks of long runs of
its own.

Eckhart, A. (2015). "Coopsim v0.9.9 beta 6".

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/resurrection.py``) move for move, including its quirks, because
that library is the reference the tests check against
(``tests/strategies/test_resurrection.py``).
"""

from numba import njit

from cooptourney.strategy_api import C, D, strategy


@njit(cache=True, inline="always")
def _last_five_own_moves_are(my, t, move):
    if t < 5:
        return False
    for i in range(t - 5, t):
        if my[i] != move:
            return False
    return True


@strategy("Resurrection", oracle="moves", reciprocity="specific", memory_depth=5)
def resurrection(my, opp, t, state, params, info, rng):
    """Tit For Tat, except that it defects after five defections of its own in a row. (Eckhart 2015; as in axelrod 4.13.1, resurrection.py)

    specific: returns exactly what it received, and a long feud, once set, keeps itself going.

    "Five defections of its own" are its last five moves as played.
    """
    if t == 0:
        return C
    if _last_five_own_moves_are(my, t, D):
        return D
    return opp[t - 1]


@strategy("DoubleResurrection", oracle="moves", reciprocity="specific", memory_depth=5)
def double_resurrection(my, opp, t, state, params, info, rng):
    """Tit For Tat, except that it defects after five cooperations of its own in a row and cooperates after five defections. (Eckhart 2015; as in axelrod 4.13.1, resurrection.py)

    specific: tit for tat at heart, with a scheduled probe in long cooperation and a scheduled peace offer in long feuds.

    The runs are its last five moves as played.
    """
    if t == 0:
        return C
    if _last_five_own_moves_are(my, t, C):
        return D
    if _last_five_own_moves_are(my, t, D):
        return C
    return opp[t - 1]
