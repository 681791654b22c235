"""Axelrod's second tournament, from the original programs: the rules K62R to K93R.

Axelrod, R. (1980b). "More effective choice in the prisoner's dilemma". Journal of
Conflict Resolution 24(3), 379-403, reports a round robin of 63 rules written in
FORTRAN (the codes K31R ... K93R; K93R is RANDOM). The programs survive in Axelrod's
TourExec (MIT licence, kept by the Axelrod-Python project as ``TourExec``), and these
rules are native translations of them, one step function per rule, named by its code
(``"k64r"``), with the author and the rank in the docstring's first line.

How the originals see a match. Each rule is a FORTRAN function ``KnnR(J, M, K, L, R,
JA)``: ``J`` the partner's previous move (0 on the first move), ``M`` the move number
from 1, ``K`` and ``L`` its own and the partner's score so far, ``R`` a uniform random
number in single precision, drawn for every move whether the rule uses it or not, and
``JA`` its own previous move; it returns 0 (C) or 1 (D). It is never told the match
length. Here ``t`` is ``M - 1``, ``opp[t - 1]`` is ``J``, ``my[t - 1]`` is ``JA``, and
the running scores are ``info[INFO_MY_SCORE]`` and ``info[INFO_OPP_SCORE]``.

Conventions kept from the originals, on purpose:

* every stochastic rule draws one number per move, at the start of the move, whether
  it uses it or not, as the tournament program handed one to every call; so given the
  original's draws a rule here plays the original's moves (the tests replay them);
* arithmetic the original does in single precision (``REAL``) is done in ``float32``
  where a tie or a threshold can depend on the rounding (``_F``); integer arithmetic
  truncates as FORTRAN does;
* a variable the original keeps in a ``SAVE`` slot between calls and sets to its own
  move (not ``JA``) is kept in ``state`` here too, so that under noise the rule
  remembers what it meant to play, as the original would;
* where the original has a typing slip that changes what it does (a test that can never
  be true, a counter reset on the wrong line), the rule plays what the program does,
  and the docstring says so.

Each rule is checked against the original programs' moves stored in
``tests/data/tourexec/<code>.json.gz`` (written by ``tools/tourexec_moves.py`` from a
compiled TourExec): a deterministic rule move for move against all 63 rules, the
tournament program's column rules and scripted partners over 308 moves (the other
tournament lengths, 63, 77, 151 and 156, are prefixes, since a rule is not told the
length); a stochastic rule move for move given the original's draws, and statistically
with its own draws (``tests/strategies/test_second_tournament_late.py``).
"""

import math

import numpy as np
from numba import njit

from cooptourney.strategy_api import INFO_MY_SCORE, INFO_OPP_COOPS, INFO_OPP_SCORE, C, D, rand, strategy

#: single precision, for the originals' REAL arithmetic
_F = np.float32


@njit(cache=True)
def _last(moves, t):
    """The previous move, or 0 (C) on the first move, as the tournament program passed it."""
    return moves[t - 1] if t > 0 else 0


@njit(cache=True)
def _powi(x, n):
    """``x ** n`` for a REAL ``x`` and an INTEGER ``n >= 0``, by repeated squaring in single
    precision, as gfortran computes it (libgcc ``__powisf2``)."""
    y = x if n % 2 == 1 else _F(1.0)
    n //= 2
    while n > 0:
        x = x * x
        if n % 2 == 1:
            y = y * x
        n //= 2
    return y


# --------------------------------------------------------------------------------------
# K62R Hollander
# state: 0 the move of the next random defection


@strategy("k62r", reciprocity="diffuse", stochastic=True, state=(0.0,))
def k62r(my, opp, t, state, params, info, rng):
    """Tit for two tats with a random defection every 1 to 23 moves. (Howard R Hollander, K62R, 51st of 63; TourExec)

    diffuse: forgives a single defection; answers only two in a row.

    On move 1 it picks the move of its first random defection, 1 + floor(23 r), and at
    each random defection the next one, move + 1 + floor(23 r), with that move's draw r.
    Otherwise it defects only after two partner defections in a row.
    """
    r = _F(rand(rng))
    turn = t + 1
    if t == 0:
        state[0] = int(_F(23.0) * r + _F(1.0))
    if turn == state[0]:
        state[0] = int(_F(23.0) * r + _F(turn) + _F(1.0))
        return D
    if t >= 2 and opp[t - 1] == D and opp[t - 2] == D:
        return D
    return C


