"""Axelrod's second tournament, from the original programs: the rules k62r ... k93r.

Axelrod, R. (1980b). "More effective choice in the prisoner's dilemma". Journal of
Conflict Resolution 24(3), 379-403. The 62 entries and RANDOM were FORTRAN functions,
kept with Axelrod's tournament program as TourExec (MIT licence,
https://github.com/Axelrod-Python/TourExec). Each rule here is named by its original
code (``"k64r"``; ``second_tournament`` holds k31r ... k61r) and follows that code,
read as the specification; its author and rank (the row of the tournament program's
table) are in its docstring's first line and in :data:`LATE_ORIGINALS`.

How the original rules see a match. Each is a function ``KnnR(J, M, K, L, R, JA)``
called once per move: ``J`` the partner's previous move (0 = C, 1 = D; 0 on the first
move), ``M`` the move number from 1 (``t + 1`` here), ``K`` and ``L`` its own and the
partner's score so far (payoffs 3, 0, 5, 1: ``info[INFO_MY_SCORE]`` and
``info[INFO_OPP_SCORE]`` here, so a rule that reads them declares ``uses_game``), ``R``
a uniform random number in single precision (``rand(rng)`` here, drawn only where the
original compares it) and ``JA`` its own previous move. It is not told the match
length. Every match starts from a fresh state, as the rules intend.

Conventions kept from the originals, on purpose:

* arithmetic the original does in single precision (``REAL``) is done in ``float32``
  where a tie or a threshold can depend on the rounding; INTEGER division truncates
  towards zero;
* a variable the original keeps between calls and sets to its own choice (not to
  ``JA``) is kept in ``state`` here too, so that under noise the rule remembers what it
  meant to play, as the original would;
* where the original has a slip that changes what it does (a test that can never be
  true, a counter reset on the wrong line, 9 for 0.9), the rule plays what the program
  does, and the docstring says so.

Each rule is checked against the original programs' moves stored in
``tests/data/tourexec/<code>.json.gz`` (recorded by ``tools/tourexec_moves.py`` from the
compiled FORTRAN): a deterministic rule move for move against the 63 rules, the
tournament program's column rules and scripted partners over 308 moves (the other
tournament lengths are prefixes, since a rule is not told the length); a stochastic
rule move for move given the original's random numbers, and statistically with its own
(``tests/strategies/test_second_tournament_late.py``).
"""

import math

import numpy as np
from numba import njit

from cooptourney.strategy_api import INFO_MY_SCORE, INFO_OPP_COOPS, INFO_OPP_SCORE, C, D, rand, strategy

# -- shared with strategies/second_tournament.py (same names and meaning; on merging the
#    two modules these copies go, and the rules use that module's) ------------------------

#: single precision, for the originals' REAL arithmetic
f32 = np.float32


@njit(cache=True, inline="always")
def previous(moves, t):
    """The move before turn ``t`` as the original programs saw it: 0 (C) on the first."""
    if t == 0:
        return 0
    return moves[t - 1]


