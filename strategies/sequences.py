"""Schedules and counters: BackStabber and DoubleCrosser, Resurrection, Thue-Morse, the mathematical-constant players.

Each follows the Python library ``axelrod`` 4.13.1 move for move (checked in
``tests/test_oracle_families_a.py``), from ``axelrod/strategies/backstabber.py``,
``resurrection.py``, ``sequence_player.py`` and ``mathematicalconstants.py``, as named
in each docstring.

BackStabber and DoubleCrosser carry axelrod's ``FinalTransformer((D, D))``: when the
match length is known they defect on the last two moves whatever their rule says;
when it is unknown (``info[INFO_LENGTH]`` = -1, a match with ``prob_end``) they never
do, and play their rule to the end.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``, "round k" (counting from 1) is ``t = k - 1``, and the
last two moves of a match of known length n are ``t = n - 2, n - 1``. The partner's
defections so far are ``t - info[INFO_OPP_COOPS]``. All histories are the moves
actually played (after noise).
"""

import math

from numba import njit

from cooptourney.strategy_api import INFO_LENGTH, INFO_MY_COOPS, INFO_OPP_COOPS, C, D, strategy

# --------------------------------------------------------------------------------------
# axelrod/strategies/backstabber.py


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


# --------------------------------------------------------------------------------------
# axelrod/strategies/resurrection.py


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


# --------------------------------------------------------------------------------------
# axelrod/strategies/sequence_player.py


@njit(cache=True, inline="always")
def _thue_morse(n):
    """Term n of the Thue-Morse sequence 0 1 1 0 1 0 0 1 ...: the parity of the 1-bits of n."""
    bits = 0
    while n > 0:
        bits ^= n & 1
        n >>= 1
    return bits


@strategy("ThueMorse", oracle="moves", reciprocity="unconditional")
def thue_morse(my, opp, t, state, params, info, rng):
    """Plays the Thue-Morse sequence with 0 as D and 1 as C: D C C D C D D C ... (Geraint Palmer, as in axelrod 4.13.1, sequence_player.py)

    unconditional: a schedule of the move number, independent of the partner.
    """
    return D if _thue_morse(t) == 0 else C


@strategy("ThueMorseInverse", oracle="moves", reciprocity="unconditional")
def thue_morse_inverse(my, opp, t, state, params, info, rng):
    """Plays the Thue-Morse sequence with 0 as C and 1 as D: C D D C D C C D ... (Geraint Palmer, as in axelrod 4.13.1, sequence_player.py)

    unconditional: a schedule of the move number, independent of the partner.
    """
    return C if _thue_morse(t) == 0 else D


# --------------------------------------------------------------------------------------
# axelrod/strategies/mathematicalconstants.py

# the same double values as axelrod's class attributes
_GOLDEN = (1 + math.sqrt(5)) / 2
_PI = math.pi
_E = math.e


@njit(cache=True, inline="always")
def _steer_ratio(t, info, ratio):
    """D while the players' joint C : D ratio exceeds ``ratio``, else C (axelrod's CotoDeRatio).

    Cooperates first, defects while the partner has not defected (the ratio would
    divide by zero), then compares (C's of both) / (D's of both) with ``ratio`` as a
    correctly rounded float division, as Python's ``/`` on two ints.
    """
    if t == 0:
        return C
    opp_defections = t - info[INFO_OPP_COOPS]
    if opp_defections == 0.0:
        return D
    cooperations = info[INFO_OPP_COOPS] + info[INFO_MY_COOPS]
    defections = opp_defections + (t - info[INFO_MY_COOPS])
    if cooperations / defections > ratio:
        return D
    return C


@strategy("$\\phi$", aliases=["Golden"], oracle="moves", reciprocity="other")
def golden(my, opp, t, state, params, info, rng):
    """Steers the joint ratio of cooperations to defections of both players towards the golden ratio (1 + sqrt 5) / 2: D while it is above, C otherwise. (Timothy Standen, as in axelrod 4.13.1, mathematicalconstants.py)

    other: it steers a statistic of the pair towards a constant; the partner's moves are neither paid back nor credited.

    Cooperates first and defects until the partner's first defection.
    """
    return _steer_ratio(t, info, _GOLDEN)


@strategy("$\\pi$", aliases=["Pi"], oracle="moves", reciprocity="other")
def pi(my, opp, t, state, params, info, rng):
    """Steers the joint ratio of cooperations to defections of both players towards pi: D while it is above, C otherwise. (Timothy Standen, as in axelrod 4.13.1, mathematicalconstants.py)

    other: it steers a statistic of the pair towards a constant; the partner's moves are neither paid back nor credited.

    Cooperates first and defects until the partner's first defection.
    """
    return _steer_ratio(t, info, _PI)


@strategy("$e$", aliases=["e"], oracle="moves", reciprocity="other")
def e(my, opp, t, state, params, info, rng):
    """Steers the joint ratio of cooperations to defections of both players towards e: D while it is above, C otherwise. (Timothy Standen, as in axelrod 4.13.1, mathematicalconstants.py)

    other: it steers a statistic of the pair towards a constant; the partner's moves are neither paid back nor credited.

    Cooperates first and defects until the partner's first defection.
    """
    return _steer_ratio(t, info, _E)
