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

In multilateral mode (:mod:`cooptourney.multilateral`; docs/howto/multilateral.md) ``info``
is longer, and the slots from ``INFO_SIZE`` on carry what the player knows about the
group, as of the end of the previous round. Pairwise strategies never read them. A
strategy that does is registered with ``group=True`` and plays only in that mode.

=======================  =====================================================
``INFO_MULTILATERAL``    1.0 in multilateral mode
``INFO_N_PARTNERS``      how many partners the player has (N - 1)
``INFO_GROUP_TO_ME``     share of its partners that cooperated with it last round
                         (1.0 in the first round)
``INFO_GROUP_COOP``      share of C among all the actions it observed last round
``INFO_PARTNER_IMAGE``   the partner's image score in this player's view, -5 .. 5
``INFO_PARTNER_GOOD``    1.0 if the partner is in good standing in its view
``INFO_MY_GOOD``         1.0 if this player is in good standing in its own view
``INFO_PARTNER_GROUP``   share of C in the partner's observed actions towards
                         others last round (-1 if it observed none)
``INFO_PARTNER_RECORDED``  1.0 if the secretariat's record, as published to this
                         player, shows the partner in bad standing
``INFO_SAME_CLUB``       1.0 if both are members of the same club
``INFO_MY_CLUB``         this player's club index, -1 if none
``INFO_PARTNER_CLUB``    the partner's club index, -1 if none
``INFO_MY_RECORDED``     1.0 if the secretariat's record, as published to this
                         player, shows this player itself in bad standing
=======================  =====================================================
"""

import numpy as np
from numba import njit

from cooptourney.core.layout import (  # noqa: F401  (the info slots, defined with the engine's layout)
    IMAGE_MAX,
    IMAGE_MIN,
    INFO_GROUP_COOP,
    INFO_GROUP_SIZE,
    INFO_GROUP_TO_ME,
    INFO_LENGTH,
    INFO_MULTILATERAL,
    INFO_MY_CLUB,
    INFO_MY_COOPS,
    INFO_MY_GOOD,
    INFO_MY_RECORDED,
    INFO_MY_SCORE,
    INFO_N_PARTNERS,
    INFO_NOISE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_P,
    INFO_PARTNER_CLUB,
    INFO_PARTNER_GOOD,
    INFO_PARTNER_GROUP,
    INFO_PARTNER_IMAGE,
    INFO_PARTNER_RECORDED,
    INFO_R,
    INFO_S,
    INFO_SAME_CLUB,
    INFO_SIZE,
    INFO_T,
)
from cooptourney.core.rng import rand
from cooptourney.registry import Param, strategy  # noqa: F401  (re-exported for strategy authors)

C = 0
D = 1


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
    # written as a comparison, not a branch: a random outcome mispredicts half the time
    return int(rand(rng) >= p)


@njit(cache=True, inline="always")
def flip(move):
    return 1 - move


@njit(cache=True, inline="always")
def at(x, i):
    """``x[i]`` for an index ``i`` known to be valid and non-negative, read unsigned.

    numba corrects a signed index for Python's negative indexing (a shift, an and and
    an add per read); a table-driven step that reads many entries per move saves them.
    """
    return x[np.uint64(i)]
