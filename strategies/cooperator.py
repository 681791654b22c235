"""Cooperators: unconditional cooperation, and Tricky Cooperator, which exploits it.

Cooperator (ALLC) is the unconditional strategy of Axelrod, R. (1984). The Evolution
of Cooperation. Basic Books; Tricky Cooperator was written by Karol Langner for the
Python library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/cooperator.py``) move for move, including its quirks, because
that library is the reference the tests check against
(``tests/strategies/test_cooperator.py``).
"""

from cooptourney.strategy_api import C, D, strategy


@strategy(
    "Cooperator", oracle="moves", aliases=["ALLC", "Always Cooperate"], reciprocity="unconditional", memory_depth=0
)
def cooperator(my, opp, t, state, params, info, rng):
    """Always cooperates. (Axelrod 1984)

    unconditional: gives whatever it receives, no exchange is counted.
    """
    return C


@strategy("Tricky Cooperator", oracle="moves", reciprocity="negative", memory_depth=10)
def tricky_cooperator(my, opp, t, state, params, info, rng):
    """Cooperates, but from move 4 on defects whenever the partner has not defected in its last ten moves. (Karol Langner, in axelrod 4.13.1, cooperator.py)

    negative: exploits a partner exactly while it keeps cooperating.
    """
    if t < 3:
        return C
    for i in range(max(0, t - 10), t):
        if opp[i] == D:
            return C
    return D