@njit(cache=True)
def _idiv(a, b):
    """INTEGER division as FORTRAN does it: the quotient truncated towards zero."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


@njit(cache=True)
def _powi(x, n):
    """``x ** n`` for a REAL ``x`` and an INTEGER ``n >= 0``, by repeated squaring in single
    precision, as gfortran computes it (libgcc ``__powisf2``)."""
    y = x if n % 2 == 1 else f32(1.0)
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
    """Tit for two tats with a random defection every 1 to 23 moves. (Howard R. Hollander, K62R, rank 51; original program)

    diffuse: forgives a single defection; answers only two in a row.

    On move 1 it picks the move of its first random defection, 1 + floor(23 r), and at
    each random defection the next one, move + 1 + floor(23 r), with that move's draw r.
    Otherwise it defects only after two partner defections in a row.
    """
    turn = t + 1
    r = f32(0.0)
    if t == 0:
        r = f32(rand(rng))
        state[0] = int(f32(23.0) * r + f32(1.0))
    if turn == state[0]:
        if t > 0:  # on move 1 the original uses the same number twice
            r = f32(rand(rng))
        state[0] = int(f32(23.0) * r + f32(turn) + f32(1.0))
        return D
    if t >= 2 and opp[t - 1] == D and opp[t - 2] == D:
        return D
    return C


# --------------------------------------------------------------------------------------
# K63R Duisman


@strategy("k63r", reciprocity="unconditional", memory_depth=0)
def k63r(my, opp, t, state, params, info, rng):
    """C on odd moves, D on even ones, whatever the partner does. (George Duisman, K63R, rank 57; original program)

    unconditional: its moves depend on the move number only.
    """
    return C if t % 2 == 0 else D


# --------------------------------------------------------------------------------------
# K64R Yamachi
# state: 0 partner C count, 1 partner D count, 2-5 the table a[x, y], 6 x, 7 y


@strategy("k64r", reciprocity="other", state=(0.0,) * 8)
def k64r(my, opp, t, state, params, info, rng):
    """Predicts the partner's reply from a table of its past replies, and defects against a partner near 50% D after move 40. (Brian Yamachi, K64R, rank 17; original program)

    other: a predictor of the partner's replies that defects against partners near 50% D.

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
    """Cooperates until the partner's 10th defection, or two partner defections seen within 4 moves; then defects for good. (Mark F. Batell, K65R, rank 47; original program)

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
    """Cooperates on credit: a debit +2 per partner D and -1 per C, clamped to [-5, 10]; D when it reaches 3. (Ray Mikkelson, K66R, rank 20; original program)

    diffuse: a record of credit, not a move-for-move account.

    The debit starts at -3 and is updated every move (with C on move 1). C on moves 1
    and 2 and while the debit is below 3. Otherwise, on moves 3 to 10 it defects and
    sets the debit to -1; after move 10 it defects only if at least 15% of the
    partner's moves were D.
    """
    j = previous(opp, t)
    turn = t + 1
    state[0] += j
    debit = min(max(state[1] - 1.0 + 3.0 * j, -5.0), 10.0)
    state[1] = debit
    if turn < 3 or debit < 3.0:
        return C
    if turn <= 10:
        state[1] = -1.0
        return D
    return C if f32(state[0]) / f32(turn) < f32(0.15) else D


# --------------------------------------------------------------------------------------
# K67R Feathers (Tranquilizer)
# state: 0 partner D run, 1 mean payoff after its D, 2 mean payoff after the C that
#        follows, 3 and 4 their counts, 5 phase after a D (0, 1, 2), 6 partner C count


@strategy("k67r", uses_game=True, reciprocity="other", stochastic=True, state=(0.0, 5.0, 0.0, 1.0, 1.0, 0.0, 0.0))
def k67r(my, opp, t, state, params, info, rng):
    """Tranquilizer: tit for tat while poor; when rich, occasional defections whose returns it keeps measuring. (Craig Feathers, K67R, rank 27; original program)

    other: exploits a cooperative partner with isolated defections, paced by how well they pay.

    With score K after move M - 1: below 1.75 M, tit for tat. From 1.75 M, C with
    probability .25 + c/M - .25 s + (K - L)/100 + 4/M (c partner C count, s its current
    D run, L its score). From 2.25 M, C with probability .95 - (a + b - 5)/15 + 1/M^2 -
    J/4, where a and b are the running means of its payoff on the move after such a
    defection and on the one after that; each such defection is followed by two moves of
    C.
    """
    j = previous(opp, t)
    ja = previous(my, t)
    pay = f32(3 - 3 * j + 2 * ja - ja * j)
    if state[5] == 2.0:
        state[5] = 0.0
        state[2] = (f32(state[2]) * f32(state[3]) + pay) / (f32(state[3]) + f32(1.0))
        state[3] += 1.0
    if state[5] == 1.0:
        state[5] = 2.0
        state[1] = (f32(state[1]) * f32(state[4]) + pay) / (f32(state[4]) + f32(1.0))
        state[4] += 1.0
    if j == D:
        state[0] += 1.0
    else:
        state[0] = 0.0
        state[6] += 1.0
    if state[5] == 2.0:
        return C
    turn = t + 1
    mine = f32(info[INFO_MY_SCORE])
    if mine >= f32(2.25) * f32(turn):
        p = (
            f32(0.95)
            - (f32(state[1]) + f32(state[2]) - f32(5.0)) / f32(15.0)
            + f32(1.0) / f32(turn * turn)
            - f32(j) / f32(4.0)
        )
        if f32(rand(rng)) <= p:
            return C
        state[5] = 1.0
        return D
    if mine >= f32(1.75) * f32(turn):
        p = (
            f32(0.25)
            + f32(state[6]) / f32(turn)
            - f32(state[0]) * f32(0.25)
            + (mine - f32(info[INFO_OPP_SCORE])) / f32(100.0)
            + f32(4.0) / f32(turn)
        )
        return C if f32(rand(rng)) <= p else D
    return j


# --------------------------------------------------------------------------------------
# K68R Leyvraz


@strategy("k68r", reciprocity="diffuse", stochastic=True, memory_depth=3)
def k68r(my, opp, t, state, params, info, rng):
    """Answers the partner's last three moves, partly at random. (Francois Leyvraz, K68R, rank 12; original program)

    diffuse: a lone defection three moves back is answered, a lone recent one only half the time.

    With the partner's moves (two back, one back, last): (?, D, D) D with probability
    3/4; (C, D, C) D; (C, C, D) D with probability 1/2; otherwise C. Moves before the
    first count as C.
    """
    if t == 0:
        return C
    j = opp[t - 1]
    j1 = opp[t - 2] if t >= 2 else 0
    j2 = opp[t - 3] if t >= 3 else 0
    if j1 * j == 1:
        return D if f32(rand(rng)) < f32(0.75) else C
    if j2 * 2 + j1 + j * 3 == 1:
        return D
    if j2 * 2 + j1 * 2 + j == 1:
        return D if f32(rand(rng)) < f32(0.5) else C
    return C


# --------------------------------------------------------------------------------------
# K69R Joss
# state: 0 mode (1 normal, 2 punishing, 3 tit for tat, 4 after a probe, 5 probing),
#        1 probes answered with D, 2 partner D run, 3 partner C count


@strategy("k69r", reciprocity="specific", stochastic=True, state=(1.0, 0.0, 0.0, 0.0))
def k69r(my, opp, t, state, params, info, rng):
    """Tit for tat with random probes (10%), that turns to D against a partner cooperating less than 70% of the time. (Johann Joss, K69R, rank 29; original program)

    specific: answers in kind, move for move.

    Normal mode: with probability 0.1 a probing D; otherwise tit for tat while the
    partner's C count is at least 0.7 (M - 3), else punishing mode (D, and the partner's
    D run is counted twice on that move, as in the program). Punishing mode: D; after
    more than 10 partner D in a row, tit for tat for good. In tit-for-tat mode (also
    after more than 20 partner D in a row in normal mode) one C, then tit for tat; more
    than 20 D in a row give one more C. After a probe, the move follows normal mode's
    counting; the move after that is C, and the 4th partner D answering a probe sends
    it to tit-for-tat mode.
    """
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
        if f32(rand(rng)) < f32(0.1):
            state[0] = 5.0
            return D
    else:  # mode 5: the move after a probe counts as in normal mode
        state[0] = 4.0
    state[2] = state[2] + 1.0 if j == D else 0.0
    if state[2] > 20.0:
        return _k69r_calm(state)
    if f32(state[3]) < f32(0.7) * f32(turn - 3):
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
    """Repeats its move when the partner matched it; otherwise D with probability 0.8. (Robert Pebly, K70R, rank 32; original program)

    specific: a matched move is kept, a mismatch mostly answered with D.
    """
    j = previous(opp, t)
    if state[0] == j:
        return j
    move = D if f32(rand(rng)) > f32(0.2) else C
    state[0] = move
    return move


# --------------------------------------------------------------------------------------
# K71R Hall
# state: 0 partner C count, modulo 2


@strategy("k71r", reciprocity="negative", state=(0.0,))
def k71r(my, opp, t, state, params, info, rng):
    """D after a partner D and after every second partner C. (James E. Hall, K71R, rank 60; original program)

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
    """C, except after a partner D from move 11 on when floor(ln M) times the partner's D count reaches M. (Edward C. White, Jr., K72R, rank 13; original program)

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


# --------------------------------------------------------------------------------------
# K73R Zimmerman
# state: 0 aggravation limit, 1 partner C seen while it defects, 2 partner D seen while
#        it cooperates, 3 payback limit, 4 the partner move it watches for, 5 its posture


@strategy("k73r", uses_game=True, reciprocity="diffuse", state=(4.0, 0.0, 0.0, 8.0, 1.0, 0.0))
def k73r(my, opp, t, state, params, info, rng):
    """Keeps a posture (C or D) and switches to the partner's move after enough partner moves against it. (George Zimmerman, K73R, rank 41; original program)

    diffuse: it lets several partner defections pass before turning to D, and several cooperations before forgiving.

    Cooperating, it counts partner defections and turns to D at the aggravation limit
    (4 at first); defecting, it counts partner cooperations and turns back to C at the
    payback limit (8 at first). Counts are not reset by the other move. On turning to D
    the payback limit becomes floor(1.6667 (a + 1)), a the aggravation limit; on
    turning to C the aggravation limit becomes a - 3 + floor(K / M) (at least 1), K its
    score.
    """
    j = previous(opp, t)
    if j != state[4]:
        return int(state[5])
    if state[4] == 1.0:
        state[1] += 1.0
    else:
        state[2] += 1.0
    if state[1] < state[0] and state[2] < state[3]:
        return int(state[5])
    state[1] = 0.0
    state[2] = 0.0
    state[5] = j
    state[4] = 1 - j
    if j == C:
        state[0] = max(state[0] - 3.0 + _idiv(int(info[INFO_MY_SCORE]), t + 1), 1.0)
    else:
        state[3] = int(f32(1.6667) * f32(state[0] + 1.0))
    return j


# --------------------------------------------------------------------------------------
# K74R Friedland
# state: 0 alpha, 1 beta, 2-3 C and all replies after its C, 4-5 after its D,
#        6 its move of two turns ago


@strategy("k74r", reciprocity="other", state=(1.0, float(np.float32(0.3)), 0.0, 0.0, 0.0, 0.0, 0.0))
def k74r(my, opp, t, state, params, info, rng):
    """Estimates the partner's C rate after its C (alpha) and after its D (beta), discounted by 0.8, and picks C, D or alternation by their linear tests. (Edward Friedland, K74R, rank 61; original program)

    other: a policy chosen by expected payoff, not a rule of answering in kind.

    Alpha starts at 1, beta at 0.3; from move 3 on the partner's last move updates the
    estimate of the reply to its own move two turns ago. Then: C if 6 alpha - 8 beta - 2
    is exactly 0; else the opposite of its last move if 4 alpha - 5 beta - 1 >= 0
    (so D on move 1); else D. The program's test for a random partner on move 37 never
    fires (its run counter is reset every move), so it is left out.
    """
    j = previous(opp, t)
    ja = previous(my, t)
    if t >= 2:
        i = 2 if state[6] == 0.0 else 4
        q_c = f32(state[i]) + f32(1.0) if j == C else f32(state[i])
        q_n = f32(state[i + 1]) + f32(1.0)
        state[0 if i == 2 else 1] = q_c / q_n
        state[i] = q_c * f32(0.8)
        state[i + 1] = q_n * f32(0.8)
    state[6] = ja
    alpha = f32(state[0])
    beta = f32(state[1])
    if f32(6.0) * alpha - f32(8.0) * beta - f32(2.0) == f32(0.0):
        return C
    if f32(4.0) * alpha - f32(5.0) * beta - f32(1.0) >= f32(0.0):
        return 1 - ja
    return D


# --------------------------------------------------------------------------------------
# K75R Harrington
# state: 0-7 the table (outcome of two turns ago x partner's last move), 8 burned,
#        9-10 parity streaks, 11 partner D run, 12 parity hits, 13 cooperations owed,
#        14 generous-move clock, 15 randomness exit meter, 16 random-partner mode,
#        17 parity bit (1 or 2), 18 outcome index (1..4), 19 its own last move,
#        20 parity limit, 21 partner D count, 22 probe probability, 23 stubborn count


_H75 = (0.0,) * 17 + (1.0, 0.0, 0.0, 5.0, 0.0, float(np.float32(0.2)), 0.0)


@strategy("k75r", reciprocity="other", stochastic=True, state=_H75)
def k75r(my, opp, t, state, params, info, rng):
    """Tit for tat with a probe on move 37, random generous defections, streak breakers and a test for a random partner. (Paul D. Harrington, K75R, rank 8; original program)

    other: tit for tat carries scheduled and random exploiting probes, withdrawn only once the partner punishes one.

    Every 15th move from move 30 it tests the partner for randomness (its C/D replies
    to the four outcomes in a chi-squared table, skipped when the partner is almost
    always C or mostly one move) and, if random, defects until a meter (+1 per partner
    D, -3 per C) reaches 11. Otherwise: after 20 partner D in a row, D; a parity streak
    breaker (C after 5, later 3, partner D in a row on alternate moves); scheduled
    cooperations; a probe (D) on move 37 and, unless burned by a partner D answering
    one, random probes with probability 0.2 (+0.05 each); else tit for tat. A partner
    that cooperates on moves 1-36 and defects on move 37, as it does itself (its twin),
    is met with C until that partner's next D.
    """
    if t == 0:
        return C
    j = opp[t - 1]
    turn = t + 1
    if turn != 2:
        if state[16] == 1.0:
            state[15] += j * 4 - 3
            if state[15] >= 11.0:
                state[16] = 2.0
                state[13] = 2.0
                return C
            return D
        state[21] += j
        ind = int(state[18]) - 1
        state[2 * ind + j] += 1.0
        if turn != 15 and turn % 15 == 0 and state[16] != 2.0 and _k75r_looks_random(state, turn):
            state[16] = 1.0
            return D
    if state[14] == 1.0 and j == D:
        state[8] = 1.0
    # the twin check: a partner that cooperated to move 36 and answered the probe on 37
    if turn <= 37 and j == C:
        state[23] += 1.0
    if turn == 38 and j == D:
        state[23] += 1.0
    if turn >= 39 and state[23] == 37.0 and j == D:
        state[23] = 0.0
    if state[23] == 37.0:
        return _k75r_cooperate(state, j)
    state[11] = state[11] * j + j
    if state[11] >= 20.0:
        return _k75r_defect(state, j, True)
    bit = 3 - int(state[17])
    state[17] = bit
    state[8 + bit] = state[8 + bit] * j + j
    if state[8 + bit] >= state[20]:
        state[8 + bit] = 0.0
        state[12] += 1.0
        if state[12] == 8.0:
            state[20] = 3.0
        return _k75r_cooperate(state, j)
    if state[13] >= 1.0:
        return _k75r_cooperate(state, j)
    if turn >= 37 and state[8] == 0.0 and (turn == 37 or f32(rand(rng)) <= f32(state[22])):
        state[14] = 2.0
        state[13] = 2.0
        state[22] = f32(state[22]) + f32(0.05)
        return _k75r_defect(state, j, False)
    if j == C:
        return _k75r_cooperate(state, j)
    return _k75r_defect(state, j, True)


@njit(cache=True)
def _k75r_looks_random(state, turn):
    """The randomness test of move ``turn`` over the table of ``turn - 2`` partner replies."""
    n = f32(turn - 2)
    if f32(state[0]) / n >= f32(0.8):
        return False
    if state[21] * 4 < turn - 2 or state[21] * 4 > 3 * turn - 6:
        return False
    col0 = f32(0.0)
    col1 = f32(0.0)
    for i in range(4):
        col0 = col0 + f32(state[2 * i])
        col1 = col1 + f32(state[2 * i + 1])
    chi2 = f32(0.0)
    for i in range(4):
        row = f32(state[2 * i]) + f32(state[2 * i + 1])
        for b in range(2):
            expected = row * (col0 if b == 0 else col1) / n
            if expected > f32(1.0):
                gap = f32(state[2 * i + b]) - expected
                chi2 = chi2 + gap * gap / expected
    return not chi2 > f32(3.0)


@njit(cache=True)
def _k75r_cooperate(state, j):
    state[14] -= 1.0
    state[13] -= 1.0
    state[18] = 2 * state[19] + j + 1
    state[19] = C
    return C


@njit(cache=True)
def _k75r_defect(state, j, count_parity):
    if count_parity:
        state[8 + int(state[17])] += 1.0
    state[18] = 2 * state[19] + j + 1
    state[19] = D
    return D


# --------------------------------------------------------------------------------------
# K76R Gladstein (Tester)
# state: 0 partner still taken for a patsy, 1 moves since, 2 its C among them, 3 its last


@strategy("k76r", reciprocity="other", state=(1.0, 0.0, 0.0, 1.0))
def k76r(my, opp, t, state, params, info, rng):
    """Tester: defects first and exploits a patsy, keeping its own C rate near 1/2; after a partner D, apologises and plays tit for tat. (David Gladstein, K76R, rank 46; original program)

    other: a probe that exploits partners who never retaliate; reciprocity is only its fallback.

    D on move 1. While the partner has never defected, it cooperates when its C count
    over the moves since the first is below half of their number + 1 (a ratio in
    single precision), else defects. The first partner D is answered with C, and tit
    for tat follows for the rest of the match.
    """
    if t == 0:
        return D
    j = opp[t - 1]
    if state[0] == 0.0:
        return j
    if j == D:
        state[0] = 0.0
        return C
    state[1] += 1.0
    if state[3] == 0.0:
        state[2] += 1.0
    move = D if f32(state[2]) / f32(state[1] + 1.0) >= f32(0.5) else C
    state[3] = move
    return move


# --------------------------------------------------------------------------------------
# K77R Feld
# state: 0 current strategy (1..5), 1 moves played with it, 2 score at its start,
#        3-7 last measured gain of each strategy


@strategy("k77r", uses_game=True, reciprocity="other", stochastic=True, state=(3.0, 0.0, 0.0) + (100.0,) * 5)
def k77r(my, opp, t, state, params, info, rng):
    """Climbs a ladder of five strategies from all C to all D, 20 moves at a time, towards the neighbour that scored more. (Scott Feld, K77R, rank 55; original program)

    other: a learner that climbs a ladder of strategies by what they earned.

    Strategies: 1 all C; 2 C, but D with probability 3/4 after a partner D; 3 tit for
    tat (the start); 4 D, but C with probability 3/4 after a partner C; 5 all D. Every
    20 moves it records the gain of the current strategy and moves up if the next one
    up last gained more, else down if the next one down did (then it plays the new
    strategy as if the partner had just cooperated). Unmeasured strategies count 100.
    """
    j = previous(opp, t)
    score = int(info[INFO_MY_SCORE])
    if state[1] >= 20.0:
        k = int(state[0])
        state[2 + k] = score - state[2]
        if k != 5 and state[3 + k] > state[2 + k]:
            state[0] = k + 1
        elif k != 1 and state[1 + k] > state[2 + k]:
            state[0] = k - 1
            j = 0
        state[2] = score
        state[1] = 0.0
    state[1] += 1.0
    k = int(state[0])
    if k == 1:
        return C
    if k == 2:
        return D if j == D and f32(rand(rng)) <= f32(0.75) else C
    if k == 3:
        return j
    if k == 4:
        return C if j == C and f32(rand(rng)) <= f32(0.75) else D
    return D


# --------------------------------------------------------------------------------------
# K78R Mauk (Graaskamp's first-round rule)
# state: 0-3 the outcomes of moves 52-55, 4 the outcome code of its last move,
#        5 mode from move 57 (1 random defections, 2 tit for tat, 3 D, 4 C to move 117),
#        6 moves to the next random defection


@strategy("k78r", uses_game=True, reciprocity="specific", stochastic=True, state=(0.0,) * 7)
def k78r(my, opp, t, state, params, info, rng):
    """Graaskamp's first-round rule: tit for tat with a D on move 51, a verdict on move 57, then random defections every 6 to 15 moves. (Fred Mauk, K78R, rank 19; original program)

    specific: tit for tat, with occasional probes.

    Tit for tat to move 50, D on move 51, tit for tat on moves 52-56, recording the
    outcomes (own, partner) of moves 52-55. On move 57: if the partner scored at most
    135, D for the rest of the match; if moves 52-54 went (C, D), (D, C), (C, D) or
    (D, D) three times (a partner answering the D of move 51 as tit for tat would, or a
    defecting one), tit for tat from move 57 (C on it); if moves 52-55 went (C, C),
    (C, D), (D, C), (C, C), C until move 117 and tit for tat after; otherwise C, then tit
    for tat broken by a D after 5 + floor(10 r) moves, again and again (r the draw of
    move 57, then of each such D).
    """
    if t == 0:
        return C
    j = opp[t - 1]
    turn = t + 1
    if turn < 51:
        return j
    if turn == 51:
        return D
    if turn < 57:
        if turn >= 53:
            state[turn - 53] = state[4] + j
        state[4] = 2.0 if j == C else 4.0
        return j
    if turn == 57:
        if info[INFO_OPP_SCORE] <= 135.0:
            state[5] = 3.0
            return D
        second = state[1]
        if (second == 4.0 and state[0] == 3.0 and state[2] == 3.0) or (
            second == 5.0 and state[0] == 5.0 and state[2] == 5.0
        ):
            state[5] = 2.0
            return C
        if second == 3.0 and state[0] == 2.0 and state[2] == 4.0 and state[3] == 2.0:
            state[5] = 4.0
            return C
        state[5] = 1.0
        state[6] = int(f32(rand(rng)) * f32(10.0) + f32(5.0))
        return C
    mode = state[5]
    if mode == 1.0:
        if state[6] <= 0.0:
            state[6] = int(f32(rand(rng)) * f32(10.0) + f32(5.0))
            return D
        state[6] -= 1.0
        return j
    if mode == 2.0:
        return j
    if mode == 3.0:
        return D
    if turn >= 118:
        state[5] = 2.0
    return C


# --------------------------------------------------------------------------------------
# K79R Ambuehl and Hickey


@strategy("k79r", reciprocity="diffuse", memory_depth=6)
def k79r(my, opp, t, state, params, info, rng):
    """Tit for tat to move 5, then D iff the partner defected on at least 3 of the 5 moves before its last. (Dennis Ambuehl and Kevin Hickey, K79R, rank 26; original program)

    diffuse: a majority over a window, not the last move, decides.

    The window leaves out the partner's last move (the program shifts it in after
    deciding), and on move 6 its first slot is the empty "move 0", a C.
    """
    if t < 5:
        return previous(opp, t)
    defections = 0
    for i in range(max(t - 6, 0), t - 1):
        defections += opp[i]
    return D if defections >= 3 else C


# --------------------------------------------------------------------------------------
# K80R Dawes and Batell
# state: 0 gone to D for good, 1 partner D count


@strategy("k80r", reciprocity="negative", state=(0.0, 0.0))
def k80r(my, opp, t, state, params, info, rng):
    """Cooperates until, after a partner D, 1.6667^d 0.882^(M-d) >= 5 (d the partner's D count); then defects for good. (Robyn M. Dawes and Mark Batell, K80R, rank 36; original program)

    negative: one verdict on the partner and it never forgives.

    The test is the likelihood ratio of a "defector" against a "cooperator" model of the
    partner, computed in single precision after each partner D.
    """
    if t == 0:
        return C
    if state[0] == 1.0:
        return D
    if opp[t - 1] == C:
        return C
    state[1] += 1.0
    d = int(state[1])
    if _powi(f32(1.6667), d) * _powi(f32(0.882), t + 1 - d) >= f32(5.0):
        state[0] = 1.0
        return D
    return C


# --------------------------------------------------------------------------------------
# K81R Jones
# state: 0-7 partner C counts after each 3-move pattern (scaled by 9 every 10 moves),
#        8-15 how often each pattern occurred, 16 pattern register T4, 17 its copy T5,
#        18 slack T6, 19 partner D run T8, 20 start of the test T9, 21 tit-for-tat
#        partner flag T0, 22 the best choice S1


@strategy("k81r", uses_game=True, reciprocity="other", state=(0.0,) * 18 + (25.0, 0.0, 5.0, 0.0, 0.0))
def k81r(my, opp, t, state, params, info, rng):
    """Scores the 8 continuations of the last moves by the partner's C rate after each pattern and plays the best; tit for tat while it is far behind. (Martyn Jones, K81R, rank 43; original program)

    other: plays what a model of the partner's replies says pays, not in kind.

    Tit for tat to move 4 (to move 8 if the partner defects first). Then it values C and
    D by the partner's estimated C rate after the two-move patterns they would lead to,
    two moves ahead, and plays the best (ties to the first, C), but plays tit for tat
    while the partner's score exceeds its own by more than a slack of 25 (+1 every 10
    moves). The program's counter of partner D runs is capped at 1 right after it
    counts, so its special answers to the 8th and 9th D in a row never happen (they are
    kept, as written). A partner with exactly 237 points each at move 81 that had
    defected on move 1 is met with a fixed schedule (D on moves 81-139, C on 140-180,
    every 100 moves) until it defects. The pattern counts of partner C are multiplied
    by 9 (not 0.9) every 10 moves, as the program does; all of it in single precision.
    """
    turn = t + 1
    j = previous(opp, t)
    if turn == 81 and info[INFO_MY_SCORE] == info[INFO_OPP_SCORE] and info[INFO_MY_SCORE] == 237.0:
        state[21] = 1.0
    if turn == 2 and j == D:
        state[20] = 9.0
    if turn < state[20]:
        move = j
    else:
        t5 = int(state[17])
        if t5 > 7:
            t5 -= 8
            state[17] = t5
        if j == C:
            state[t5] = f32(state[t5]) + f32(1.0)
        move = -1
        if state[20] == 9.0 and state[21] == 1.0:
            if j == D:
                state[21] = 0.0
            else:
                move = _k81r_schedule(turn)
        if move == -1:
            move = _k81r_reply(state, j, info)
    # 810: book-keeping of the pattern register
    state[17] = state[16]
    if turn % 10 == 0:
        for c in range(8):
            state[c] = f32(state[c]) * f32(9.0)
        state[18] += 1.0
    t4 = int(state[16])
    if t4 > 7:
        t4 -= 8
    if turn > 3:
        state[8 + t4] += 1.0
    if t4 > 4:
        t4 -= 4
    state[16] = t4 * 2 + move
    return move


@njit(cache=True)
def _k81r_schedule(turn):
    shift = 0
    while True:
        if 80 + shift < turn < 140 + shift:
            return D
        if 140 + shift <= turn <= 180 + shift:
            return C
        shift += 100


@njit(cache=True)
def _k81r_reply(state, j, info):
    """Labels 1020-1100 of the program: the partner-D counter, then the pattern choice."""
    if j == D:
        state[19] += 1.0
        if 8.0 <= state[19] <= 9.0:
            return C
        if state[19] > 1.0:
            state[19] = 1.0
    elif 0.0 <= state[19] < 6.0:
        state[19] = 0.0
    else:
        if state[19] > 0.0:
            state[19] = -200.0
        state[19] += 1.0
        return C
    if info[INFO_OPP_SCORE] > info[INFO_MY_SCORE] + state[18]:
        return j
    a, b = _k81r_values(state, int(state[16]) - 8 if state[16] > 7 else int(state[16]))
    x = np.empty(8, dtype=np.float32)
    for c in range(4):
        x[c] = a
        x[c + 4] = b
    _k81r_look_ahead(state, x, 5, 6, 7, 8, 3, 4, 7, 8)
    _k81r_look_ahead(state, x, 3, 4, 7, 8, 2, 4, 6, 8)
    best = f32(0.0)
    for c in range(8):
        if x[c] > best:
            best = x[c]
            state[22] = c + 1
    return C if state[22] < 5.0 else D


@njit(cache=True)
def _k81r_values(state, pattern):
    """The values of C and D after ``pattern``: 3 p and 4 p + 1, p the partner's C rate."""
    seen = f32(state[8 + pattern])
    rate = f32(state[pattern]) / (seen if seen != f32(0.0) else f32(1.0))
    a = f32(3.0) * rate
    return a, a + rate + f32(1.0)


