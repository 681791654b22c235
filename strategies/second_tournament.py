"""Axelrod's second tournament, from the original programs (codes k31r ... k93r).

Axelrod, R. (1980b). "More effective choice in the prisoner's dilemma". Journal of
Conflict Resolution 24(3), 379-403. The 62 entries and RANDOM were Fortran functions,
kept with Axelrod's tournament program as TourExec (MIT licence,
https://github.com/Axelrod-Python/TourExec). Each rule here is named by its original
code (``"k31r"`` ... ``"k93r"``) and follows that code, read as the specification,
including its quirks; its author and rank (the row of the tournament program's table)
are in its docstring's first line and in :data:`ORIGINALS`.

How the original rules see a match. Each is a function ``KnnR(J, M, K, L, R, JA)``
called once per move: ``J`` the partner's previous move (0 = C, 1 = D; 0 on the first
move, as if the partner had cooperated), ``M`` the move number from 1 (``t + 1``
here), ``K`` and ``L`` its own and the partner's score so far (payoffs 3, 0, 5, 1:
``info[INFO_MY_SCORE]`` and ``info[INFO_OPP_SCORE]`` here, so a rule that reads them
declares ``uses_game``), ``R`` a uniform random number in single precision
(``rand(rng)`` here, drawn only where the original compares it) and ``JA`` its own
previous move. It is not told the length of the match.

Conventions kept from the originals, on purpose:

* arithmetic the original does in single precision (``REAL``) is done in ``float32``
  where a tie or a threshold can depend on the rounding; INTEGER division truncates
  towards zero (:func:`_idiv`);
* a variable the original keeps between calls and sets to its own choice (not to
  ``JA``) is kept in ``state`` here too, so that under noise the rule remembers what it
  meant to play, as the original would;
* where the original has a slip that changes what it does (a test that can never be
  true, a counter reset on the wrong line, 9 for 0.9), the rule plays what the program
  does, and the docstring says so.

Every match starts from a fresh state. The tournament program played a pair's five
games in one run, and a rule that did not reset a variable on move 1 carried it into
the next game (k61r's count of the partner's cooperations, fixed in TourExec in 2017;
k33r's estimates of the partner's answers for a context not yet seen); here, as the
rules intend, nothing is carried over.

Checked against the original programs: the moves of every rule against a panel (the
63 rules, the tournament program's reactive column rules and scripted partners) are
stored in ``tests/data/tourexec``, recorded by ``tools/tourexec_moves.py`` from the
compiled Fortran; a deterministic rule must replay them move for move at each of the
tournament's five lengths, a stochastic one must replay them given the original's
random numbers and match them statistically with its own
(``tests/strategies/test_second_tournament.py``). The rules of
``strategies/axelrod_second.py`` and a few others follow axelrod's re-implementations
of some of these programs; where those differ from the original, :data:`ORIGINALS`
says how.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import njit

from cooptourney.strategy_api import INFO_MY_SCORE, INFO_OPP_COOPS, INFO_OPP_SCORE, C, D, rand, strategy

#: single precision, for the originals' REAL arithmetic
f32 = np.float32


@dataclass(frozen=True)
class Original:
    """What is known of one rule of the second tournament.

    Attributes
    ----------
    code : str
        The original function's name in lower case, also the strategy's name.
    author : str
        The entrant(s), as in Axelrod (1980b).
    rank : int
        Final rank in the second tournament (1 = best, of 63): the row of the tournament
        program's table.
    check : {"moves", "statistics"}
        How the rule is checked against the stored moves of the original program.
    twin : str
        The name of a strategy of this library that re-implements the same entry
        (after axelrod), or "".
    twin_differs : str
        How the twin plays differently from the original program; "" if it plays
        the same moves (deterministic) or the same statistics (stochastic) against
        the stored panel.
    """

    code: str
    author: str
    rank: int
    check: str
    twin: str = ""
    twin_differs: str = ""


#: Every rule of this module, by code.
ORIGINALS: dict[str, Original] = {}


def original(code, author, rank, twin="", twin_differs="", stochastic=False):
    """Record an entry of :data:`ORIGINALS` (the rule's registration is separate)."""
    ORIGINALS[code] = Original(code, author, rank, "statistics" if stochastic else "moves", twin, twin_differs)


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
# k31r Paula Gail Grisell


@strategy("k31r", reciprocity="diffuse")
def k31r(my, opp, t, state, params, info, rng):
    """Cooperates while the partner has defected less than half the time, counting the first move as a C. (Paula Gail Grisell, K31R, rank 23; original program)

    diffuse: answers the partner's whole record, not its last move.

    Defects iff the partner's defections so far, divided by the move number,
    reach 1/2: so it cooperates iff the partner cooperated at least as often as
    it defected (soft majority).
    """
    defections = t - info[INFO_OPP_COOPS]
    return D if 2.0 * defections >= t + 1 else C


# --------------------------------------------------------------------------------------
# k32r Charles Kluepfel
# state: 0 c1 partner C after my D, 1 c2 partner D after my D, 2 c3 partner C after my C,
#        3 c4 partner D after my C, 4 j1 partner's previous J, 5 j2 the one before,
#        6 i1 my previous choice, 7 i2 the one before


@strategy("k32r", reciprocity="specific", stochastic=True, state=(0.0,) * 8)
def k32r(my, opp, t, state, params, info, rng):
    """Answers in kind, surely after three equal partner moves, with probability 0.9, 0.6 or 0.7 otherwise; defects against a partner that looks random. (Charles Kluepfel, K32R, rank 10; original program)

    specific: answers each move in kind, more surely the longer the partner repeats it.

    It counts the partner's replies (C or D) to its own move two turns back.
    From move 27 on, if the partner cooperated after its D at least
    ``(n - 1.5 sqrt(n)) / 2`` times among the ``n`` replies to a D, and defected
    after its C as often among the replies to a C, the partner looks random
    and it defects. Otherwise, with ``J`` the partner's last move: after three
    equal partner moves (the move before the first counting as C) it plays
    ``J``; after two it plays ``J`` with probability 0.9; after a change it plays
    ``J`` with probability 0.6 if ``J`` is D and 0.7 if C, else the other move.
    One draw per move in the last two cases.
    """
    j = previous(opp, t)
    if t >= 2:
        if state[7] == 0.0:
            state[3 if j == D else 2] += 1.0
        else:
            state[1 if j == D else 0] += 1.0
    move = C
    decided = False
    if t >= 26:
        c1, c2, c3, c4 = state[0], state[1], state[2], state[3]
        if c1 >= ((c1 + c2) - 1.5 * np.sqrt(c1 + c2)) / 2 and c4 >= ((c3 + c4) - 1.5 * np.sqrt(c3 + c4)) / 2:
            move = D
            decided = True
    if not decided:
        if state[4] == j and state[5] == state[4]:
            move = j
        else:
            if state[4] != j:
                p = f32(0.6) if j == D else f32(0.7)
            else:
                p = f32(0.9)
            move = j if rand(rng) < p else 1 - j
    state[5] = state[4]
    state[4] = j
    state[7] = state[6]
    state[6] = move
    return move


# --------------------------------------------------------------------------------------
# k33r Harold Rabbie
# state: 0-3 partner's C count per context, 4-7 context count, 8-11 estimated P(C),
#        12 my last move, 13 my move before, 14 twin (1.0 while the partner mirrors me),
#        15 context of the previous move (1..4)

_K33R_CONST = (0.0, 4.0, 6.0, 6.0, 8.0, 12.0)
# policy x context (context 1 = my last two moves C C, 2 = C D, 3 = D C, 4 = D D)
_K33R_COEFF = (
    (36.0, 0.0, 0.0, 0.0),
    (16.0, 12.0, 12.0, 0.0),
    (0.0, 18.0, 24.0, 0.0),
    (12.0, 12.0, 9.0, 9.0),
    (0.0, 16.0, 16.0, 12.0),
    (0.0, 0.0, 0.0, 48.0),
)
# policy x context: 1 = defect
_K33R_POLICY = (
    (0, 0, 0, 0),
    (1, 0, 0, 0),
    (1, 0, 1, 0),
    (1, 1, 0, 0),
    (1, 1, 1, 0),
    (1, 1, 1, 1),
)


@njit(cache=True)
def _k33r_policy(state):
    # single precision, summed in the original's order: policies can tie exactly
    best = f32(0.0)
    policy = 0
    for ii in range(6):
        total = f32(_K33R_CONST[ii])
        for jj in range(4):
            total = total + f32(_K33R_COEFF[ii][jj]) * f32(state[8 + jj])
        if total > best:
            best = total
            policy = ii
    return policy


@strategy("k33r", reciprocity="other", state=(0.0,) * 12 + (1.0, 1.0, 1.0, 0.0))
def k33r(my, opp, t, state, params, info, rng):
    """Estimates how the partner answers its own last two moves and plays the best of six policies; cooperates with a partner that mirrors it. (Harold Rabbie, K33R, rank 59; original program)

    other: an expected-payoff maximiser; it reciprocates only where that pays.

    The context of a move is its own two previous moves (the two before the
    first count as D). It keeps, per context, the share of partner C that
    followed. For 22 moves it plays policy 4 (C after its own D two moves
    back, else D: C, C, D, D, ...). Then, if the partner's every move so far
    equalled its own move of the same turn, it cooperates; else it plays the
    policy with the highest estimated value ``const + sum coeff * P(C | context)``
    (the six policies defect in none, 1, 2, 2, 3 or all of the four contexts;
    on a tie the first), in single precision as the original. A context not yet
    met counts with P(C) = 0.
    """
    j = previous(opp, t)
    if t >= 2:
        index = int(state[15]) - 1
        state[index] += 1 - j
        state[4 + index] += 1.0
        state[8 + index] = f32(state[index]) / f32(state[4 + index])
    index = int(2 * state[13] + state[12])  # 0-based context
    state[15] = index + 1
    if t >= 1 and j != state[12]:
        state[14] = 0.0
    if t + 1 <= 22:
        policy = 3
    elif state[14] > 0.5:
        policy = 0
    else:
        policy = _k33r_policy(state)
    move = _K33R_POLICY[policy][index]
    state[13] = state[12]
    state[12] = move
    return move


# --------------------------------------------------------------------------------------
# k34r James W. Friedman


@strategy("k34r", reciprocity="negative")
def k34r(my, opp, t, state, params, info, rng):
    """Cooperates until the partner's first defection, then defects for good (Grudger). (James W. Friedman, K34R, rank 52; original program)

    negative: one defection ends cooperation for the rest of the match.
    """
    return D if info[INFO_OPP_COOPS] < t else C


# --------------------------------------------------------------------------------------
# k35r Abraham Getzler
# state: 0 flack


@strategy("k35r", reciprocity="diffuse", stochastic=True, state=(0.0,))
def k35r(my, opp, t, state, params, info, rng):
    """Defects with probability "flack", the partner's defections with a half-life of one move. (Abraham Getzler, K35R, rank 11; original program)

    diffuse: answers a defection only with a probability that halves every move (measured diffuseness 0.41, docs/reference/reciprocity.md).

    flack = (flack + J) / 2 each move (J = 1 after a partner D); it defects iff
    flack > r for a uniform draw r, one draw per move.
    """
    state[0] = (state[0] + previous(opp, t)) * 0.5
    return D if state[0] > rand(rng) else C


# --------------------------------------------------------------------------------------
# k36r Roger Hotz


@strategy("k36r", reciprocity="unconditional", stochastic=True)
def k36r(my, opp, t, state, params, info, rng):
    """Defects, cooperating at random: with probability 0.1 on moves 1-99, 0.05 on 100-199, 0.15 on 200-299, never after. (Roger Hotz, K36R, rank 63; original program)

    unconditional: ignores the partner.

    One draw per move.
    """
    turn = t + 1
    if turn < 100:
        p = f32(0.1)
    elif turn < 200:
        p = f32(0.05)
    elif turn < 300:
        p = f32(0.15)
    else:
        p = f32(0.0)
    return C if rand(rng) < p else D


# --------------------------------------------------------------------------------------
# k37r George Lefevre


@strategy("k37r", reciprocity="diffuse")
def k37r(my, opp, t, state, params, info, rng):
    """Defects while the partner's defections exceed a fifth of the move number. (George Lefevre, K37R, rank 37; original program)

    diffuse: tolerates a partner that defects up to one move in five.
    """
    defections = t - info[INFO_OPP_COOPS]
    return D if 5.0 * defections > t + 1 else C


# --------------------------------------------------------------------------------------
# k38r Nelson Weiderman
# state: 0 the partner's last three moves as bits, 1 defect for good


@strategy("k38r", reciprocity="negative", state=(0.0, 0.0))
def k38r(my, opp, t, state, params, info, rng):
    """Cooperates until the partner defects three times in a row, then defects for good. (Nelson Weiderman, K38R, rank 34; original program)

    negative: a run of three defections ends cooperation for the match.
    """
    if state[1] == 0.0:
        state[0] = (state[0] % 4.0) * 2.0 + previous(opp, t)
        if state[0] == 7.0:
            state[1] = 1.0
    return D if state[1] > 0.5 else C


# --------------------------------------------------------------------------------------
# k39r Tom Almy
# state: 0 step (1 tit for two tats, 2 tit for tat, 3 all D, 4 exploit, 5 cool off),
#        1 substep, 2 mutual-defection streak, 3 own defections in the period,
#        4 partner defections in the period, 5 evil (0 unknown, 1 has defected, -1 nice),
#        6 exploit gap n, 7 exploited unpunished once (f), 8-10 score of steps 1-3,
#        11 score at the last evaluation, 12 partner's last move, 13 the one before,
#        14 countdown, 15 step at the last evaluation


@njit(cache=True)
def _k39r_best(state):
    # Find the best defence (label 130 of the original).
    oldstp = state[15]
    step = 1
    for i1 in (1, 2):
        for i2 in (2, 3):
            ok1 = state[7 + i1]
            ok2 = state[7 + i2]
            if ok1 == 0.0 or ok2 == 0.0:
                continue
            if ok1 >= ok2:
                continue
            if step == i1:
                step = i2
    if step != 3 and state[7 + step + 1] == 0.0 and (state[4] >= 4 or state[3] == 0):
        step += 1
    if step < oldstp and state[2] > 0:
        step = 5
    state[0] = step


@strategy("k39r", reciprocity="other", uses_game=True, state=(1.0, 1.0) + (0.0,) * 4 + (1.0,) + (0.0,) * 9)
def k39r(my, opp, t, state, params, info, rng):
    """Tries tit for two tats, tit for tat and all-D for ten moves each and keeps the one that scored best; exploits a partner that never defects. (Tom Almy, K39R, rank 25; original program)

    other: a strategy selector that probes and exploits; reciprocity is one of its modes.

    Each of the three defensive modes runs for ten moves, then its score (own
    points) is compared. A partner that has not defected in the period is
    exploited: one defection then n cooperations, repeated while unpunished;
    when punished the gap n grows and it returns to the defensive modes (or, if
    it was never unpunished, cooperates until the partner has defected five
    times). Having switched to a less aggressive mode during a mutual-defection
    run, it first cooperates for five moves. The bookkeeping follows the
    original's state machine step for step.
    """
    j = previous(opp, t)
    ja = previous(my, t)
    if ja + j == 2:
        state[2] += 1
    else:
        state[2] = 0.0
    state[14] -= 1
    k = C
    state[13] = state[12]
    state[12] = j
    if j == 1:
        state[4] += 1
    if state[5] == 0.0 and j == 1:
        state[5] = 1.0
    score = info[INFO_MY_SCORE]
    while True:
        step = int(state[0])
        sub = int(state[1])
        if step <= 3:
            if sub == 1:
                state[14] = 10.0
                state[4] = 0.0
                state[3] = 0.0
                state[1] = 2.0
                continue
            if sub == 2:
                if step == 1:
                    k = D if state[13] + state[12] == 2 else C
                elif step == 2:
                    k = D if state[12] == 1 else C
                else:
                    k = D
                state[3] += k
                if state[14] == 0:
                    state[1] = 3.0
                return k
            # evaluate the period (label 120)
            state[15] = step
            state[7 + step] = score - state[11]
            state[11] = score
            state[1] = 1.0
            if state[4] > 0:
                _k39r_best(state)
                continue
            state[0] = 4.0
            if state[5] == 1.0:
                state[0] = 1.0
            if state[5] == 0.0:
                state[5] = -1.0
            continue
        if step == 4:
            if sub == 3:
                if state[4] == 0:
                    state[7] = 1.0
                    sub = 1
                elif state[7] != 0:
                    state[6] += 1
                    state[1] = 1.0
                    state[0] = 1.0
                    continue
                else:
                    state[1] = 4.0
                    if j == 1:
                        state[6] += 1
                    state[4] = j
                    return C
            if sub == 1:
                state[1] = 2.0
                state[14] = state[6]
                state[4] = 0.0
                return D
            if sub == 2:
                if state[14] == 0:
                    state[1] = 3.0
                return C
            # sub 4: cooperate until punished five times
            if state[4] <= 4:
                return C
            state[1] = 1.0
            state[0] = 1.0
            continue
        # step 5: cooperate for five moves to cool things off
        if sub != 2:
            state[14] = 5.0
            state[1] = 2.0
        if state[14] != 0:
            return C
        state[1] = 1.0
        _k39r_best(state)


# --------------------------------------------------------------------------------------
# k40r Robert Adams
# state: 0 moves since the last triggered defection (s), 1 partner defections, counted
#        twice from move 3 on (w), 2 probability of forgiving (q, halved at every use)


@njit(cache=True, inline="always")
def _k40r_trigger(w):
    # the original's test, in its grouping: W > 2 .AND. (W/3 whole .OR. (W-1)/3 whole)
    return w > 2 and (w % 3 == 0 or (w - 1) % 3 == 0)


@strategy("k40r", reciprocity="diffuse", stochastic=True, state=(3.0, 0.0, float(f32(0.8))))
def k40r(my, opp, t, state, params, info, rng):
    """Cooperates, answering defections now and then with a defection and a random forgiveness that halves each time. (Robert Adams, K40R, rank 35; original program)

    diffuse: it forgives with a shrinking probability and punishes only some defections.

    Keeps w, the partner's defections (each counted twice from move 3 on), a
    forgiveness probability q (0.8, halved after every partner defection and at
    every use) and the moves since its last triggered defection. C on moves 1
    and 2. After a partner D from move 3 on: if w is 1 more than a multiple of 3,
    or w > 2 is a multiple of 3, it defects (a trigger); else it cooperates with
    probability q (one draw). After a partner C: it defects on the move after a
    trigger, and also triggers (and defects) when w > 2 and w is 0 or 1 modulo 3
    (so, from then on, every partner C is answered with D); else C.
    """
    j = previous(opp, t)
    state[0] += 1
    if j == 1:
        state[1] += 1
        state[2] = f32(state[2]) / f32(2.0)
    if t < 2:
        return C
    if j == 1:
        state[1] += 1
        w = state[1]
        if not ((w > 2 and w % 3 == 0) or (w - 1) % 3 == 0):
            q = f32(state[2])
            state[2] = q / f32(2.0)
            return D if rand(rng) >= q else C
    else:
        if state[0] == 1 or state[0] == 2:
            return D
        if not _k40r_trigger(state[1]):
            return C
    state[0] = 1.0
    state[2] = f32(state[2]) / f32(2.0)
    return D


# --------------------------------------------------------------------------------------
# k41r Herb Weiner
# state: 0 case (1 tit for tat, 2 after one partner D, 3 after two), 1 forgiveness horizon,
#        2-13 the partner's last twelve moves before the last one


@strategy("k41r", reciprocity="specific", state=(1.0, 0.0) + (0.0,) * 12)
def k41r(my, opp, t, state, params, info, rng):
    """Tit for tat that forgives a D-C-D pattern once in a while and defects when five of the partner's twelve moves before the last were D. (Herb Weiner, K41R, rank 7; original program)

    specific: tit for tat at heart, with a rationed forgiveness.

    It plays the partner's last move, except: after the partner played D, C, D
    (the last D seen in case 3), it cooperates if the forgiveness horizon
    (20 moves per such forgiving, counted from 0) is below the move number,
    and the horizon grows by 20 if the partner's last move was D. Whatever
    the rule gives, it defects if the partner defected at least 5 times in the
    12 moves before its last one (the move before the first counting as C).
    """
    j = previous(opp, t)
    turn = t + 1
    case = int(state[0])
    move = j
    if case == 1:
        state[0] = j + 1
    elif case == 2:
        state[0] = 1.0 if j == 1 else 3.0
    else:
        if state[1] < turn:
            move = C
        state[1] += 20 * j
        state[0] = 1.0
    total = 0.0
    for i in range(2, 14):
        total += state[i]
    for i in range(2, 13):
        state[i] = state[i + 1]
    state[13] = j
    if total >= 5:
        move = D
    return move


# --------------------------------------------------------------------------------------
# k42r Otto Borufsen
# state: 0 mutual-defection streak, 1 echo streak, 2 defect mode, 3 turn the next D into
#        C, 4 my last move, 5 my move before, 6 partner's move before its last,
#        7-10 partner replies: 7 + 2 * my move + its reply (0 = C)


@strategy("k42r", reciprocity="specific", state=(0.0,) * 11)
def k42r(my, opp, t, state, params, info, rng):
    """Tit for tat that breaks mutual-defection and echo runs, and defects for 25 moves against a partner that looks random or defective. (Otto Borufsen, K42R, rank 3; original program)

    specific: tit for tat at heart; it repairs feuds but writes off partners that do not respond.

    It counts the partner's replies to its own move two turns back. On moves
    27, 52, 77, ... it judges the replies since the last check: with n the
    partner's cooperations, defective if n < 3, random if 8 <= n <= 17 and
    fewer than 70% of them answered its C; either way it defects for the next 25
    moves (the counts are cleared at each check). Otherwise: after three mutual
    defections in a row it cooperates once; after three echoes in a row (the
    last moves differ and each repeats the other's move before) its next D
    becomes C; else tit for tat.
    """
    j = previous(opp, t)
    turn = t + 1
    if t == 0:
        move = C
    else:
        if turn > 2:
            state[7 + 2 * int(state[5]) + j] += 1
        if state[2] != 0:
            move = D
        elif state[4] != 0 and j != 0:
            state[0] += 1
            if state[0] < 3:
                move = j
            else:
                move = C
                state[0] = 0.0
                state[1] = 0.0
        else:
            state[0] = 0.0
            if state[4] != j and j == state[5] and state[4] == state[6]:
                state[1] += 1
                if state[1] >= 3:
                    state[1] = 0.0
                    state[0] = 0.0
                    state[3] = 1.0
            else:
                state[1] = 0.0
            move = j
        if (turn - 2) % 25 == 0 and turn != 2:
            state[2] = 0.0
            coops = state[7] + state[9]
            if coops <= 17:
                if coops < 8:
                    if coops < 3:
                        state[2] = 1.0
                elif (100 * int(state[7])) // int(coops) < 70:
                    state[2] = 1.0
            for i in range(7, 11):
                state[i] = 0.0
            if state[2] != 0:
                state[3] = 0.0
                state[0] = 0.0
                state[1] = 0.0
                move = D
    if state[3] != 0 and move != 0:
        state[3] = 0.0
        move = C
    state[5] = state[4]
    state[6] = j
    state[4] = move
    return move


# --------------------------------------------------------------------------------------
# k43r R. D. Anderson
# state: 0-3 partner C after my C, D after my C, C after my D, D after my D,
#        4 early retaliations, 5 twin, 6 my last move, 7 my move before


@strategy("k43r", reciprocity="other", state=(0.0,) * 8)
def k43r(my, opp, t, state, params, info, rng):
    """Answers the first three partner defections of moves 1-15, then defects when the partner defects after a third of its Cs, and probes every fourth move. (R. D. Anderson, K43R, rank 39; original program)

    other: a prober that exploits partners who forgive, with a short reciprocal phase.

    It counts the partner's replies to its own move two turns back. Moves 1-15:
    C, but D after a partner D, at most three times. From move 16: D if at least
    a third of the replies to its C were D; else, on moves divisible by 4, D if
    the partner has answered its D with C at least move/12 times (whole
    division) or never with D, unless the partner looks like its twin (a D on
    move 17 after exactly one D reply to its C and none to its D); else C.
    """
    j = previous(opp, t)
    turn = t + 1
    move = C
    if t > 0:
        if turn >= 3:
            if state[7] == 1:
                state[2] += 1 - j
                state[3] += j
            else:
                state[0] += 1 - j
                state[1] += j
        state[7] = state[6]
        if turn < 16:
            if j == 1 and state[4] < 3:
                state[4] += 1
                move = D
        else:
            if turn == 17 and j == 1 and state[1] == 1 and state[3] == 0:
                state[5] = 1.0
            if state[1] * 3 >= state[0] + state[1]:
                move = D
            elif turn % 4 == 0 and state[5] != 1 and (state[2] >= turn // 12 or state[3] == 0):
                move = D
    state[6] = move
    return move


# --------------------------------------------------------------------------------------
# k44r William Adams
# state: 0 partner defections since move 2 (reset when the allowance is halved),
#        1 the allowance (4, then halved)


@strategy("k44r", reciprocity="diffuse", stochastic=True, state=(0.0, 4.0))
def k44r(my, opp, t, state, params, info, rng):
    """Cooperates until the partner's defections reach an allowance of 4, which then halves (2, 1, 0.5, ...) each time it is exceeded. (William Adams, K44R, rank 5; original program)

    diffuse: lets several defections stand before answering.

    C on moves 1 and 2; then it counts the partner's defections (the partner's
    first move is not counted). While the count is below the allowance it
    cooperates; at the allowance it defects (also after partner Cs, until the
    next partner D); above it, the allowance halves, the count restarts at 0,
    and it cooperates with probability equal to the new allowance (surely while
    it is at least 1), one draw.
    """
    if t < 2:
        return C
    state[0] += opp[t - 1]
    if state[0] < state[1]:
        return C
    if state[0] == state[1]:
        return D
    state[1] = state[1] / 2.0
    state[0] = 0.0
    return C if rand(rng) < state[1] else D


# --------------------------------------------------------------------------------------
# k45r Michael F. McGurrin
# state: 0 partner's move before the last (tit for two tats), 1 mode A (exploit),
#        2 mode B (tit for two tats), 3 mode C (tit for tat), 4 partner defected on
#        move 1, 5 exploitation counter


@strategy("k45r", reciprocity="other", state=(0.0,) * 6)
def k45r(my, opp, t, state, params, info, rng):
    """Defects first, judges the partner's answers on moves 2 and 3, then plays tit for tat, tit for two tats, or exploits with Ds interrupted by tit-for-two-tats Cs. (Michael F. McGurrin, K45R, rank 50; original program)

    other: a prober that picks between reciprocity and exploitation on its first moves.

    D, C, C; then the partner's first moves choose the mode for the rest of the
    match: after D, D, tit for tat; after C, C, tit for two tats with a D on
    moves 11, 19, 27, ...; otherwise its third move decides: D, tit
    for tat (with a D on move 4 if the partner opened D, C, D), C, tit for two
    tats.
    """
    j = previous(opp, t)
    turn = t + 1
    if turn == 1:
        return D
    if turn == 2:
        state[4] = float(j)
        return C
    if turn == 3:
        if j == 1:
            if state[4] == 1:
                state[3] = 1.0
        elif state[4] != 1:
            state[1] = 1.0
        return C
    if state[3] == 1:
        return j
    if state[2] == 1:
        move = D if (state[0] == 1 and j == 1) else C
        state[0] = j
        return move
    if state[1] == 1:
        state[5] += 1
        if state[5] == 8:
            state[5] = 0.0
            state[0] = j
            return D
        move = D if (state[0] == 1 and j == 1) else C
        state[0] = j
        return move
    if state[4] == 1:
        if j == 1:
            state[3] = 1.0
            return D
        state[2] = 1.0
        return C
    if j == 1:
        state[3] = 1.0
    else:
        state[2] = 1.0
    return C


# --------------------------------------------------------------------------------------
# k46r Graham J. Eatherley


@strategy("k46r", reciprocity="diffuse", stochastic=True)
def k46r(my, opp, t, state, params, info, rng):
    """Cooperates after a partner C; after a D, defects with probability the partner's defection rate so far. (Graham J. Eatherley, K46R, rank 14; original program)

    diffuse: answers a defection only as often as the partner defects.

    The rate is the partner's defections over the moves played, in single
    precision; one draw after each partner D.
    """
    if t == 0 or opp[t - 1] == C:
        return C
    rate = f32(t - info[INFO_OPP_COOPS]) / f32(t)
    return D if rand(rng) < rate else C


# --------------------------------------------------------------------------------------
# k47r Richard Hufford
# state: 0 num, 1 den (its sneak defections answered with D / with C, from 2 each),
#        2 move of the next sneak defection, 3 partner agreements overall (from 1),
#        4 agreements in the last four moves (from 5), 5-9 agreement flags,
#        10 flag index, 11 its move before last, 12 its last move


@strategy(
    "k47r",
    reciprocity="specific",
    state=(2.0, 2.0, 20.0, 1.0, 5.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0),
)
def k47r(my, opp, t, state, params, info, rng):
    """Tit for tat, defecting against a partner that seldom echoes it, with sneak defections spaced by how the partner answered the last ones. (Richard Hufford, K47R, rank 16; original program)

    specific: move-by-move reciprocity with an account of the partner's answers.

    It counts the partner's agreements (its move equal to its own move before
    last) overall and in the last four moves. It plays the partner's last move;
    D if the agreements are below 0.625 x the move number or fewer than 3 of the
    last four; C if above 0.9 x the move number and all four recent ones agree.
    A sneak defection comes on move 20 (sooner after an early partner D); two
    moves later it cooperates and schedules the next one 20 x num / den + 1
    moves on, where num and den count the partner's D and C answers.
    Comparisons in single precision, as the original.
    """
    j = previous(opp, t)
    turn = t + 1
    if turn <= state[2] and j == D:
        state[2] = turn + (20 * int(state[0])) // int(state[1]) + 1
    state[10] = state[10] % 4 + 1
    flag = 4 + int(state[10])
    state[4] -= state[flag]
    if j == state[11]:
        state[3] += 1
        state[4] += 1
        state[flag] = 1.0
    else:
        state[flag] = 0.0
    state[11] = state[12]
    move = j
    if f32(state[3]) < f32(0.625) * f32(turn) or state[4] < 3:
        move = D
    if f32(state[3]) > f32(0.9) * f32(turn) and state[4] == 5:
        move = C
    if turn == state[2]:
        move = D
    if turn >= state[2] + 2:
        move = C
        state[0] += j
        state[1] += 1 - j
        state[2] = turn + (20 * int(state[0])) // int(state[1]) + 1
    state[12] = move
    return move


# --------------------------------------------------------------------------------------
# k48r George Hufford
# state: 0-4 the five-move pattern it plays, 5 position in the pattern to change next
#        (1-5, 0 or 6 when it ran off), 6 direction of change (+1 or -1), 7 own points
#        in the last five moves, 8 in the five before, 9 own score at the last check

_K48R_ORDER = (2, 4, 3, 5, 1)


@strategy("k48r", reciprocity="other", uses_game=True, state=(0.0,) * 5 + (1.0, 1.0, 0.0, 0.0, 0.0))
def k48r(my, opp, t, state, params, info, rng):
    """Copies the partner's first moves into a five-move pattern that it repeats, flipping pattern entries while that raises its score. (George Hufford, K48R, rank 53; original program)

    other: a hill-climber over a periodic plan; it reacts to its score, not to moves.

    Moves 1-5: tit for tat, and the partner's Ds fill the pattern's slots in
    the order 2, 4, 3, 5, 1. From move 6 it plays the pattern cyclically; at
    the start of each cycle it compares its points of the last five moves with
    those of the five before: if fewer, it reverses the direction of change and
    steps back; then it adds the direction (+1 or -1) to the next slot in that
    order. An entry pushed to 2 counts as D, to -1 as C (the original would
    return the number itself; no partner of the stored panel leads there).
    """
    j = previous(opp, t)
    turn = t + 1
    if turn <= 5:
        pos = int(state[5])
        state[_K48R_ORDER[pos - 1] - 1] = j
        state[5] = pos + j
        return j
    slot = (turn - 1) % 5
    move = state[slot]
    if slot == 0:
        score = info[INFO_MY_SCORE]
        state[8] = state[7]
        old = state[8]
        state[7] = score - state[9]
        state[9] = score
        if old > state[7]:
            state[6] = -state[6]
            state[5] += state[6]
        if state[5] < 1:
            state[5] = 0.0
        if state[5] > 5:
            state[5] = 6.0
        if 1 <= state[5] <= 5:
            pos = int(state[5])
            state[_K48R_ORDER[pos - 1] - 1] += state[6]
            state[5] += state[6]
            move = state[slot]
    return D if move >= 1 else C


# --------------------------------------------------------------------------------------
# k49r Rob Cave


@strategy("k49r", reciprocity="diffuse", stochastic=True)
def k49r(my, opp, t, state, params, info, rng):
    """Cooperates after a partner C, answers a D with D half the time, and gives up on a partner that defects too much. (Rob Cave, K49R, rank 4; original program)

    diffuse: forgives half of the defections of a partner that mostly cooperates.

    With d the partner's defections so far and p = 100 d / move (whole
    number): after a partner D it defects with probability 1/2 (one draw) while
    d <= 17, surely after that. It defects whatever the partner did if p > 79
    after move 19, p > 65 after move 29 or p > 39 after move 39.
    """
    j = previous(opp, t)
    turn = t + 1
    defections = int(t - info[INFO_OPP_COOPS])
    percent = (100 * defections) // turn
    move = C
    if j == 1:
        if defections <= 17:
            # INT(R + .5) in single precision, as the original rounds
            move = D if f32(rand(rng)) + f32(0.5) >= f32(1.0) else C
        else:
            move = D
    if (turn > 19 and percent > 79) or (turn > 29 and percent > 65) or (turn > 39 and percent > 39):
        move = D
    return move


# --------------------------------------------------------------------------------------
# k50r Rik Smoody


@strategy("k50r", reciprocity="other", stochastic=True)
def k50r(my, opp, t, state, params, info, rng):
    """Cooperates after a partner D; after a partner C, defects with probability 0.1. (Rik Smoody, K50R, rank 54; original program)

    other: it rewards defection and occasionally exploits cooperation.

    One draw per move.
    """
    if previous(opp, t) == 0 and rand(rng) >= f32(0.9):
        return D
    return C


# --------------------------------------------------------------------------------------
# k51r John William Colbert
# state: 0 countdown of the answer to a defection


@strategy("k51r", reciprocity="specific", state=(0.0,))
def k51r(my, opp, t, state, params, info, rng):
    """C on moves 1-8 except a D on move 6; then answers a partner D with D, D, C, C. (John William Colbert, K51R, rank 18; original program)

    specific: a fixed, proportionate answer to each defection.

    While an answer runs, the partner's moves are not looked at.
    """
    turn = t + 1
    if turn <= 8:
        state[0] = 0.0
        return D if turn == 6 else C
    state[0] -= 1
    move = D if state[0] == 3 else C
    if state[0] > 0:
        return move
    if opp[t - 1] == D:
        state[0] = 4.0
        return D
    return move


# --------------------------------------------------------------------------------------
# k52r David A. Smith
# state: 0 current run of partner defections, 1 punishments completed


@strategy("k52r", reciprocity="diffuse", stochastic=True, state=(0.0, 0.0))
def k52r(my, opp, t, state, params, info, rng):
    """Defects from the partner's second D in a row, forgiving after runs of 5, 8, 11, ... ; every move flips with probability 0.05. (David A. Smith, K52R, rank 48; original program)

    diffuse: lets a single defection pass and answers only runs (measured diffuseness 0.66, docs/reference/reciprocity.md).

    It counts the partner's run of consecutive Ds; it plays D when the run is
    at least 2, and when the run reaches 5 + 3k (k the number of such
    resets so far) the count restarts. Whatever the rule gives is reversed
    with probability 0.05 (one draw per move).
    """
    state[0] += 1
    if previous(opp, t) == 0:
        state[0] = 0.0
    move = C
    if state[0] >= 2:
        move = D
        if state[0] >= 5 + 3 * state[1]:
            state[0] = 0.0
            state[1] += 1
    if rand(rng) <= f32(0.05):
        move = 1 - move
    return move


# --------------------------------------------------------------------------------------
# k53r Henry Nussbacher


@strategy("k53r", reciprocity="diffuse", stochastic=True, memory_depth=10)
def k53r(my, opp, t, state, params, info, rng):
    """C for 10 moves, then defects with a probability set by the partner's defections among its last 10 moves. (Henry Nussbacher, K53R, rank 45; original program)

    diffuse: it answers the recent share of defections, not single moves.

    With d the partner's Ds in its last 10 moves, it defects with probability
    0 (d = 0), 0.23 (d = 1), 0.87 (d = 2, 5, 6, 7), 0.915 (d = 3, 4, 8) or 0.94
    (d = 9, 10). One draw per move when d > 0.
    """
    if t < 10:
        return C
    d = 0
    for k in range(t - 10, t):
        d += opp[k]
    if d == 0:
        return C
    if d >= 9:
        p = f32(0.94)
    elif d == 8 or d == 4 or d == 3:
        p = f32(0.915)
    elif d == 1:
        p = f32(0.23)
    else:
        p = f32(0.87)
    return D if rand(rng) < p else C


# --------------------------------------------------------------------------------------
# k54r William H. Robertson
# state: 0 partner defections after its first 4 points, 1 current run of them,
#        2 tolerated defection level, 3 partner's current run of Cs, 4 probing allowed,
#        5 own probe pending (never set, as in the original), 6 probes made,
#        7 probe period


@njit(cache=True, inline="always")
def _k54r_reset(state):
    state[0] = 0.0
    state[1] = 0.0
    state[2] = f32(0.2)
    state[3] = 0.0
    state[4] = 1.0
    state[5] = 0.0
    state[6] = 0.0
    state[7] = 12.0


@strategy("k54r", reciprocity="other", uses_game=True, state=(0.0,) * 8)
def k54r(my, opp, t, state, params, info, rng):
    """Cooperates, tolerating a level of partner defections and probing with a D now and then; it reads the partner's score where it means the move number. (William H. Robertson, K54R, rank 58; original program)

    other: a tolerant prober; its clock is the partner's score, not the move.

    The original declares its arguments in the order (J, K, L, M): it takes the
    move number for its own score, its own score for the partner's, and the
    partner's score (``m`` below) for the move number; the rule here does the
    same. While m <= 1 it starts afresh and cooperates. If m = 20 the tolerated
    level drops from 0.2 to 0.1. After a partner C: if the partner's defections
    exceed level x m, it defects when 20 x defections > (partner's current C
    run) x m; else it probes (D) when m is a multiple of the probe period (12,
    shortened by 1 every 6 probes, at least 1); else C. After a partner D: D
    while m <= 4; else it counts the defection and, if they exceed level x m or
    three came in a row, defects under the same condition as above, else C.
    """
    j = previous(opp, t)
    m = info[INFO_OPP_SCORE]
    if m <= 1:
        _k54r_reset(state)
        return C
    if m == 20:
        state[2] = f32(0.1)
    excessive = False
    if j == 0:
        state[1] = 0.0
        state[3] += 1
        if f32(state[0]) > f32(m) * f32(state[2]):
            excessive = True
        elif m % state[7] == 0 and state[4] != 0:
            state[5] = 0.0
            state[6] += 1
            if state[6] % 6 == 0:
                state[7] -= 1
            if state[7] < 1:
                state[7] = 1.0
            return D
        else:
            state[5] = 0.0
            return C
    else:
        state[3] = 0.0
        if m <= 4:
            return D
        state[1] += 1
        state[0] += 1
        if state[5] != 0:
            state[4] = 0.0
        if f32(state[0]) > f32(m) * f32(state[2]) or state[1] > 2:
            excessive = True
        else:
            state[5] = 0.0
            return C
    if excessive:
        if 20 * state[0] <= state[3] * m:
            return C
        state[5] = 0.0
    return D


# --------------------------------------------------------------------------------------
# k55r Steve Newman
# state: 0 P(partner C | my C), 1 P(partner C | my D), 2 my move before last,
#        3-6 partner C after my C, replies to my C, C after my D, replies to my D,
#        7 mutual-defection run


@strategy("k55r", reciprocity="other", state=(float(f32(1.0)), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
def k55r(my, opp, t, state, params, info, rng):
    """Estimates the partner's answers to its C and to its D and plays the best of always C, alternate, always D; breaks long mutual-defection runs. (Steve Newman, K55R, rank 42; original program)

    other: an expected-payoff maximiser over three policies.

    With a = P(partner C after its C) (1 at first) and b = P(partner C after its
    D) (0 at first), in single precision: C-value 6a - 9b - 2, alternation
    value 4a - 6b - 1, D value 0. It cooperates if the C-value is the best and
    >= 0, alternates (the opposite of its last move) if that is, and otherwise
    defects, but cooperates in a run of mutual defections longer than 3.
    """
    j = previous(opp, t)
    ja = previous(my, t)
    if t >= 2:
        if state[2] == 1:
            state[5] += 1 - j
            state[6] += 1
            state[1] = f32(state[5]) / f32(state[6])
        else:
            state[3] += 1 - j
            state[4] += 1
            state[0] = f32(state[3]) / f32(state[4])
    state[2] = ja
    alpha = f32(state[0])
    beta = f32(state[1])
    polc = f32(6.0) * alpha - f32(9.0) * beta - f32(2.0)
    polalt = f32(4.0) * alpha - f32(6.0) * beta - f32(1.0)
    if polc >= 0:
        if polc >= polalt:
            return C
        return 1 - ja
    if polalt >= 0:
        return 1 - ja
    if j == 0 or ja == 0:
        state[7] = 0.0
        return D
    state[7] += 1
    if state[7] > 3:
        return C
    return D


# --------------------------------------------------------------------------------------
# k56r Stanley F. Quayle and k59r Leslie Downing (revised Downing)
# state: 0 P(partner C | my C), 1 P(partner C | my D), 2 my move before last,
#        3 partner C after my C, 4 replies to my C, 5 C after my D, 6 replies to my D


@njit(cache=True)
def revised_downing(my, opp, t, state):
    """The revised Downing rule as programmed in k56r and k59r, in single precision."""
    j = previous(opp, t)
    ja = previous(my, t)
    if t >= 2:
        if state[2] == 1:
            state[5] += 1 - j
            state[6] += 1
            state[1] = f32(state[5]) / f32(state[6])
        else:
            state[3] += 1 - j
            state[4] += 1
            state[0] = f32(state[3]) / f32(state[4])
    state[2] = ja
    good = f32(state[0])
    bad = f32(state[1])
    c = f32(6.0) * good - f32(8.0) * bad - f32(2.0)
    alt = f32(4.0) * good - f32(5.0) * bad - f32(1.0)
    if c >= 0 and c >= alt:
        return C
    if (c >= 0 and c < alt) or alt >= 0:
        return 1 - ja
    return D


@strategy("k56r", reciprocity="other", state=(float(f32(1.0)),) + (0.0,) * 6)
def k56r(my, opp, t, state, params, info, rng):
    """Estimates the partner's answers to its C and to its D and plays the best of always C, alternate, always D. (Stanley F. Quayle, K56R, rank 38; original program)

    other: an expected-payoff maximiser over three policies.

    The revised Downing rule, as in k59r: with good = P(partner C after its C)
    (1 at first) and bad = P(partner C after its D) (0 at first), counted from
    the partner's answers to its move two turns back, in single precision:
    C-value 6 good - 8 bad - 2, alternation value 4 good - 5 bad - 1. It
    cooperates if the C-value is >= 0 and >= the alternation value, alternates
    (the opposite of its last move) if that is >= 0, else defects.
    """
    return revised_downing(my, opp, t, state)


@strategy("k59r", reciprocity="other", state=(float(f32(1.0)),) + (0.0,) * 6)
def k59r(my, opp, t, state, params, info, rng):
    """Estimates the partner's answers to its C and to its D and plays the best of always C, alternate, always D. (Leslie Downing, K59R, rank 40; original program)

    other: an expected-payoff maximiser over three policies.

    The revised Downing rule; its program is the same as k56r's (Axelrod
    retyped it from the first tournament's REVISED DOWNING).
    """
    return revised_downing(my, opp, t, state)


# --------------------------------------------------------------------------------------
# k57r Rudy Nydegger
# state: 0 the last three moves of both players as a 6-bit number

# the values of that number after which it cooperates
_K57R_COOPERATE = (0, 27, 28, 32, 40, 41, 42, 43, 44, 46, 47, 48, 56, 57, 59, 60, 62, 63)


@strategy("k57r", reciprocity="other", state=(0.0,), memory_depth=3)
def k57r(my, opp, t, state, params, info, rng):
    """Tit for tat for three moves, then a fixed answer to the last three moves of both players. (Rudy Nydegger, K57R, rank 31; original program)

    other: a lookup rule that can exploit as well as reciprocate.

    The last three moves are read as n = sum over k = 1..3 of
    4^(k-1) (2 own + partner) of move (now - k) (the moves before the first
    counting as C). Moves 1-3: tit for tat, but D on move 3 if n = 6 (only
    the partner defected on move 1 and only it on move 2). Then C iff n is 0,
    27, 28, 32, 40-44, 46-48, 56, 57, 59, 60, 62 or 63: the first
    tournament's NYDEGGER.
    """
    j = previous(opp, t)
    n = 4 * (int(state[0]) % 16) + 2 * previous(my, t) + j
    state[0] = n
    if t < 3:
        if t == 2 and n == 6:
            return D
        return j
    for value in _K57R_COOPERATE:
        if n == value:
            return C
    return D


# --------------------------------------------------------------------------------------
# k58r Glen Rowsam
# state: 0 distrust, 1 moves left in a punishment


@strategy("k58r", reciprocity="diffuse", uses_game=True, state=(0.0, 0.0))
def k58r(my, opp, t, state, params, info, rng):
    """Cooperates, checking its own score every sixth move: the lower it is, the more distrust, shown by a D, C, D; defects for good at distrust above 6. (Glen Rowsam, K58R, rank 21; original program)

    diffuse: it answers its account, not single moves.

    On moves divisible by 6, with s its score before the move and m the move:
    distrust rises by 5 if s < m, 3 if s < 1.5 m, 2 if s < 2 m, 1 if s < 2.5 m,
    and then it plays D, C, D; else C. Distrust falls by 1 on moves divisible
    by 18 when above 2. Above 6 it defects for the rest of the match.
    """
    turn = t + 1
    if state[0] > 6:
        return D
    if state[1] >= 1:
        state[1] -= 1
        return D if state[1] == 0 else C
    if turn % 18 == 0 and state[0] > 2:
        state[0] -= 1
    if turn % 6 != 0:
        return C
    score = info[INFO_MY_SCORE]
    if score < turn:
        state[0] += 5
    elif score * 10 < turn * 15:
        state[0] += 3
    elif score < turn * 2:
        state[0] += 2
    elif score * 10 < turn * 25:
        state[0] += 1
    else:
        return C
    state[1] = 2.0
    return D


# --------------------------------------------------------------------------------------
# k60r Jim Graaskamp and Ken Katzen
# state: 0 defect for good


@strategy("k60r", reciprocity="specific", uses_game=True, state=(0.0,))
def k60r(my, opp, t, state, params, info, rng):
    """Tit for tat that defects for good if its own score falls short at moves 11, 21, 31, 41, 51 or 101. (Jim Graaskamp and Ken Katzen, K60R, rank 6; original program)

    specific: strict tit for tat, with a grudge against partners that leave its account short.

    The thresholds (score before the move) are 23, 53, 83, 113, 143 and 293.
    """
    if state[0] > 0.5:
        return D
    if t == 0:
        return C
    turn = t + 1
    score = info[INFO_MY_SCORE]
    if (
        (turn == 11 and score < 23)
        or (turn == 21 and score < 53)
        or (turn == 31 and score < 83)
        or (turn == 41 and score < 113)
        or (turn == 51 and score < 143)
        or (turn == 101 and score < 293)
    ):
        state[0] = 1.0
        return D
    return opp[t - 1]


# --------------------------------------------------------------------------------------
# k61r Danny C. Champion


@strategy("k61r", reciprocity="diffuse", stochastic=True)
def k61r(my, opp, t, state, params, info, rng):
    """Repeats its first move (C) for 10 moves, tit for tat to move 25, then forgives a D unless the partner cooperates less than 60% of the time. (Danny C. Champion, K61R, rank 2; original program)

    diffuse: after move 25 it overlooks any defection from a partner that cooperates 60% of the time.

    Moves 2-10 repeat its own previous move (all C, unless noise flipped one).
    From move 26, with rate = (partner's Cs + 1) / move number (the move
    before the first counts as C), in single precision: after a partner D it
    defects iff rate < 0.6 and a uniform draw exceeds rate (one draw); else C.
    The rate restarts with every match: the original kept its count from one
    game to the next until TourExec fixed it in 2017; the rule here follows the
    fixed program, which is what the rule describes.
    """
    turn = t + 1
    if turn == 1:
        return C
    if turn <= 10:
        return my[t - 1]
    if turn <= 25:
        return opp[t - 1]
    rate = f32(info[INFO_OPP_COOPS] + 1) / f32(turn)
    if opp[t - 1] == D and rate < f32(0.6) and rand(rng) > rate:
        return D
    return C


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
# The table of the rules

_DOWNING_DIFFERS = (
    "the original computes in single precision, the twin in double: where an estimate is exactly 0 in exact "
    "arithmetic rounding decides, e.g. against k48r at move 232 the alternation value 4 x 14/46 - 5 x 8/184 - 1 "
    "is 0 in double precision (the twin alternates) and -6e-8 in single (the original defects)"
)

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

original("k31r", "Paula Gail Grisell", 23, twin="Go By Majority")
original("k32r", "Charles Kluepfel", 10, twin="Second by Kluepfel", stochastic=True)
original("k33r", "Harold Rabbie", 59)
original("k34r", "James W. Friedman", 52, twin="Grudger")
original("k35r", "Abraham Getzler", 11, twin="Second by Getzler", stochastic=True)
original("k36r", "Roger Hotz", 63, stochastic=True)
original("k37r", "George Lefevre", 37)
original("k38r", "Nelson Weiderman", 34)
original("k39r", "Tom Almy", 25)
original("k40r", "Robert Adams", 35, stochastic=True)
original(
    "k41r",
    "Herb Weiner",
    7,
    twin="Second by Weiner",
    twin_differs=(
        "the original lengthens its forgiveness horizon by 20 whenever the partner plays D, C, D, also when it "
        "does not forgive because the horizon is not yet reached; the twin lengthens it only when it forgives, "
        "so it forgives again sooner (against the scripted random partner from move 32)"
    ),
)
original("k42r", "Otto Borufsen", 3, twin="Second by Borufsen")
original("k43r", "R. D. Anderson", 39)
original("k44r", "William Adams", 5, twin="Second by WmAdams", stochastic=True)
original("k45r", "Michael F. McGurrin", 50)
original("k46r", "Graham J. Eatherley", 14, twin="Second by Eatherley", stochastic=True)
original("k47r", "Richard Hufford", 16, twin="Second by RichardHufford")
original("k48r", "George Hufford", 53)
original("k49r", "Rob Cave", 4, twin="Second by Cave", stochastic=True)
original("k50r", "Rik Smoody", 54, stochastic=True)
original("k51r", "John William Colbert", 18, twin="Second by Colbert")
original("k52r", "David A. Smith", 48, stochastic=True)
original("k53r", "Henry Nussbacher", 45, stochastic=True)
original("k54r", "William H. Robertson", 58)
original("k55r", "Steve Newman", 42)
original(
    "k56r",
    "Stanley F. Quayle",
    38,
    twin="Revised Downing",
    twin_differs=_DOWNING_DIFFERS,
)
original(
    "k57r",
    "Rudy Nydegger",
    31,
    twin="First by Nydegger",
    twin_differs=(
        "the original reads the last three rounds with weights 16, 4, 1 from the oldest (as Axelrod's prose "
        "says) and codes a round 2 x own D + partner D; the twin gives 16 to the most recent round and codes "
        "2 x partner D + own D, so the same table answers other histories (it differs from move 4 on against "
        "most of the panel)"
    ),
)
original("k58r", "Glen Rowsam", 21, twin="Second by Rowsam")
original(
    "k59r",
    "Leslie Downing",
    40,
    twin="Revised Downing",
    twin_differs=_DOWNING_DIFFERS,
)
original("k60r", "Jim Graaskamp and Ken Katzen", 6, twin="Second by GraaskampKatzen")
original(
    "k61r",
    "Danny C. Champion",
    2,
    twin="Second by Champion",
    twin_differs=(
        "from move 26 the original defects after a partner D iff its cooperation rate, counting the move "
        "before the first as a C, is below 0.6 and below a uniform draw; the twin defects iff the defection "
        "rate without that C is at least max(0.4, draw): against Defector the original still cooperates with "
        "probability 1/move, the twin never"
    ),
    stochastic=True,
)
original("k62r", "Howard R. Hollander", 51, stochastic=True)
original("k63r", "George Duisman", 57)
original("k64r", "Brian Yamachi", 17, twin="Second by Yamachi")
original("k65r", "Mark F. Batell", 47)
original("k66r", "Ray Mikkelson", 20, twin="Second by Mikkelson")
original("k67r", "Craig Feathers", 27, twin="Second by Tranquilizer", stochastic=True)
original("k68r", "Francois Leyvraz", 12, twin="Second by Leyvraz", stochastic=True)
original("k69r", "Johann Joss", 29, stochastic=True)
original("k70r", "Robert Pebly", 32, stochastic=True)
original("k71r", "James E. Hall", 60)
original("k72r", "Edward C. White, Jr.", 13, twin="Second by White")
original("k73r", "George Zimmerman", 41)
original("k74r", "Edward Friedland", 61)
original("k75r", "Paul D. Harrington", 8, twin="Second by Harrington", stochastic=True)
original("k76r", "David Gladstein", 46, twin="Second by Gladstein")
original("k77r", "Scott Feld", 55, stochastic=True)
original("k78r", "Fred Mauk", 19, twin="First by Graaskamp", twin_differs=_K78R_TWIN, stochastic=True)
original("k79r", "Dennis Ambuehl and Kevin Hickey", 26)
original("k80r", "Robyn M. Dawes and Mark Batell", 36)
original("k81r", "Martyn Jones", 43)
original("k82r", "Robert A. Leyland", 49, stochastic=True)
original("k83r", "Paul E. Black", 15, twin="Second by Black", stochastic=True)
original(
    "k84r",
    "T. Nicolaus Tideman and Paula Chieruzzi",
    9,
    twin="Second by Tideman and Chieruzzi",
    twin_differs=_K84R_TWIN,
)
original("k85r", "Robert B. Falk and James M. Langsted", 33)
original("k86r", "Bernard Grofman", 28, twin="Second by Grofman")
original("k87r", "E. E. H. Schurmann", 44, stochastic=True)
original("k88r", "Scott Appold", 22, twin="Second by Appold", stochastic=True)
original("k89r", "Gene Snodgrass", 56)
original("k90r", "John Maynard Smith", 24, twin="Tit For 2 Tats")
original("k91r", "Jonathan Pinkley", 30)
original("k92r", "Anatol Rapoport", 1, twin="Tit For Tat")
original("k93r", "RANDOM", 62, stochastic=True)