# --------------------------------------------------------------------------------------
# K63R Duisman


@strategy("k63r", reciprocity="unconditional", memory_depth=0)
def k63r(my, opp, t, state, params, info, rng):
    """C on odd moves, D on even ones, whatever the partner does. (George Duisman, K63R, 57th of 63; TourExec)

    unconditional: its moves depend on the move number only.
    """
    return C if t % 2 == 0 else D


# --------------------------------------------------------------------------------------
# K64R Yamachi
# state: 0 partner C count, 1 partner D count, 2-5 the table a[x, y], 6 x, 7 y


@strategy("k64r", reciprocity="specific", state=(0.0,) * 8)
def k64r(my, opp, t, state, params, info, rng):
    """Predicts the partner's reply from a table of its past replies, and defects against a partner near 50% D after move 40. (Brian Yamachi, K64R, 17th of 63; TourExec)

    specific: repays what the partner has paid back in the same situation.

    The table holds, for each pair (the partner's move two turns ago, its own intended
    move of last turn), +1 per partner C and -1 per partner D that followed it. It
    cooperates when the entry for the current pair is >= 0. After move 40 it defects
    when the partner's C and D counts differ by less than a tenth of the move number;
    the table remembers the move it meant to play, not that override.
    """
    if t == 0:
        return C
    j = opp[t - 1]
    cell = 2 + 2 * int(state[6]) + int(state[7])
    move = C if state[cell] >= 0.0 else D
    state[cell] += 1.0 if j == C else -1.0
    state[6] = j
    state[7] = move
    state[j] += 1.0
    turn = t + 1
    if turn > 40 and 10.0 * abs(state[0] - state[1]) < turn:
        return D
    return move


# --------------------------------------------------------------------------------------
# K65R Batell
# state: 0 move of the last partner D seen, 1 partner D count (10 = for good)


@strategy("k65r", reciprocity="negative", state=(0.0, 0.0))
def k65r(my, opp, t, state, params, info, rng):
    """Cooperates until the partner's 10th defection, or two partner defections seen within 4 moves; then defects for good. (Mark F Batell, K65R, 47th of 63; TourExec)

    negative: one trigger and it never forgives.
    """
    if t == 0 or state[1] >= 10.0:
        return C if t == 0 else D
    if opp[t - 1] == C:
        return C
    state[1] += 1.0
    if state[1] >= 10.0:
        return D
    turn = t + 1
    if state[0] != 0.0 and turn - state[0] <= 4.0:
        state[1] = 10.0
        return D
    state[0] = turn
    return C


# --------------------------------------------------------------------------------------
# K66R Mikkelson
# state: 0 partner D count, 1 debit


@strategy("k66r", reciprocity="diffuse", state=(0.0, -3.0))
def k66r(my, opp, t, state, params, info, rng):
    """Cooperates on credit: a debit +2 per partner D and -1 per C, clamped to [-5, 10]; D when it reaches 3. (Ray Mikkelson, K66R, 20th of 63; TourExec)

    diffuse: a record of credit, not a move-for-move account.

    The debit starts at -3 and is updated every move (with C on move 1). C on moves 1
    and 2 and while the debit is below 3. Otherwise, on moves 3 to 10 it defects and
    sets the debit to -1; after move 10 it defects only if at least 15% of the
    partner's moves were D.
    """
    j = _last(opp, t)
    turn = t + 1
    state[0] += j
    debit = min(max(state[1] - 1.0 + 3.0 * j, -5.0), 10.0)
    state[1] = debit
    if turn < 3 or debit < 3.0:
        return C
    if turn <= 10:
        state[1] = -1.0
        return D
    return C if _F(state[0]) / _F(turn) < _F(0.15) else D


# --------------------------------------------------------------------------------------
# K67R Feathers (Tranquilizer)
# state: 0 partner D run, 1 mean payoff after its D, 2 mean payoff after the C that
#        follows, 3 and 4 their counts, 5 phase after a D (0, 1, 2), 6 partner C count