@njit(cache=True)
def _k81r_look_ahead(state, x, e0, e1, e2, e3, f0, f1, f2, f3):
    """Label 900: shift the register and add each choice's value one move further on."""
    t4 = int(state[16])
    if t4 > 4:
        t4 -= 4
    t4 *= 2
    state[16] = t4
    for c in range(1, 9):
        d4 = t4 + 1 if c == e0 or c == e1 or c == e2 or c == e3 else t4
        if d4 == 9:
            d4 = 1
        if d4 > 7:
            d4 -= 8
        a, b = _k81r_values(state, d4)
        x[c - 1] = x[c - 1] + (b if c == f0 or c == f1 or c == f2 or c == f3 else a)


# --------------------------------------------------------------------------------------
# K82R Leyland
# state: 0 x (the probability of a C when testing), 1 partner D count since a reset,
#        2 partner D count, 3 armed (1) or disarmed (0), 4 tested last move, 5 tested now


@strategy("k82r", reciprocity="negative", stochastic=True, state=(float(np.float32(0.75)), 0.0, 0.0, 1.0, 0.0, 0.0))
def k82r(my, opp, t, state, params, info, rng):
    """Tit for tat that, from move 30, tests the partner with random defections, becoming bolder while it gets away with them. (Robert A. Leyland, K82R, rank 49; original program)

    negative: its random defections grow bolder against a partner that does not hit back.

    From move 30, after a partner C it defects with probability 1 - x (x = 0.75 at
    first); a partner D answering such a defection raises x by 0.15 (and gives one C), a
    C answering it lowers x by 0.05; x falls by 0.2 each move while the partner's D rate
    is within 0.1 of 1/2. A partner C that follows more than 5 partner D (counted since
    the counter was last reset, which a C after 2 or more D does) is answered with C.
    Single precision as in the program.
    """
    if t == 0:
        return C
    j = opp[t - 1]
    turn = t + 1
    state[1] += j
    state[2] += j
    if j == C and state[1] > 1.0:
        if state[1] > 5.0:
            return _k82r_reset(state)
        state[1] = 0.0
    if turn < 30:
        return j
    if state[3] == 0.0:
        return _k82r_arm(state)
    if abs(f32(state[2]) / f32(turn - 1) - f32(0.5)) < f32(0.1):
        state[0] = f32(state[0]) - f32(0.2)
    if state[4] == 1.0:
        if j == D:
            state[0] = min(f32(state[0]) + f32(0.15), f32(1.0))
            return _k82r_arm(state)
        state[0] = max(f32(state[0]) - f32(0.05), f32(0.0))
        state[4] = 0.0
        if f32(state[0]) >= f32(0.3):
            return j
    if f32(rand(rng)) > f32(state[0]):
        state[5] = 1.0
        return D
    state[4] = state[5]
    return j


