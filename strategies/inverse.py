"""Inverse: forgives a defection more and more as it recedes.

Written by Karol Langner for the Python library ``axelrod``.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/inverse.py``) in distribution (it draws exactly when axelrod
draws), including its quirks, because that library is the reference the tests check
against (``tests/strategies/test_inverse.py``).
"""

from cooptourney.strategy_api import C, D, random_choice, strategy


@strategy("Inverse", oracle="statistics", reciprocity="specific", stochastic=True, state=(-1.0,))
def inverse(my, opp, t, state, params, info, rng):
    """Cooperates with probability 1 - 1/k, where the partner's last defection was k moves ago; always C if it never defected. (Karol Langner, in axelrod 4.13.1, inverse.py)

    specific: answers a defection at once, and forgives it more and more as it recedes.

    k = 1 (a defection on the last move) gives a certain D. One draw per turn
    from the partner's first defection on, except right after a partner D.
    ``state[0]`` is the turn of the partner's last defection (-1: none yet), so a
    turn costs the same however long ago that was (axelrod searches the history).
    """
    if t > 0 and opp[t - 1] == D:
        state[0] = t - 1
    if state[0] < 0.0:
        return C
    return random_choice(rng, 1.0 - 1.0 / (t - state[0]))
