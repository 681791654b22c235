"""What a strategy author imports: moves, the ``info`` slots, random draws, helpers.

Everything here is usable inside numba step functions. Slots of ``info``
(``float64[::1]``, one per player, owned by the engine):

=================  ===========================================================
``INFO_R`` .. ``INFO_P``  the payoffs R, S, T, P *as this player perceives them*
                   (the plain game unless a transformer is active)
``INFO_LENGTH``    the match length if the players know it, else -1 (``prob_end``)
``INFO_NOISE``     the match's implementation noise
``INFO_MY_SCORE``  this player's running total, in its perceived payoffs
``INFO_OPP_SCORE`` the partner's running total, in this player's perceived payoffs
``INFO_MY_COOPS``  how often this player has played C so far
``INFO_OPP_COOPS`` how often the partner has played C so far
=================  ===========================================================
"""

from numba import njit

from cooptourney.core.rng import rand  # noqa: F401  (re-exported for strategy authors)
from cooptourney.registry import Param, strategy  # noqa: F401

C = 0
D = 1

INFO_R = 0
INFO_S = 1
INFO_T = 2
INFO_P = 3
INFO_LENGTH = 4
INFO_NOISE = 5
INFO_MY_SCORE = 6
INFO_OPP_SCORE = 7
INFO_MY_COOPS = 8
INFO_OPP_COOPS = 9
INFO_SIZE = 10


@njit(cache=True, inline="always")
def payoff(info, mine, theirs):
    """This player's (perceived) payoff for the outcome (mine, theirs)."""
    if mine == 0:
        return info[INFO_R] if theirs == 0 else info[INFO_S]
    return info[INFO_T] if theirs == 0 else info[INFO_P]


@njit(cache=True, inline="always")
def random_choice(rng, p):
    """C with probability ``p``, else D; no draw when p is 0 or 1 (as in ``axelrod``)."""
    if p <= 0.0:
        return 1
    if p >= 1.0:
        return 0
    return 0 if rand(rng) < p else 1


@njit(cache=True, inline="always")
def flip(move):
    return 1 - move