@njit(cache=True)
def _k82r_arm(state):
    """Label 2190: arm the tests unless the partner has just defected more than 5 times."""
    state[4] = 0.0
    state[3] = 0.0 if state[1] > 5.0 else 1.0
    return _k82r_reset(state)


@njit(cache=True)
def _k82r_reset(state):
    state[1] = 0.0
    state[5] = 0.0
    return C


# --------------------------------------------------------------------------------------
# K83R Black


@strategy("k83r", reciprocity="diffuse", stochastic=True, memory_depth=5)
def k83r(my, opp, t, state, params, info, rng):
    """C for 5 moves, then D with probability (d^2 - 1)/25, d the partner's D among its last 5 moves. (Paul E. Black, K83R, rank 15; original program)

    diffuse: a single defection is never answered; only repeated ones raise the odds of D.
    """
    if t < 5:
        return C
    d = 0
    for i in range(t - 5, t):
        d += opp[i]
    return D if f32(rand(rng)) * f32(25.0) < f32(d * d - 1) else C


# --------------------------------------------------------------------------------------
# K84R Tideman and Chieruzzi
# state: 0 move of the last fresh start (1 = one is due), 1 score difference at it,
#        2 partner's last move seen, 3 partner D count, 4 partner D runs since the
#        fresh start, 5 the move number the D rate refers to