@strategy("k67r", reciprocity="diffuse", stochastic=True, state=(0.0, 5.0, 0.0, 1.0, 1.0, 0.0, 0.0))
def k67r(my, opp, t, state, params, info, rng):
    """Tranquilizer: tit for tat while poor; when rich, occasional defections whose returns it keeps measuring. (Craig Feathers, K67R, 27th of 63; TourExec)

    diffuse: once ahead it cooperates through defections, betting on the relationship.

    With score K after move M - 1: below 1.75 M, tit for tat. From 1.75 M, C with
    probability .25 + c/M - .25 s + (K - L)/100 + 4/M (c partner C count, s its current
    D run, L its score). From 2.25 M, C with probability .95 - (a + b - 5)/15 + 1/M^2 -
    J/4, where a and b are the running means of its payoff on the move after such a
    defection and on the one after that; each such defection is followed by two moves of
    C. One draw per move.
    """
    r = _F(rand(rng))
    j = _last(opp, t)
    ja = _last(my, t)
    pay = _F(3 - 3 * j + 2 * ja - ja * j)
    if state[5] == 2.0:
        state[5] = 0.0
        state[2] = (_F(state[2]) * _F(state[3]) + pay) / (_F(state[3]) + _F(1.0))
        state[3] += 1.0
    if state[5] == 1.0:
        state[5] = 2.0
        state[1] = (_F(state[1]) * _F(state[4]) + pay) / (_F(state[4]) + _F(1.0))
        state[4] += 1.0
    if j == D:
        state[0] += 1.0
    else:
        state[0] = 0.0
        state[6] += 1.0
    if state[5] == 2.0:
        return C
    turn = t + 1
    mine = _F(info[INFO_MY_SCORE])
    if mine >= _F(2.25) * _F(turn):
        p = _F(0.95) - (_F(state[1]) + _F(state[2]) - _F(5.0)) / _F(15.0) + _F(1.0) / _F(turn * turn) - _F(j) / _F(4.0)
        if r <= p:
            return C
        state[5] = 1.0
        return D
    if mine >= _F(1.75) * _F(turn):
        p = (
            _F(0.25)
            + _F(state[6]) / _F(turn)
            - _F(state[0]) * _F(0.25)
            + (mine - _F(info[INFO_OPP_SCORE])) / _F(100.0)
            + _F(4.0) / _F(turn)
        )
        return C if r <= p else D
    return j


# --------------------------------------------------------------------------------------
# K68R Leyvraz


@strategy("k68r", reciprocity="diffuse", stochastic=True, memory_depth=3)
def k68r(my, opp, t, state, params, info, rng):
    """Answers the partner's last three moves, partly at random. (Fransois Leyvraz, K68R, 12th of 63; TourExec)

    diffuse: a lone defection three moves back is answered, a lone recent one only half the time.

    With the partner's moves (two back, one back, last): (?, D, D) D with probability
    3/4; (C, D, C) D; (C, C, D) D with probability 1/2; otherwise C. Moves before the
    first count as C. One draw per move.
    """
    r = _F(rand(rng))
    if t == 0:
        return C
    j = opp[t - 1]
    j1 = opp[t - 2] if t >= 2 else 0
    j2 = opp[t - 3] if t >= 3 else 0
    if j1 * j == 1:
        return D if r < _F(0.75) else C
    if j2 * 2 + j1 + j * 3 == 1:
        return D
    if j2 * 2 + j1 * 2 + j == 1:
        return D if r < _F(0.5) else C
    return C


# --------------------------------------------------------------------------------------
# K69R Joss
# state: 0 mode (1 normal, 2 punishing, 3 tit for tat, 4 after a probe, 5 probing),
#        1 probes answered with D, 2 partner D run, 3 partner C count


