"""Hunters: cooperate until the partner's history matches a pattern, then defect.

Each follows the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/hunter.py``,
with ``detect_cycle`` from ``axelrod/_strategy_utils.py``) move for move, checked in
``tests/strategies/test_hunter.py``. The hunters were written for ``axelrod`` by Karol
Langner and Marc Harper.

axelrod rescans the whole history every move. Here the same answers come from running
counts kept in ``state``, so a move costs O(1) however long the match: a cycle of
period p is present iff no move so far differed from the move p before it, a property
that once broken stays broken, so the cycle hunters keep the partner's last 12 moves as
the bits of a shift register and the broken periods as a bit mask, and compare each new
move with all 12 periods at once; the sliding halves of Math Constant Hunter only ever
move forward.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's cooperations so far are
``info[INFO_OPP_COOPS]``, its defections ``t - info[INFO_OPP_COOPS]``, and ours
``info[INFO_MY_COOPS]``. All histories are the moves actually played (after noise).
"""

from numba import njit

from cooptourney.strategy_api import INFO_MY_COOPS, INFO_OPP_COOPS, C, D, strategy

# detect_cycle's search range: periods 3 (min_size as the hunters call it) to 12 (max_size)
_MIN_PERIOD = 3
_MAX_PERIOD = 12


@strategy("Defector Hunter", oracle="moves", reciprocity="specific")
def defector_hunter(my, opp, t, state, params, info, rng):
    """Cooperates, but defects from move 5 on while the partner has defected on every move so far. (Karol Langner, as in axelrod 4.13.1)

    specific: answers a partner that has only ever defected in kind, and returns to cooperation at its first C.
    """
    if t >= 4 and info[INFO_OPP_COOPS] == 0.0:
        return D
    return C


@strategy("Cooperator Hunter", oracle="moves", reciprocity="negative")
def cooperator_hunter(my, opp, t, state, params, info, rng):
    """Cooperates, but defects from move 5 on while the partner has cooperated on every move so far. (Karol Langner, as in axelrod 4.13.1)

    negative: a partner that has never defected is exploited until it does.
    """
    if t >= 4 and info[INFO_OPP_COOPS] == t:
        return D
    return C


@strategy("Alternator Hunter", oracle="moves", reciprocity="negative")
def alternator_hunter(my, opp, t, state, params, info, rng):
    """Cooperates; from move 7 on defects for ever if the partner's first six moves alternated. (Karol Langner, as in axelrod 4.13.1)

    negative: a partner found to follow a fixed alternation is exploited for the rest of the match.

    As in axelrod the verdict is taken once, on move 7, from the first six moves (C D C
    D C D or D C D C D C); later moves of the partner do not change it.
    """
    if t < 6:
        return C
    for i in range(5):
        if opp[i] == opp[i + 1]:
            return C
    return D


# The last _MAX_PERIOD moves of the partner are a shift register, bit i holding the move
# i + 1 moves back; period p is bit p - 1 of the register and of the mask of broken periods.
_WINDOW = (1 << _MAX_PERIOD) - 1
_SEARCHED = _WINDOW & ~((1 << (_MIN_PERIOD - 1)) - 1)  # periods 3..12


@njit(cache=True, inline="always")
def _update_periods(opp, t, state, start):
    """Marks in the mask ``state[3]`` the periods p (3..12, bit p - 1) broken by opp[start:t].

    ``state[1]`` holds how many moves have been checked (those before ``start`` do not
    belong to the history searched and are skipped), ``state[2]`` the register of the
    last 12 moves checked. A period p holds for the sequence ``opp[start:t]`` iff
    ``opp[j] == opp[j - p]`` for every j >= start + p: a move j compared with the
    register breaks at once every period p <= j - start it differs at.
    """
    j = int(state[1])
    if j < start:
        j = start
    if j >= t:
        return
    register = int(state[2])
    broken = int(state[3])
    while j < t:
        move = int(opp[j])
        differs = register ^ (_WINDOW if move else 0)
        seen = j - start  # moves of the history before j: periods up to that are compared
        if seen < _MAX_PERIOD:
            differs &= (1 << seen) - 1
        broken |= differs & _SEARCHED
        register = ((register << 1) | move) & _WINDOW
        j += 1
    state[1] = t
    state[2] = register
    state[3] = broken