@strategy("k84r", uses_game=True, reciprocity="specific", state=(0.0,) * 6)
def k84r(my, opp, t, state, params, info, rng):
    """Tit for tat with punishments that lengthen with each partner D run, and a fresh start when the partner is well behind and not random. (T. Nicolaus Tideman and Paula Chieruzzi, K84R, rank 9; original program)

    specific: answers each run of defections with a growing, counted punishment.

    It cooperates while its score lead over the partner (since the last fresh start)
    covers 5 k (k - 1)/2, k the partner's D runs since then; else it defects. It offers
    a fresh start (two C, forgetting the runs) when it would defect, the partner did not
    just start a D run, at least 10 moves have passed since the last, and the partner's
    D count is at least 1.5 sqrt(M - 1) away from (M - 1)/2.
    """
    turn = t + 1
    j = previous(opp, t)
    my_score = info[INFO_MY_SCORE]
    opp_score = info[INFO_OPP_SCORE]
    if t > 0:
        if j == D:
            state[3] += 1.0
        if state[0] == 1.0:
            state[0] = turn
            state[2] = 0.0
            state[4] = 0.0
            state[1] = my_score - opp_score
            return C
        state[5] = turn
        if state[2] == 0.0 and j == D:
            state[4] += 1.0
    runs = int(state[4])
    if my_score - opp_score - state[1] - 5 * runs * (runs - 1) // 2 >= 0.0:
        state[2] = j
        return C
    if state[2] - j < 0.0 or turn - state[0] < 10.0:
        state[2] = j
        return D
    n = f32(state[5])
    if abs(f32(state[3]) - (n - f32(1.0)) / f32(2.0)) < f32(1.5) * np.sqrt(n - f32(1.0)):
        state[2] = j
        return D
    state[0] = 1.0
    state[2] = j
    return C