@strategy("k69r", reciprocity="specific", stochastic=True, state=(1.0, 0.0, 0.0, 0.0))
def k69r(my, opp, t, state, params, info, rng):
    """Tit for tat with random probes (10%), that turns to D against a partner cooperating less than 70% of the time. (Johann Joss, K69R, 29th of 63; TourExec)

    specific: answers in kind, move for move.

    Normal mode: with probability 0.1 a probing D; otherwise tit for tat while the
    partner's C count is at least 0.7 (M - 3), else punishing mode (D, and the partner's
    D run is counted twice on that move, as in the program). Punishing mode: D; after
    more than 10 partner D in a row, tit for tat for good. In tit-for-tat mode (also
    after more than 20 partner D in a row in normal mode) one C, then tit for tat; more
    than 20 D in a row give one more C. After a probe, the move follows normal mode's
    counting; the move after that is C, and the 4th partner D answering a probe sends
    it to tit-for-tat mode. One draw per move.
    """
    r = _F(rand(rng))
    if t == 0:
        return C
    j = opp[t - 1]
    turn = t + 1
    if j == C:
        state[3] += 1.0
    mode = state[0]
    if mode == 4.0:
        if j == D:
            state[1] += 1.0
            if state[1] > 3.0:
                return _k69r_calm(state)
        state[0] = 1.0
        return C
    if mode == 2.0:
        return _k69r_punish(state, j)
    if mode == 3.0:
        state[2] = state[2] + 1.0 if j == D else 0.0
        if state[2] > 20.0:
            return _k69r_calm(state)
        return j
    if mode == 1.0:
        if r < _F(0.1):
            state[0] = 5.0
            return D
    else:  # mode 5: the move after a probe counts as in normal mode
        state[0] = 4.0
    state[2] = state[2] + 1.0 if j == D else 0.0
    if state[2] > 20.0:
        return _k69r_calm(state)
    if _F(state[3]) < _F(0.7) * _F(turn - 3):
        return _k69r_punish(state, j)
    return j


@njit(cache=True)
def _k69r_calm(state):
    state[0] = 3.0
    state[2] = 0.0
    return C


@njit(cache=True)
def _k69r_punish(state, j):
    state[0] = 2.0
    state[2] = state[2] + 1.0 if j == D else 0.0
    if state[2] > 10.0:
        state[0] = 3.0
    return D


# --------------------------------------------------------------------------------------
# K70R Pebly
# state: 0 its own last move


@strategy("k70r", reciprocity="specific", stochastic=True, state=(0.0,))
def k70r(my, opp, t, state, params, info, rng):
    """Repeats its move when the partner matched it; otherwise D with probability 0.8. (Robert Pebly, K70R, 32nd of 63; TourExec)

    specific: a matched move is kept, a mismatch mostly answered with D.

    One draw per move.
    """
    r = _F(rand(rng))
    j = _last(opp, t)
    if state[0] == j:
        return j
    move = D if r > _F(0.2) else C
    state[0] = move
    return move


# --------------------------------------------------------------------------------------
# K71R Hall
# state: 0 partner C count, modulo 2


@strategy("k71r", reciprocity="negative", state=(0.0,))
def k71r(my, opp, t, state, params, info, rng):
    """D after a partner D and after every second partner C. (James E Hall, K71R, 60th of 63; TourExec)

    negative: defects on half the partner's cooperations.

    C on move 1; on move 2 the reverse of the partner's first move. Then D after a
    partner D; after a partner C, D on every second one (counted over the match). The
    program resets a counter so that a partner D always gets D, whatever its author's
    counting of partner defections meant.
    """
    if t == 0:
        return C
    j = opp[t - 1]
    if t == 1:
        return 1 - j
    if j == D:
        return D
    state[0] += 1.0
    if state[0] == 2.0:
        state[0] = 0.0
        return D
    return C


# --------------------------------------------------------------------------------------
# K72R White


@strategy("k72r", reciprocity="diffuse")
def k72r(my, opp, t, state, params, info, rng):
    """C, except after a partner D from move 11 on when floor(ln M) times the partner's D count reaches M. (Edward C White Jr, K72R, 13th of 63; TourExec)

    diffuse: it lets defections pass until they are a large share of the match.

    The program compares its random draw with an integer quotient, (n d) / M with n =
    floor(ln M) (1 before move 11 or after a partner C) and d the partner's D count,
    so the draw decides only if it is exactly 0: the rule is deterministic and draws
    nothing.
    """
    if t == 0:
        return C
    turn = t + 1
    j = opp[t - 1]
    n = int(math.log(turn)) if j == D and turn > 10 else 1
    defections = t - int(info[INFO_OPP_COOPS])
    return D if (n * defections) // turn >= 1 else C
