"""BackStabber and DoubleCrosser: a credit line of three partner defections, and endgame
defection.

Written by Thomas Campbell for the Python library ``axelrod``. Both carry axelrod's
``FinalTransformer((D, D))``: when the match length is known they defect on the
last two moves whatever their rule says; when it is unknown (``info[INFO_LENGTH]``
= -1, a match with ``prob_end``) they never do, and play their rule to the end.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/backstabber.py``) move for move, including its quirks, because
that library is the reference the tests check against
(``tests/strategies/test_backstabber.py``).

Turn counting: ``t`` is the number of moves already played, so the last two moves of a
match of known length n are ``t = n - 2, n - 1``. The partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after
noise).
"""

from numba import njit

from cooptourney.strategy_api import INFO_LENGTH, INFO_OPP_COOPS, C, D, strategy


@njit(cache=True, inline="always")
def _in_last_two_moves(t, info):
    """True on the last two moves of a match whose length the player knows (axelrod's FinalTransformer)."""
    n = info[INFO_LENGTH]
    return n >= 0.0 and t < n and n - t <= 2.0


@njit(cache=True, inline="always")
def _backstab(t, info):
    """C until the partner's fourth defection, D from then on."""
    return D if t - info[INFO_OPP_COOPS] > 3.0 else C


@strategy("BackStabber", oracle="moves", reciprocity="diffuse", uses_length=True)
def back_stabber(my, opp, t, state, params, info, rng):
    """Cooperates until the partner has defected four times in all, then defects for ever; defects on the last two moves of a match of known length. (Thomas Campbell, as in axelrod 4.13.1, backstabber.py)

    diffuse: a credit line of three defections, closed for good by the fourth, and no credit at the known end.

    The four defections need not be consecutive.
    """
    move = _backstab(t, info)
    if _in_last_two_moves(t, info):
        return D
    return move


@strategy("DoubleCrosser", oracle="moves", reciprocity="diffuse", uses_length=True)
def double_crosser(my, opp, t, state, params, info, rng):
    """BackStabber, except that on rounds 8 to 180, if the partner cooperated on all of rounds 1-7, it defects only after two partner defections in a row. (Thomas Campbell, as in axelrod 4.13.1, backstabber.py)

    diffuse: a credit line of three defections, and a partner with a clean opening may default as often as it likes, singly.

    On rounds 8-180 after a clean opening the grudge is suspended: it cooperates even
    after four or more defections, unless the partner's last two moves were D, D. From
    round 181 on BackStabber's count of all defections applies again. The last two
    moves of a match of known length are D.
    """
    move = _backstab(t, info)
    if 7 <= t < 180:
        clean_opening = True
        for i in range(7):
            if opp[i] == D:
                clean_opening = False
                break
        if clean_opening:
            move = D if opp[t - 1] == D and opp[t - 2] == D else C
    if _in_last_two_moves(t, info):
        return D
    return move
