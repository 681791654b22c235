"""Axelrod's second tournament, from the original programs (codes k31r ... k61r).

Axelrod, R. (1980b). "More effective choice in the prisoner's dilemma". Journal of
Conflict Resolution 24(3), 379-403. The 62 entries and RANDOM were Fortran functions,
kept with Axelrod's tournament program as TourExec (MIT licence,
https://github.com/Axelrod-Python/TourExec). Each rule here is named by its original
code (``"k31r"`` ... ``"k93r"``; ``second_tournament_late`` holds k62r on) and
follows that code, read as the specification, including its quirks; its author and
rank are in its docstring and in :data:`ORIGINALS`.

How the original rules see a match. Each is called once per move with the partner's
previous move ``J`` (0 = C, 1 = D; 0 on the first move, as if the partner had
cooperated), the move number ``M`` (1 on the first move: ``t + 1`` here), its own and
the partner's score so far (payoffs 3, 0, 5, 1: ``info[INFO_MY_SCORE]`` and
``info[INFO_OPP_SCORE]`` here, so a rule that reads them declares ``uses_game``), a
uniform random number (``rand(rng)`` here, drawn only where the original compares it)
and its own previous move. It is not told the length of the match. Where an
original computes in single precision and a comparison can tie, the rule here
computes in ``float32`` too.

Every match starts from a fresh state. The tournament program played a pair's five
games in one run, and a rule that did not reset a variable on move 1 carried it into
the next game (k61r's count of the partner's cooperations, fixed in TourExec in 2017;
k33r's estimates of the partner's answers for a context not yet seen); here, as the
rules intend, nothing is carried over.

Checked against the original programs: the moves of every rule against a panel (the
63 rules, the tournament program's reactive column rules and scripted partners) are
stored in ``tests/data/tourexec``, recorded by ``tools/tourexec_moves.py`` from the
compiled Fortran; a deterministic rule must replay them move for move, a stochastic
one must replay them given the original's random numbers and match them statistically
with its own (``tests/strategies/test_second_tournament.py``). The
rules of ``strategies/axelrod_second.py`` follow axelrod's re-implementations of some
of these programs; where those differ from the original, :data:`ORIGINALS` says how.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

from cooptourney.strategy_api import INFO_MY_SCORE, INFO_OPP_COOPS, INFO_OPP_SCORE, C, D, rand, strategy

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
        Final rank in the second tournament (1 = best, of 63); 0 where not known.
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
# The table of the rules

_DOWNING_DIFFERS = (
    "the original computes in single precision, the twin in double: where an estimate is exactly 0 in exact "
    "arithmetic rounding decides, e.g. against k48r at move 232 the alternation value 4 x 14/46 - 5 x 8/184 - 1 "
    "is 0 in double precision (the twin alternates) and -6e-8 in single (the original defects)"
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