@njit(cache=True, inline="always")
def _has_cycle(state, length):
    """detect_cycle(history, min_size=3) is not None, for a history of ``length`` moves:
    a period of 3 to min(length // 2, 12) not broken."""
    longest = min(length // 2, _MAX_PERIOD)
    if longest < _MIN_PERIOD:
        return False
    return (~int(state[3]) & _SEARCHED & ((1 << longest) - 1)) != 0


# state: 0 hunting for good (1.0 = yes), 1 moves checked, 2 the register of the last 12
#        moves, 3 the mask of the periods broken


@strategy("Cycle Hunter", oracle="moves", reciprocity="negative", state=(0.0,) * 4)
def cycle_hunter(my, opp, t, state, params, info, rng):
    """Cooperates until the partner's whole history is a repeated cycle of length 3 to 12 holding both C and D, then defects for ever. (Marc Harper, as in axelrod 4.13.1)

    negative: a partner found to play a fixed cycle is exploited for the rest of the match.

    A cycle of length p counts once the history holds it at least twice (p <= t/2),
    from the first move on (axelrod's ``detect_cycle(history, min_size=3)``). A history
    of one repeated move is no cycle here, so Cooperator and Defector are not hunted.
    """
    if state[0] > 0.5:
        return D
    _update_periods(opp, t, state, 0)
    # the shortest cycle found holds both moves iff the history does
    if 0.0 < info[INFO_OPP_COOPS] < t and _has_cycle(state, t):
        state[0] = 1.0
        return D
    return C


# state: 0 a cycle was found at the last check (1.0 = yes), 1 moves checked,
#        2 the register of the last 12 moves, 3 the mask of the periods broken in the
#        history from move 11 on


@strategy("Eventual Cycle Hunter", oracle="moves", reciprocity="negative", state=(0.0,) * 4)
def eventual_cycle_hunter(my, opp, t, state, params, info, rng):
    """From move 11 on, defects while the partner's moves since move 11 form a repeated cycle of length 3 to 12, checked every 10 moves. (Marc Harper, as in axelrod 4.13.1)

    negative: a partner that has settled into a fixed cycle is exploited for as long as it keeps it.

    The first 10 moves are ignored (``detect_cycle(history, offset=10, min_size=3)``).
    The verdict is taken on moves 11, 21, 31, ... and kept until the next check; it
    cooperates whatever the verdict while the partner has never defected. Unlike
    Cycle Hunter, a cycle of one repeated move counts (a partner that defected once
    in its first 10 moves and then only cooperated is hunted), and a verdict can be
    withdrawn at a later check.
    """
    if t < 10 or info[INFO_OPP_COOPS] == t:
        return C
    if t % 10 == 0:
        _update_periods(opp, t, state, 10)
        state[0] = 1.0 if _has_cycle(state, t - 10) else 0.0
    return D if state[0] > 0.5 else C


# state: 0 e1 = t // 2 as last counted, 1 C's (both players) in [0, e1),
#        2 s2 = t // 4, 3 e2 = 3t // 4, 4 C's in [s2, e2)


@njit(cache=True, inline="always")
def _coops(my, opp, i):
    """C's played by the two players in round ``i`` (0, 1 or 2)."""
    return (1 - my[i]) + (1 - opp[i])


@strategy("Math Constant Hunter", oracle="moves", reciprocity="other", state=(0.0,) * 5)
def math_constant_hunter(my, opp, t, state, params, info, rng):
    """From move 9 on, defects when the cooperation rates of the first half, the middle half and the second half of the match so far lie within 0.2 of each other. (Karol Langner, as in axelrod 4.13.1)

    other: a statistical verdict on the joint record, aimed at fixed-ratio players, random ones included; no move is paid back.

    With n = t moves played, the windows are rounds [0, n//2), [n//4, 3n//4) and
    [n//2, n); a window's rate is 0.5 x (C's of both players in it) / (its rounds),
    computed in that order of float operations as in axelrod. It defects when both
    the middle and the second half differ from the first half by less than 0.2,
    provided the partner has played both C and D; otherwise it cooperates.
    """
    if t < 8 or info[INFO_OPP_COOPS] == 0.0 or info[INFO_OPP_COOPS] == t:
        return C
    end1 = t // 2
    start2 = t // 4
    end2 = 3 * t // 4
    # the window ends only move forward: add what entered, remove what left
    i = int(state[0])
    while i < end1:
        state[1] += _coops(my, opp, i)
        i += 1
    state[0] = end1
    i = int(state[3])
    while i < end2:
        state[4] += _coops(my, opp, i)
        i += 1
    state[3] = end2
    i = int(state[2])
    while i < start2:
        state[4] -= _coops(my, opp, i)
        i += 1
    state[2] = start2
    count3 = info[INFO_MY_COOPS] + info[INFO_OPP_COOPS] - state[1]
    ratio1 = 0.5 * state[1] / end1
    ratio2 = 0.5 * state[4] / (end2 - start2)
    ratio3 = 0.5 * count3 / (t - end1)
    if abs(ratio1 - ratio2) < 0.2 and abs(ratio1 - ratio3) < 0.2:
        return D
    return C


# state: 0 rounds where it played C and the partner answered C on the next move,
#        1 the same for D and D


@strategy("Random Hunter", oracle="moves", reciprocity="other", state=(0.0, 0.0))
def random_hunter(my, opp, t, state, params, info, rng):
    """From move 12 on, defects when the partner's answers to its moves look random: P(partner C after own C) and P(partner D after own D) both within 0.25 of 1/2. (Karol Langner, as in axelrod 4.13.1)

    other: a test for a random partner, whom it then exploits; cooperation and defection are not paid back as such.

    Each estimate counts only when it plays that move more than 5 times; the count of
    answers runs over its moves 1 .. t-1 and the denominator is all its C's (D's) so
    far, the last one included, as in axelrod.
    """
    if t > 1:
        if my[t - 2] == C and opp[t - 1] == C:
            state[0] += 1.0
        if my[t - 2] == D and opp[t - 1] == D:
            state[1] += 1.0
    if t <= 10:
        return C
    my_coops = info[INFO_MY_COOPS]
    my_defections = t - my_coops
    judged = False
    if my_coops > 5.0:
        judged = True
        if not abs(state[0] / my_coops - 0.5) < 0.25:
            return C
    if my_defections > 5.0:
        judged = True
        if not abs(state[1] / my_defections - 0.5) < 0.25:
            return C
    return D if judged else C