# --------------------------------------------------------------------------------------
# K85R Falk and Langsted
# state: 0-1 partner C and D after its own D, 2-3 after its own C, 4 "then C" flag


@strategy("k85r", reciprocity="negative", state=(0.0,) * 5)
def k85r(my, opp, t, state, params, info, rng):
    """Tit for tat that answers a D it provoked with D then C, and defects against a random or exploiting partner. (Robert B. Falk and James M. Langsted, K85R, rank 33; original program)

    negative: defects again when a partner answers its defection with C.

    It counts the partner's replies (C or D) to its own C and to its own D. From move
    21 it defects while both reply ratios (C:D) lie in [1/2, 3/2] (a random partner).
    It defects while the partner's D after its C reach the partner's C after its D + 3.
    Otherwise: after (D, C) it defects; after (C, x) it plays x; after (D, D) it
    defects, then cooperates. The program's shift registers of the partner's moves shift
    in a constant digit instead of the moves, so its tests for an all-D partner, for
    two early C and for a tit-for-tat partner never fire; they are left out.
    """
    if t == 0:
        return C
    j = opp[t - 1]
    ja = my[t - 1]
    mine_before = my[t - 2] if t >= 2 else 0
    state[(0 if mine_before == D else 2) + j] += 1.0
    if t + 1 > 20 and _k85r_even(state[0], state[1]) and _k85r_even(state[2], state[3]):
        state[4] = 0.0
        return D
    if state[1] + state[3] >= state[0] + state[1] + 3.0:
        state[4] = 0.0
        return D
    if ja == D and j == C:
        state[4] = 0.0
        return D
    if state[4] == 1.0:
        state[4] = 0.0
        return C
    if ja == C:
        if j == D:
            state[4] = 0.0
        return j
    state[4] = 1.0
    return D


@njit(cache=True)
def _k85r_even(c, d):
    """(c + 1e-6) / (d + 1e-6) in [0.5, 1.5], as the program's ratio test decides it."""
    return 2.0 * c >= d and 2.0 * c <= 3.0 * d


# --------------------------------------------------------------------------------------
# K86R Grofman


@strategy("k86r", reciprocity="diffuse", memory_depth=8)
def k86r(my, opp, t, state, params, info, rng):
    """C, C, tit for tat on moves 3-7, then C or D by the partner's D in a 7-move window. (Bernard Grofman, K86R, rank 28; original program)

    diffuse: a count over a window, lenient after its own C.

    From move 8, the window is the 7 partner moves before its last one (the empty "move
    0" counts as C on move 8): after its own C it defects if more than 2 of them were D,
    after its own D if more than 1.
    """
    if t < 2:
        return C
    if t < 7:
        return opp[t - 1]
    defections = 0
    for i in range(max(t - 8, 0), t - 1):
        defections += opp[i]
    limit = 2 if my[t - 1] == C else 1
    return D if defections > limit else C


# --------------------------------------------------------------------------------------
# K87R Schurmann
# state: 0 partner has defected, 1 probability of C, 2 its own last move


@strategy("k87r", reciprocity="negative", stochastic=True, state=(0.0, 0.5, 0.0))
def k87r(my, opp, t, state, params, info, rng):
    """Cooperates until the partner's first D, then with a probability updated by each outcome. (E. E. H. Schurmann, K87R, rank 44; original program)

    negative: a partner that cooperates while it defects makes it cooperate less.

    The probability q of C starts at 0.5 and moves with the last outcome: after (C, C)
    q <- 0.57 q + 0.43, after (D, D) q <- 0.74 q + 0.104, after (C, D) or (D, C)
    q <- q / 2.
    """
    if t == 0:
        return C
    j = opp[t - 1]
    outcome = 2 * j + int(state[2]) + 1
    if state[0] == 0.0:
        if j == C:
            state[2] = C
            return C
        state[0] = 1.0
    q = f32(state[1])
    if outcome <= 1:
        q = q * f32(0.57) + f32(0.43)
    elif outcome == 4:
        q = f32(0.74) * q + f32(0.104)
    else:
        q = f32(0.5) * q
    state[1] = q
    move = D if f32(rand(rng)) > q else C
    state[2] = move
    return move


# --------------------------------------------------------------------------------------
# K88R Appold
# state: 0-1 partner D after its C and count of its C, 2-3 the same after its D (the
#        count starts at 1), 4 partner has defected (after move 4), 5-6 its last two
#        moves (older first)


@strategy("k88r", reciprocity="diffuse", stochastic=True, state=(0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0))
def k88r(my, opp, t, state, params, info, rng):
    """C for 4 moves, then D with the partner's observed probability of D after its own move of two turns before. (Scott Appold, K88R, rank 22; original program)

    diffuse: it answers a partner's habits, not its last move, and overlooks the first D.

    The partner's move is counted as the reply to its own move two turns earlier (on
    move 2, to a C "on move 0"); the count of its D starts at 1. The first partner D
    seen after move 4 is answered with C.
    """
    j = previous(opp, t)
    older = state[5]
    if t > 0:
        if older == 0.0:
            state[1] += 1.0
            state[0] += j
        else:
            state[3] += 1.0
            state[2] += j
    move = C
    if t >= 4:
        if j == D and state[4] == 0.0:
            state[4] = 1.0
        elif older == 0.0:
            move = D if f32(rand(rng)) < f32(state[0]) / f32(state[1]) else C
        else:
            move = D if f32(rand(rng)) < f32(state[2]) / f32(state[3]) else C
    state[5] = state[6]
    state[6] = move
    return move


# --------------------------------------------------------------------------------------
# K89R Snodgrass
# state: 0 phase counter CN, 1 strategies on, 2 its last alternating move, 3 the
#        partner's last move seen by tit for two tats, 4-9 on/off of strategies 1-6,
#        10-15 moves played with each, 16-20 total gain of each, 21-26 score at the start
#        of each


@strategy("k89r", uses_game=True, reciprocity="other", state=(10.0, 5.0, 1.0, 0.0) + (1.0,) * 6 + (0.0,) * 17)
def k89r(my, opp, t, state, params, info, rng):
    """Plays five strategies in turns of 10 moves (all C, all D, alternate, tit for tat, tit for two tats), dropping those that gain less than 90% of the mean. (Gene Snodgrass, K89R, rank 56; original program)

    other: a tournament of strategies inside the rule, kept by what they earn.

    After each round of the strategies that are on, a strategy whose gain in the round
    fell below 9/10 of the mean gain (integer arithmetic) is switched off, and one that
    is off is switched back on when its average gain per 10 moves over the match
    exceeds that bound. (With negative payoffs the bound can exceed every gain; then the
    best strategy of the round stays on, where the program would divide by zero.)
    """
    j = previous(opp, t)
    score = int(info[INFO_MY_SCORE])
    while True:
        cn = int(state[0])
        code = cn // 10
        if 10 * code == cn:
            state[20 + code] = score
        if state[3 + code] != 1.0:
            state[0] = cn + 10
            continue
        state[0] = cn + 1
        state[9 + code] += 1.0
        if code == 1:
            return C
        if code == 2:
            return D
        if code == 3:
            move = 1 - int(state[2])
            state[2] = move
            return move
        if code == 4:
            return j
        if code == 5:
            move = D if j == D and state[3] == 1.0 else C
            state[3] = j
            return move
        _k89r_review(state)
        state[0] = 10.0


@njit(cache=True)
def _k89r_review(state):
    """Switch strategies off or on by their gain in the round just finished."""
    total = 0
    gains = np.empty(5, dtype=np.int64)
    for i in range(5):
        gains[i] = int(state[22 + i] - state[21 + i])
        total += gains[i]
        state[16 + i] += gains[i]
    bound = _idiv(9 * _idiv(total, int(state[1])), 10)
    on = 0
    for i in range(5):
        if state[4 + i] == 1.0:
            if gains[i] < bound:
                state[4 + i] = 0.0
        elif _idiv(10 * int(state[16 + i]), int(state[10 + i])) > bound:
            state[4 + i] = 1.0
        if state[4 + i] == 1.0:
            on += 1
    if on == 0:
        # only with negative payoffs (the bound can then exceed every gain): the program
        # would divide by zero at the next review; the best strategy of the round stays on
        state[4 + np.argmax(gains)] = 1.0
        on = 1
    state[1] = on


# --------------------------------------------------------------------------------------
# K90R Maynard Smith


@strategy("k90r", reciprocity="diffuse", memory_depth=2)
def k90r(my, opp, t, state, params, info, rng):
    """Tit for two tats: D only after two partner D in a row. (John Maynard Smith, K90R, rank 24; original program)

    diffuse: forgives a single defection.
    """
    return D if t >= 2 and opp[t - 1] == D and opp[t - 2] == D else C


# --------------------------------------------------------------------------------------
# K91R Pinkley
# state: 0-7 x, 1 - x, y, 1 - y, z, 1 - z, w, 1 - w (the partner's C rates after the
#        four outcomes), 8-11 C replies and 12-15 replies after each outcome, 16 the
#        outcome of its last move (1 CC, 2 CD, 3 DC, 4 DD), 17 its own last move

#: the 11 policies' moves after each outcome (CC, CD, DC, DD)
_K91R_POLICIES = np.array(
    [
        [0, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 1, 0, 1],
        [0, 1, 1, 0],
        [1, 0, 0, 0],
        [1, 0, 0, 1],
        [1, 0, 1, 0],
        [1, 1, 0, 0],
        [1, 1, 0, 1],
        [1, 1, 1, 0],
        [1, 1, 1, 1],
    ],
    dtype=np.int64,
)

_K91R = tuple(float(np.float32(v)) for v in (0.999, 0.001, 0.001, 0.999, 0.999, 0.001, 0.001, 0.999))
_K91R += tuple(float(np.float32(v)) for v in (1.999, 1.999, 0.001, 0.001)) + (2.0,) * 4 + (0.0, 0.0)


@strategy("k91r", reciprocity="other", state=_K91R)
def k91r(my, opp, t, state, params, info, rng):
    """Estimates the partner's C rate after each outcome and plays the best of 11 memory-one policies by their expected payoff. (Jonathan Pinkley, K91R, rank 30; original program)

    other: picks a policy by its expected payoff against a model of the partner.

    The rates start as if the partner were tit for tat (almost surely C after CC and DC,
    D after CD and DD) and are updated from move 3 with the partner's reply to its own
    move of two turns before. The program never updates 1 - w after DD (w itself is),
    and the rule keeps that. The expected payoffs, their ties (the first best wins) and
    the rates are in single precision, as in the program.
    """
    j = previous(opp, t)
    if t >= 2:
        n = int(state[16]) - 1
        if j == C:
            state[8 + n] = f32(state[8 + n]) + f32(1.0)
        state[12 + n] = f32(state[12 + n]) + f32(1.0)
        rate = f32(state[8 + n]) / f32(state[12 + n])
        slot = 0 if n == 0 else (4 if n == 1 else (2 if n == 2 else 6))
        state[slot] = rate
        if n != 3:
            state[slot + 1] = f32(1.0) - rate
    best = _k91r_best_policy(state)
    outcome = 2 * int(state[17]) + j
    state[16] = outcome + 1
    move = _K91R_POLICIES[best, outcome]
    state[17] = move
    return move


@njit(cache=True)
def _k91r_best_policy(state):
    """The index of the policy with the highest expected payoff, in the program's arithmetic."""
    x, px, y, py = f32(state[0]), f32(state[1]), f32(state[2]), f32(state[3])
    z, pz, w, pw = f32(state[4]), f32(state[5]), f32(state[6]), f32(state[7])
    f1, f2, f3, f5, f8 = f32(1.0), f32(2.0), f32(3.0), f32(5.0), f32(8.0)
    e = np.empty(11, dtype=np.float32)
    e[0] = (f3 * z) / (z + px)
    e[1] = (f3 * (y * z + w * pz) + f5 * z * px + px * pz) / (y * z + w * pz + px + z * px + px * pz)
    e[2] = (f3 * w * y + f5 * w * px + px * pz) / (w * y + f2 * w * px + px * pz)
    e[3] = (f3 * w * py + f5 * z * px + px * py) / (w * py + px * py + z * px + px * py)
    e[4] = (f3 * z + f5 * x * z + z * px) / (f1 - x * y - w * px + f2 * z)
    e[5] = (f8 * w * z + z * px) / (f2 * w * z + w * py + z * px)
    e[6] = (f3 * z * py + f5 * x * z + z * py) / (f2 * z * py + pw * py + x * z)
    e[7] = (f3 * (y * z + w * pz) + f5 * (z * pw + w * x) + f1 - x * y - z * py) / (
        y * z + w * pz + f2 - f2 * x * y - w * px + z * pw + w * x - z * py
    )
    e[8] = (f3 * w * y + f5 * w + f1 - x * y - z * py) / (f2 * w + f1 - x * y - z * py)
    e[9] = (f3 * w * py + f5 * (z * pw + w * x) + py) / (py + z * pw + w * x + py)
    e[10] = (f5 * w + py) / (w + py)
    best = 0
    for i in range(1, 11):
        if e[i] > e[best]:
            best = i
    return best


# --------------------------------------------------------------------------------------
# K92R Rapoport


@strategy("k92r", reciprocity="specific", memory_depth=1)
def k92r(my, opp, t, state, params, info, rng):
    """Tit for tat: C first, then the partner's last move. (Anatol Rapoport, K92R, rank 1; original program)

    specific: answers in kind, move for move.
    """
    return previous(opp, t)


# --------------------------------------------------------------------------------------
# K93R RANDOM


@strategy("k93r", reciprocity="unconditional", stochastic=True, memory_depth=0)
def k93r(my, opp, t, state, params, info, rng):
    """RANDOM: C or D with probability 1/2 each. (RANDOM, K93R, rank 62; original program)

    unconditional: ignores the partner.

    C when the move's draw is below 0.5 (in single precision).
    """
    return C if f32(rand(rng)) < f32(0.5) else D


# --------------------------------------------------------------------------------------
# The table of the rules here, for strategies/second_tournament.py's ORIGINALS (on merging
# the modules each row becomes an ``original(...)`` call there).

_K84R_TWIN = (
    "after a fresh start the original takes the partner's previous move as C, so a partner D "
    "right after the fresh start's two Cs starts a new run of D and raises the punishment; the "
    "twin reads the partner's actual previous move (3 of the 71 stored matches differ)"
)
_K78R_TWIN = (
    "the original judges a partner random by its score on move 57 (135 points or less: D for "
    "good), not by a chi-squared test, recognises tit for tat and its twin by the outcomes of "
    "moves 52-55, and plays tit for tat between its random defections; against Defector it "
    "cooperates once in 308 moves, the twin about 227 times"
)

#: (code, author, rank, twin, how the twin differs, stochastic)
LATE_ORIGINALS = (
    ("k62r", "Howard R. Hollander", 51, "", "", True),
    ("k63r", "George Duisman", 57, "", "", False),
    ("k64r", "Brian Yamachi", 17, "Second by Yamachi", "", False),
    ("k65r", "Mark F. Batell", 47, "", "", False),
    ("k66r", "Ray Mikkelson", 20, "Second by Mikkelson", "", False),
    ("k67r", "Craig Feathers", 27, "Second by Tranquilizer", "", True),
    ("k68r", "Francois Leyvraz", 12, "Second by Leyvraz", "", True),
    ("k69r", "Johann Joss", 29, "", "", True),
    ("k70r", "Robert Pebly", 32, "", "", True),
    ("k71r", "James E. Hall", 60, "", "", False),
    ("k72r", "Edward C. White, Jr.", 13, "Second by White", "", False),
    ("k73r", "George Zimmerman", 41, "", "", False),
    ("k74r", "Edward Friedland", 61, "", "", False),
    ("k75r", "Paul D. Harrington", 8, "Second by Harrington", "", True),
    ("k76r", "David Gladstein", 46, "Second by Gladstein", "", False),
    ("k77r", "Scott Feld", 55, "", "", True),
    ("k78r", "Fred Mauk", 19, "First by Graaskamp", _K78R_TWIN, True),
    ("k79r", "Dennis Ambuehl and Kevin Hickey", 26, "", "", False),
    ("k80r", "Robyn M. Dawes and Mark Batell", 36, "", "", False),
    ("k81r", "Martyn Jones", 43, "", "", False),
    ("k82r", "Robert A. Leyland", 49, "", "", True),
    ("k83r", "Paul E. Black", 15, "Second by Black", "", True),
    ("k84r", "T. Nicolaus Tideman and Paula Chieruzzi", 9, "Second by Tideman and Chieruzzi", _K84R_TWIN, False),
    ("k85r", "Robert B. Falk and James M. Langsted", 33, "", "", False),
    ("k86r", "Bernard Grofman", 28, "Second by Grofman", "", False),
    ("k87r", "E. E. H. Schurmann", 44, "", "", True),
    ("k88r", "Scott Appold", 22, "Second by Appold", "", True),
    ("k89r", "Gene Snodgrass", 56, "", "", False),
    ("k90r", "John Maynard Smith", 24, "Tit For 2 Tats", "", False),
    ("k91r", "Jonathan Pinkley", 30, "", "", False),
    ("k92r", "Anatol Rapoport", 1, "Tit For Tat", "", False),
    ("k93r", "RANDOM", 62, "", "", True),
)
