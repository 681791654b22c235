"""Entries of Axelrod's second tournament (Axelrod 1980b).

Axelrod, R. (1980b). "More effective choice in the prisoner's dilemma". Journal
of Conflict Resolution 24(3), 379-403, ranks the 62 entries (plus RANDOM) of the
second tournament and describes a few of them (TESTER and TRANQUILIZER in some
detail). The rules here follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/axelrod_second.py``), whose authors reconstructed most
entries from the original FORTRAN listings (the "K..R" numbers), move for move,
including its quirks, because that library is the reference the tests check against
(``tests/strategies/test_axelrod_second.py``). Ranks and authors are given where
axelrod's docstring gives them.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and its ``turn`` (``len(self.history) + 1``) is
``t + 1``. Several entries are stochastic but make no random draw in most
situations; each docstring says when it draws. The stochastic entries draw exactly
when axelrod draws, so that given the same uniform numbers they play the same
moves; the tests check this by replaying axelrod's own draws.
"""

import math

from numba import njit

from cooptourney.strategy_api import (
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    C,
    D,
    payoff,
    rand,
    random_choice,
    strategy,
)

# --------------------------------------------------------------------------------------
# Champion


@strategy(
    "Second by Champion",
    reciprocity="diffuse",
    stochastic=True,
    oracle="statistics",
)
def champion(my, opp, t, state, params, info, rng):
    """C for 10 moves, tit for tat to move 25, then C unless the partner just defected and defects often. (Danny Champion; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: after move 25 it overlooks any defection from a partner that has defected less than 40% of the time.

    From move 26 on (t >= 25), after a partner C it cooperates; after a partner D
    it draws r uniform in [0, 1) and defects iff the partner's defection rate so
    far is >= max(0.4, r), else cooperates. So a partner defecting less than 40%
    of the time is always forgiven, one always defecting always punished. One
    random draw per turn after a partner D, from move 26 on.
    """
    if t < 10:
        return C
    if t < 25:
        return opp[t - 1]
    if opp[t - 1] == D:
        defection_rate = (t - info[INFO_OPP_COOPS]) / t
        if defection_rate >= max(0.4, rand(rng)):
            return D
    return C


# --------------------------------------------------------------------------------------
# Eatherley


@strategy(
    "Second by Eatherley",
    reciprocity="diffuse",
    stochastic=True,
    oracle="statistics",
)
def eatherley(my, opp, t, state, params, info, rng):
    """Cooperates after a partner C; after a D defects with probability the partner's defection rate so far. (Graham Eatherley; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: measured: lets 32 payoff units stand, answers after 4 turns, returns 0.23 of the harm, echo 0 turns (docs/reference/reciprocity.md).

    Cooperates first. The rate counts every partner move played so far,
    including the defection just seen, so it is never 0 when it applies. One
    random draw per turn after a partner D, none when the partner has only ever
    defected (then the probability of C is exactly 0).
    """
    if t == 0 or opp[t - 1] == C:
        return C
    defection_rate = (t - info[INFO_OPP_COOPS]) / t
    return random_choice(rng, 1.0 - defection_rate)


# --------------------------------------------------------------------------------------
# Gladstein
# state: 0 partner still taken for a patsy (1) or not (0)


@strategy(
    "Second by Gladstein",
    reciprocity="other",
    state=(1.0,),
    oracle="moves",
)
def gladstein(my, opp, t, state, params, info, rng):
    """Defects first and exploits a patsy, keeping its own C rate near 1/2; after a partner D, apologises and plays tit for tat. (David Gladstein, "Tester"; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    other: a probe that exploits partners who never retaliate; reciprocity is only its fallback.

    Defects on move 1. While the partner has never defected (as seen on the
    previous move each turn), it defects if more than half of its own moves so
    far were C, else cooperates; this alternates D, C, C, D, C, D, ... against a
    cooperator. The first partner defection is answered with C (the apology) and
    from then on it plays tit for tat for the rest of the match.
    """
    if t == 0:
        return D
    if state[0] > 0.5:
        if opp[t - 1] == D:
            state[0] = 0.0
            return C
        if info[INFO_MY_COOPS] / t > 0.5:
            return D
        return C
    return opp[t - 1]


# --------------------------------------------------------------------------------------
# Grofman (second tournament)


@strategy(
    "Second by Grofman",
    reciprocity="diffuse",
    memory_depth=8,
    oracle="moves",
)
def grofman_second(my, opp, t, state, params, info, rng):
    """C, C, tit for tat on moves 3-7, then C or D by the partner's defections in a 7-move window. (Bernard Grofman, K86R; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: measured: lets 50 payoff units stand, answers after 4 turns, returns 1.29 of the harm, no echo (docs/reference/reciprocity.md).

    From move 8 on (t >= 7), with d the partner's defections among its moves
    t-8 .. t-2 (axelrod's ``opponent.history[-8:-1]``: the seven moves before
    the last one, six on move 8): after its own C it cooperates iff d <= 2, after
    its own D iff d <= 1. The partner's most recent move is ignored, as in the
    FORTRAN code that axelrod follows (its prose speaks of the last 8 rounds).
    """
    if t < 2:
        return C
    if t <= 6:
        return opp[t - 1]
    d = 0
    for k in range(max(0, t - 8), t - 1):
        d += opp[k]
    if my[t - 1] == C:
        return C if d <= 2 else D
    return C if d <= 1 else D


# --------------------------------------------------------------------------------------
# Borufsen (3rd)
# state: 0 partner C after my C (since the last mode check), 1 partner C after my D,
#        2 mutual-defection streak, 3 echo streak, 4 flip the next D to C,
#        5 mode (0 normal, 1 defect)


@strategy(
    "Second by Borufsen",
    reciprocity="specific",
    state=(0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    oracle="moves",
)
def borufsen(my, opp, t, state, params, info, rng):
    """Tit for tat that breaks mutual-defection and echo runs, and defects against random or defective partners. (Otto Borufsen, K42R, 3rd; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: tit for tat at heart; it repairs feuds but writes off partners that do not respond.

    Cooperates first. It counts the partner's cooperations as replies to its own
    move before: cc after its C, cd after its D. On moves 27, 52, 77, ...
    (t + 1 = 2 mod 25, t > 1) it re-evaluates its mode from the counts since the
    last evaluation, then clears them: defect mode if cc + cd < 3 (defective) or
    8 <= cc + cd <= 17 and cc / (cc + cd) < 0.7 (random), else normal mode;
    entering defect mode clears the streaks and the flip flag. Coming back from
    defect mode to normal it defects on that move. In defect mode it defects.

    In normal mode: a mutual defection on the previous move extends the
    mutual-defection streak (else resets it); at 3 it resets both streaks and
    cooperates. Otherwise, if the last moves differ and each player's last move
    repeats the other's move before (an echo: C/D then D/C; on move 2 the move
    before counts as C for both) the echo streak grows (else resets); at 3 both
    streaks reset and the next D it would play becomes C. It then plays tit for
    tat, turning a D into C once if the flip flag is set.

    As in axelrod, the prose's "7-18 cooperations" is implemented as 8-17, and
    the counts keep running in defect mode.
    """
    if t == 0:
        return C
    turn = t + 1
    if turn >= 3 and opp[t - 1] == C:
        if my[t - 2] == C:
            state[0] += 1.0
        else:
            state[1] += 1.0
    if turn > 2 and turn % 25 == 2:
        coming_from_defect = state[5] > 0.5
        coops = state[0] + state[1]
        defect_mode = coops < 3.0 or (8.0 <= coops <= 17.0 and state[0] / coops < 0.7)
        state[0] = 0.0
        state[1] = 0.0
        if defect_mode:
            state[5] = 1.0
            state[2] = 0.0
            state[3] = 0.0
            state[4] = 0.0
        else:
            state[5] = 0.0
            if coming_from_defect:
                return D
    if state[5] > 0.5:
        return D

    if my[t - 1] == D and opp[t - 1] == D:
        state[2] += 1.0
    else:
        state[2] = 0.0
    if state[2] >= 3.0:
        state[2] = 0.0
        state[3] = 0.0
        return C

    my_before = C
    opp_before = C
    if turn >= 3:
        my_before = my[t - 2]
        opp_before = opp[t - 2]
    if my[t - 1] != opp[t - 1] and my[t - 1] == opp_before and opp[t - 1] == my_before:
        state[3] += 1.0
    else:
        state[3] = 0.0
    if state[3] >= 3.0:
        state[2] = 0.0
        state[3] = 0.0
        state[4] = 1.0

    if opp[t - 1] == C:
        return C
    if state[4] > 0.5:
        state[4] = 0.0
        return C
    return D


# --------------------------------------------------------------------------------------
# Cave (4th)


@strategy(
    "Second by Cave",
    reciprocity="diffuse",
    stochastic=True,
    oracle="statistics",
)
def cave(my, opp, t, state, params, info, rng):
    """C for C; a D answered by a coin flip until the partner has 18 defections, then D; D against very defective partners. (Rob Cave, K49R, 4th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: measured: lets 15 payoff units stand, answers after 1 turn, returns 0.46 of the harm, echo 1 turns (docs/reference/reciprocity.md).

    Cooperates first. With turn = t + 1 and f = (partner defections so far) /
    turn (note: divided by the turn number, not by the t moves seen), it defects
    if turn > 39 and f > 0.39, or turn > 29 and f > 0.65, or turn > 19 and
    f > 0.79. Otherwise it cooperates after a partner C; after a partner D it
    defects if the partner has more than 17 defections, else cooperates with
    probability 1/2. One random draw per turn answering a D while the partner
    has at most 17 defections and is not caught by the thresholds.
    """
    if t == 0:
        return C
    turn = t + 1
    defections = t - info[INFO_OPP_COOPS]
    rate = defections / turn
    if (turn > 39 and rate > 0.39) or (turn > 29 and rate > 0.65) or (turn > 19 and rate > 0.79):
        return D
    if opp[t - 1] == D:
        if defections > 17:
            return D
        return random_choice(rng, 0.5)
    return C


# --------------------------------------------------------------------------------------
# Graaskamp and Katzen (6th)
# state: 0 defect mode (for good)


@strategy(
    "Second by GraaskampKatzen",
    reciprocity="specific",
    uses_game=True,
    state=(0.0,),
    oracle="moves",
)
def graaskamp_katzen(my, opp, t, state, params, info, rng):
    """Tit for tat that defects for good if its own score falls short at moves 11, 21, 31, 41, 51 or 101. (Jim Graaskamp and Ken Katzen, K60R, 6th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: strict tit for tat, with a grudge against partners that leave its account short.

    Cooperates first, then plays tit for tat. On move 11 (t = 10) it switches
    to defecting for the rest of the match if its score so far is < 23; likewise
    on move 21 if < 53, 31 if < 83, 41 if < 113, 51 if < 143, 101 if < 293. The
    score is the sum of its own payoffs over the moves played, in the payoffs it
    perceives; the thresholds are fixed numbers, fitted to the standard game
    (R, S, T, P) = (3, 0, 5, 1), and are not rescaled for another game.
    """
    if state[0] > 0.5:
        return D
    if t == 0:
        return C
    score = info[INFO_MY_SCORE]
    turn = t + 1
    if (
        (turn == 11 and score < 23.0)
        or (turn == 21 and score < 53.0)
        or (turn == 31 and score < 83.0)
        or (turn == 41 and score < 113.0)
        or (turn == 51 and score < 143.0)
        or (turn == 101 and score < 293.0)
    ):
        state[0] = 1.0
        return D
    return opp[t - 1]


# --------------------------------------------------------------------------------------
# Getzler (11th)
# state: 0 flack


@strategy(
    "Second by Getzler",
    reciprocity="specific",
    stochastic=True,
    state=(0.0,),
    oracle="statistics",
)
def getzler(my, opp, t, state, params, info, rng):
    """Defects with probability "flack", the partner's defections discounted by half each move. (Abraham Getzler, K35R, 11th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: pays back recent defections in proportion, the debt halving every move.

    Cooperates first. Each later move: flack <- (flack + [partner's last move
    was D]) / 2, so flack = sum over the partner's defections of 0.5^(moves
    since), and it cooperates with probability 1 - flack. No random draw while
    flack is 0 (a partner that has never defected) or exactly 1 (which happens
    after 54 consecutive partner defections, in floating point).
    """
    if t == 0:
        return C
    if opp[t - 1] == D:
        state[0] += 1.0
    state[0] *= 0.5
    return random_choice(rng, 1.0 - state[0])


# --------------------------------------------------------------------------------------
# Black (15th)


@strategy(
    "Second by Black",
    reciprocity="diffuse",
    memory_depth=5,
    stochastic=True,
    oracle="statistics",
)
def black(my, opp, t, state, params, info, rng):
    """C for 5 moves, then C with probability 1 - (d^2 - 1) / 25, d the partner's D in its last 5 moves. (Paul E Black, K83R, 15th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: measured: lets 50 payoff units stand, answers after 4 turns, returns 0.57 of the harm, no echo (docs/reference/reciprocity.md).

    The cooperation probabilities for d = 0..5 are 1, 1, 0.88, 0.68, 0.4, 0.04
    (axelrod's table; d = 0 is capped at 1). One random draw per turn when the
    partner has at least two defections in its last five moves.
    """
    if t < 5:
        return C
    d = 0
    for k in range(t - 5, t):
        d += opp[k]
    if d <= 1:
        return C
    return random_choice(rng, 1.0 - (d * d - 1) / 25.0)


# --------------------------------------------------------------------------------------
# Colbert (18th)
# state: 0 state of axelrod's finite-state machine


@strategy(
    "Second by Colbert",
    reciprocity="specific",
    memory_depth=4,
    state=(0.0,),
    oracle="moves",
)
def colbert(my, opp, t, state, params, info, rng):
    """C on moves 1-8 but D on move 6; then C for C and D, D, C, C for a D, ignoring the partner meanwhile. (William Colbert, K51R, 18th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: every defection is paid back twice and followed by two cooperations, in a fixed sequence.

    axelrod writes it as an 11-state machine: states 0-6 count the opening
    moves, state 7 reads the partner's last move (C: stay, play C; D: play D and
    enter the chain), states 8, 9, 10 play D, C, C whatever the partner did and
    return to 7.
    """
    if t == 0:
        return C
    s = state[0]
    if s < 7.0:
        state[0] = s + 1.0
        return D if s == 4.0 else C
    if s == 7.0:
        if opp[t - 1] == C:
            return C
        state[0] = 8.0
        return D
    if s == 8.0:
        state[0] = 9.0
        return D
    if s == 9.0:
        state[0] = 10.0
        return C
    state[0] = 7.0
    return C


# --------------------------------------------------------------------------------------
# Appold (22nd)
# state: 0 partner C after my C, 1 partner C after my D, 2 my C counted, 3 my D counted,
#        4 first partner defection (after move 4) already forgiven


@strategy(
    "Second by Appold",
    reciprocity="diffuse",
    stochastic=True,
    state=(0.0, 1.0, 0.0, 1.0, 0.0),
    oracle="statistics",
)
def appold(my, opp, t, state, params, info, rng):
    """C for 4 moves, then C with the partner's observed probability of replying C to its move of two turns ago. (Scott Appold, K88R, 22nd; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: measured: lets 23 payoff units stand, answers after 3 turns, returns 1.48 of the harm, no echo (docs/reference/reciprocity.md).

    Each move t >= 1 counts the partner's last move as a reply to this player's
    move two turns ago (the partner's first move counts as a reply to a C); the
    counts after a D start at 1 of 1. Cooperates on moves 1-4. From move 5 on
    it forgives the first partner defection it meets (plays C, once per match);
    otherwise it cooperates with probability (partner C after x) / (x counted),
    x its own move two turns ago, counts including the reply just seen. One
    random draw per turn unless that ratio is 0 or 1.
    """
    x = C if t <= 1 else my[t - 2]
    if t >= 1:
        state[2 + x] += 1.0
        if opp[t - 1] == C:
            state[x] += 1.0
    if t <= 3:
        return C
    if opp[t - 1] == D and state[4] < 0.5:
        state[4] = 1.0
        return C
    return random_choice(rng, state[x] / state[2 + x])


# --------------------------------------------------------------------------------------
# Harrington (8th)
_H_MODE = 0  # 0 normal, 1 fair-weather, 2 defect


_H_RECORDED_D = 1  # partner defections from its move 2 on


_H_EXIT_METER = 2  # in defect mode: +1 per partner D, -3 per partner C; leaves at 11


_H_WAS_DEFECTIVE = 3  # has been in defect mode (the random test is then off for good)


_H_PROB = 4  # probability of a generous defection after move 37


_H_MORE_COOP = 5  # cooperations scheduled (may go negative, as in axelrod)


_H_GENEROUS_AGO = 6  # moves since the last generous defection (counts on C only)


_H_BURNED = 7  # the partner answered a generous defection with D


_H_D_STREAK = 8  # partner's consecutive defections


_H_PARITY = 9  # two parity streaks, slots 9 and 10


_H_PARITY_BIT = 11


_H_PARITY_LIMIT = 12


_H_PARITY_HITS = 13


_H_TABLE = 14  # 4 x 2 counts, slots 14..21: row = 2 [my move t-2] + [its move t-2], column = its move t-1


@njit(cache=True, inline="always")
def _harrington_cooperate(state):
    """A C that uses up a scheduled cooperation and ages the generous counter (axelrod's try_return)."""
    state[_H_MORE_COOP] -= 1.0
    state[_H_GENEROUS_AGO] += 1.0
    return C


@njit(cache=True)
def _harrington_looks_random(state, n):
    """Harrington's randomness test over his 4 x 2 table of n entries (axelrod's detect_random)."""
    if state[_H_TABLE] / n >= 0.8:
        return False
    defection_rate = state[_H_RECORDED_D] / n
    if defection_rate < 0.25 or defection_rate > 0.75:
        return False
    chi2 = 0.0
    for i in range(4):
        row = state[_H_TABLE + 2 * i] + state[_H_TABLE + 2 * i + 1]
        for j in range(2):
            col = state[_H_TABLE + j] + state[_H_TABLE + 2 + j] + state[_H_TABLE + 4 + j] + state[_H_TABLE + 6 + j]
            expected = row * col / n
            if expected > 1.0:
                chi2 += (expected - state[_H_TABLE + 2 * i + j]) ** 2 / expected
    return chi2 <= 3.0


@strategy(
    "Second by Harrington",
    reciprocity="other",
    stochastic=True,
    state=(0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0, 0.0) + (0.0,) * 8,
    oracle="statistics",
)
def harrington(my, opp, t, state, params, info, rng):
    """Tit for tat with a probe on move 37, random generous defections, streak breakers and a randomness test. (Paul Harrington, K75R, 8th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    other: tit for tat carries scheduled and random exploiting probes, withdrawn only once the partner punishes one.

    Cooperates first. Modes (axelrod's names): normal, fair-weather, defect.

    Defect mode: the exit meter gains 1 per partner D and loses 3 per partner C;
    at >= 11 it cooperates, schedules two more cooperations and returns to
    normal mode for good (the randomness test and its table stop). Else D.

    Otherwise, each move t >= 2 (unless it has been in defect mode) adds the
    partner's last move to a 4 x 2 table indexed by (both moves two turns ago,
    partner's last move) and counts partner defections. On moves 30, 45, 60, ...
    ((t + 1) % 15 == 0, t + 1 > 15), with n = t - 1 entries, the partner is
    judged random, and it enters defect mode with a D, unless the all-C cell
    holds >= 80% of n, or the partner's defection rate is < 25% or > 75%, or a
    chi-squared statistic over the table exceeds 3 (expected = row total x
    column total / n, summing only cells with expected > 1).

    If it made a generous defection two moves ago (the counter counts only its
    own C moves) and the partner just defected, it is "burned". On move 38, if
    the partner cooperated exactly 36 times and defected on move 37, it enters
    fair-weather mode and cooperates; in that mode it cooperates until the
    partner defects, then plays normal mode from that move on.

    Normal mode, in order: after 20 partner defections in a row, D. Then the
    parity check: flip the parity bit, add 1 to that parity streak on a partner
    D (else reset it); at >= the parity limit (5, lowered to 3 after 8 hits)
    reset it and C. Then scheduled cooperations: C. Then tit for tat before move
    37; on move 37 a generous D that schedules two cooperations; after it, if
    burned, tit for tat; else draw r uniform in [0, 1): tit for tat if
    r > prob, else a generous D that schedules two cooperations and raises prob
    (0.25 at first) by 0.05. Every C it plays by these rules (also the
    fair-weather C) uses up one scheduled cooperation and ages the generous
    counter; every D of the streak rule and of tit for tat adds 1 to the current
    parity streak. These bookkeeping details are axelrod's reading of the
    FORTRAN code and are kept exactly.

    One random draw per normal-mode move after move 37 that is not decided by a
    streak, a scheduled cooperation or the burned flag; so against a partner
    that punishes the probe on move 37 (tit for tat) or that always defects, it
    is deterministic.
    """
    if t == 0:
        return C
    turn = t + 1
    last = opp[t - 1]

    if state[_H_MODE] == 2.0:
        if last == D:
            state[_H_EXIT_METER] += 1.0
        else:
            state[_H_EXIT_METER] -= 3.0
        if state[_H_EXIT_METER] >= 11.0:
            state[_H_MODE] = 0.0
            state[_H_WAS_DEFECTIVE] = 1.0
            state[_H_MORE_COOP] = 2.0
            return C
        return D

    if state[_H_WAS_DEFECTIVE] == 0.0:
        if turn > 2:
            state[_H_RECORDED_D] += last
            row = 2 * my[t - 2] + opp[t - 2]
            state[_H_TABLE + 2 * row + last] += 1.0
        if turn % 15 == 0 and turn > 15 and _harrington_looks_random(state, turn - 2.0):
            state[_H_MODE] = 2.0
            return D

    if state[_H_GENEROUS_AGO] == 2.0 and last == D:
        state[_H_BURNED] = 1.0

    if turn == 38 and last == D and info[INFO_OPP_COOPS] == 36.0:
        state[_H_MODE] = 1.0
        return C

    if state[_H_MODE] == 1.0:
        if last == D:
            state[_H_MODE] = 0.0  # and play normal mode on this very move
        else:
            return _harrington_cooperate(state)

    # normal mode
    if last == D:
        state[_H_D_STREAK] += 1.0
    else:
        state[_H_D_STREAK] = 0.0
    if state[_H_D_STREAK] >= 20.0:
        state[_H_PARITY + int(state[_H_PARITY_BIT])] += 1.0
        return D

    bit = 1 - int(state[_H_PARITY_BIT])
    state[_H_PARITY_BIT] = bit
    if last == D:
        state[_H_PARITY + bit] += 1.0
    else:
        state[_H_PARITY + bit] = 0.0
    if state[_H_PARITY + bit] >= state[_H_PARITY_LIMIT]:
        state[_H_PARITY + bit] = 0.0
        state[_H_PARITY_HITS] += 1.0
        if state[_H_PARITY_HITS] >= 8.0:
            state[_H_PARITY_LIMIT] = 3.0
        return _harrington_cooperate(state)

    if state[_H_MORE_COOP] >= 1.0:
        return _harrington_cooperate(state)

    if turn == 37 or (turn > 37 and state[_H_BURNED] == 0.0 and rand(rng) <= state[_H_PROB]):
        if turn > 37:
            state[_H_PROB] += 0.05
        state[_H_MORE_COOP] = 2.0
        state[_H_GENEROUS_AGO] = 1.0
        return D

    # tit for tat
    if last == C:
        return _harrington_cooperate(state)
    state[_H_PARITY + bit] += 1.0
    return D


# --------------------------------------------------------------------------------------
# Kluepfel (K32R)
# state: 0 cd, 1 dd, 2 dc, 3 cc -- partner's reply (second letter) to my move of the
#        turn before (first letter), e.g. cd = I defected, the partner then cooperated


@strategy(
    "Second by Kluepfel",
    oracle="statistics",
    reciprocity="specific",
    stochastic=True,
    state=(0.0, 0.0, 0.0, 0.0),
)
def kluepfel(my, opp, t, state, params, info, rng):
    """Answers in kind, with certainty after three equal partner moves, less after fewer; D against random partners. (Charles Kluepfel, K32R; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: mirrors the partner's recent moves, and stops cooperating with a partner whose replies ignore its own.

    It counts the partner's replies to its own moves one turn later: cd (it
    played D, the partner C on the next turn), dd, dc (it played C, the partner
    D next), cc. From move 28 on (t > 26) it judges the partner random, and
    defects, when cd >= (cd + dd)/2 - 0.75 sqrt(cd + dd) and
    dc >= (dc + cc)/2 - 0.75 sqrt(dc + cc). Otherwise, with the partner's last
    three moves (C where there are none yet): all three equal -> that move; the
    last two equal -> that move with probability 0.9; else the last move with
    probability 0.7 if it was C, 0.6 if D, and the other move otherwise. One
    random draw per turn in the last two cases, none otherwise.

    As in axelrod, the "cd" names count a *defection* of this player followed by
    a partner C (the letters are its move, then the partner's), and the random
    test is an ad hoc 0.75-sigma band, not a significance test.
    """
    if t >= 2:
        if my[t - 2] == D:
            state[0 if opp[t - 1] == C else 1] += 1.0
        else:
            state[3 if opp[t - 1] == C else 2] += 1.0
    if t > 26:
        cd, dd, dc, cc = state[0], state[1], state[2], state[3]
        if cd >= (cd + dd) / 2.0 - 0.75 * math.sqrt(cd + dd) and dc >= (dc + cc) / 2.0 - 0.75 * math.sqrt(dc + cc):
            return D
    one = opp[t - 1] if t >= 1 else C
    two = opp[t - 2] if t >= 2 else C
    three = opp[t - 3] if t >= 3 else C
    if one == two and two == three:
        return one
    r = rand(rng)
    if one == two:
        keep = 0.9
    elif one == C:
        keep = 0.7
    else:
        keep = 0.6
    return one if r < keep else 1 - one


# --------------------------------------------------------------------------------------
# Leyvraz (K68R, 12th)


@strategy(
    "Second by Leyvraz",
    oracle="statistics",
    reciprocity="diffuse",
    memory_depth=3,
    stochastic=True,
)
def leyvraz(my, opp, t, state, params, info, rng):
    """Delayed, partly random tit for tat on the partner's last three moves. (Francois Leyvraz, K68R, 12th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: measured: lets 4 payoff units stand, answers after 1 turn, returns 0.83 of the harm, echo 1 turns (docs/reference/reciprocity.md).

    With the partner's last three moves (C where there are none yet), the first
    rule that applies: partner D on the last two turns -> D with probability
    0.75; partner D three turns ago -> C; partner D two turns ago -> D; partner D
    last turn -> D with probability 0.5; otherwise C. One random draw in the two
    probabilistic cases, none otherwise.
    """
    one = opp[t - 1] if t >= 1 else C
    two = opp[t - 2] if t >= 2 else C
    three = opp[t - 3] if t >= 3 else C
    if one == D and two == D:
        return random_choice(rng, 0.25)
    if three == D:
        return C
    if two == D:
        return D
    if one == D:
        return random_choice(rng, 0.5)
    return C


# --------------------------------------------------------------------------------------
# Mikkelson (K66R, 20th)
# state: 0 credit


@strategy(
    "Second by Mikkelson",
    oracle="moves",
    reciprocity="diffuse",
    state=(7.0,),
)
def mikkelson(my, opp, t, state, params, info, rng):
    """Cooperates on credit: +1 per partner C, -2 per D, capped to [-7, 8]. (Ray Mikkelson, K66R, 20th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: a credit line that absorbs defections, and forgives even an exhausted one while the partner mostly cooperates.

    The credit starts at 7 and changes after every turn from the second on by +1
    after a partner C and -2 after a partner D, staying within [-7, 8].
    Cooperates on the first two moves and whenever the credit is positive. With
    credit <= 0 it defects and resets the credit to 4 up to move 10; from move 11
    on it defects iff the partner's defections so far are at least 15% of the
    move number (t + 1, one more than the moves played).
    """
    if t == 0:
        return C
    if opp[t - 1] == C:
        state[0] = min(state[0] + 1.0, 8.0)
    else:
        state[0] = max(state[0] - 2.0, -7.0)
    if t == 1 or state[0] > 0.0:
        return C
    if t + 1 <= 10:
        state[0] = 4.0
        return D
    if (t - info[INFO_OPP_COOPS]) / (t + 1) >= 0.15:
        return D
    return C


# --------------------------------------------------------------------------------------
# Richard Hufford (K47R, 16th)
# state: 0 agreements, 1-4 last four agreement flags (ring), 5 ring index,
#        6 streak needed, 7 current C streak, 8 move number of the last aberration
#        (0 = none pending), 9 partner C after an aberration, 10 partner D after one


@strategy(
    "Second by RichardHufford",
    oracle="moves",
    reciprocity="other",
    state=(2.0, 1.0, 1.0, 1.0, 1.0, 0.0, 21.0, 2.0, 0.0, 2.0, 2.0),
)
def richard_hufford(my, opp, t, state, params, info, rng):
    """Cooperates while the partner echoes it, tit for tat in doubt, D otherwise; exploits long C streaks. (Richard Hufford, K47R, 16th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    other: an echo detector that deliberately exploits a partner's long cooperative streaks.

    An *agreement* is a partner move equal to this player's move one turn before
    it (the partner's first move agrees iff it is C). With n = move number t + 1,
    p = (agreements + 2) / n and k = agreements among the last four partner moves
    (missing moves count as agreements): p > 0.9 and k >= 4 -> C; else p >= 0.625
    and k >= 2 -> tit for tat; else D.

    Aberrations: it counts the partner's C streak (starting at 2); when the streak
    reaches `streak_needed` (first 21) it defects instead (an aberration) and
    stops counting. The next move follows the rule above; the one after cooperates,
    records whether the partner answered the aberration with C or D (counts
    starting at 2 each), sets streak_needed = floor(20 D / C) + 1 and restarts the
    streak at 0.
    """
    if t == 0:
        return C
    n = t + 1
    idx = (int(state[5]) + 1) % 4
    state[5] = idx
    me_two_ago = my[t - 2] if t >= 2 else C
    if me_two_ago == opp[t - 1]:
        state[0] += 1.0
        state[1 + idx] = 1.0
    else:
        state[1 + idx] = 0.0
    if state[8] == 0.0:
        state[7] = state[7] + 1.0 if opp[t - 1] == C else 0.0
        if state[7] >= state[6]:
            state[8] = n
            if state[7] == state[6]:
                return D
    elif n == state[8] + 2.0:
        state[8] = 0.0
        if opp[t - 1] == C:
            state[9] += 1.0
        else:
            state[10] += 1.0
        state[6] = math.floor(20.0 * state[10] / state[9]) + 1.0
        state[7] = 0.0
        return C
    proportion_agree = state[0] / n
    last_four = state[1] + state[2] + state[3] + state[4]
    if proportion_agree > 0.9 and last_four >= 4.0:
        return C
    if proportion_agree >= 0.625 and last_four >= 2.0:
        return opp[t - 1]
    return D


# --------------------------------------------------------------------------------------
# Rowsam (K58R, 21st)
# state: 0 mode (0 normal, 1 and 2 the C-then-D tail of a warning, 3 defect for good),
#        1 distrust points

_ROWSAM_NORMAL = 0.0


_ROWSAM_CYCLE_C = 1.0


_ROWSAM_CYCLE_D = 2.0


_ROWSAM_DEFECT = 3.0


@strategy(
    "Second by Rowsam",
    oracle="moves",
    reciprocity="diffuse",
    uses_game=True,
    state=(0.0, 0.0),
)
def rowsam(my, opp, t, state, params, info, rng):
    """Cooperates while its own average score is good; a low one costs distrust, warnings (D, C, D), and at 7 points D forever. (Glen Rowsam, K58R, 21st; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: judges the relationship by its overall yield every six moves, not move by move, and lets distrust wear off.

    In normal mode it cooperates, except on every move number n = t + 1 that is
    a multiple of 6, where it computes s = (its score so far) / n (one more move
    than were scored) and adds 5, 3, 2 or 1 distrust point(s) for s < 1, 1.5, 2,
    2.5 respectively. If it added any, it defects, and then plays C, D on the
    next two moves, or defects for the rest of the match once the points reach
    7. Before that check, on move numbers that are multiples of 18 and in normal
    mode, a distrust of 3 or more drops by one. The score is in this player's
    payoffs (the match's game, as axelrod's ``match_attributes["game"]``).

    As in axelrod, distrust wears off from 3 points on, not "more than 3" as its
    docstring says.
    """
    mode = state[0]
    if mode == _ROWSAM_DEFECT:
        return D
    if mode == _ROWSAM_CYCLE_C:
        state[0] = _ROWSAM_CYCLE_D
        return C
    if mode == _ROWSAM_CYCLE_D:
        state[0] = _ROWSAM_NORMAL
        return D
    n = t + 1
    if n % 18 == 0 and state[1] >= 3.0:
        state[1] -= 1.0
    if n % 6 != 0:
        return C
    per_turn = info[INFO_MY_SCORE] / n
    if per_turn < 1.0:
        state[1] += 5.0
    elif per_turn < 1.5:
        state[1] += 3.0
    elif per_turn < 2.0:
        state[1] += 2.0
    elif per_turn < 2.5:
        state[1] += 1.0
    else:
        return C
    state[0] = _ROWSAM_DEFECT if state[1] >= 7.0 else _ROWSAM_CYCLE_C
    return D


# --------------------------------------------------------------------------------------
# Tester (46th)
# state: 0 playing tit for tat


@strategy(
    "Second by Tester",
    oracle="moves",
    reciprocity="other",
    state=(0.0,),
)
def tester(my, opp, t, state, params, info, rng):
    """Opens D; after any partner D apologises with C and plays tit for tat, else alternates from move 4. (David Gladstein, 46th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    other: a probe that exploits an unretaliating partner every other move, and reciprocates only once caught.

    Defects on the first move. The first time the partner's last move is D it
    cooperates and plays tit for tat from then on. Until then it cooperates on
    moves 2 and 3 and then plays the opposite of its own last move (D, C, D, ...
    from move 4). Axelrod (1980b) describes TESTER the same way.

    As in axelrod, the alternation flips its own last move as played, so a noise
    flip shifts the phase.
    """
    if t == 0:
        return D
    if state[0] > 0.5:
        return opp[t - 1]
    if opp[t - 1] == D:
        state[0] = 1.0
        return C
    if t <= 2:
        return C
    return 1 - my[t - 1]


# --------------------------------------------------------------------------------------
# Tideman and Chieruzzi (K84R, 9th)
# state: 0 my score, 1 partner's score (both since the last fresh start), 2 move number
#        of the last fresh start, 3 second fresh-start C due, 4 score to beat,
#        5 its increment


@strategy(
    "Second by Tideman and Chieruzzi",
    oracle="moves",
    reciprocity="specific",
    uses_game=True,
    state=(0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
)
def second_tideman_and_chieruzzi(my, opp, t, state, params, info, rng):
    """Cooperates while ahead by a margin that grows with each partner C-then-D; fresh starts. (T. Nicolaus Tideman and Paula Chieruzzi, K84R, 9th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: keeps a running account of the exchange and raises the price of every new default.

    Cooperates first. It keeps both players' scores (in its payoffs) since the
    last fresh start. Each time the partner's last two moves are C then D (the
    move before the first counts as C) the margin to beat grows by an increment
    that itself grows by 5 (0, 5, 10, ...: margins 0, 0, 5, 15, 30, ...). It
    cooperates iff (my score - partner's score) >= margin. Otherwise it gives a
    *fresh start* (C now, C next move, then scores, margin and increment reset to
    0 and the move number noted) when the partner's last two moves were not C, D,
    at least 10 moves have passed since the last fresh start (or the match
    start), and the partner's defections in the whole match are at least 3
    standard deviations from half its moves (N/2 +- 3 sqrt(N)/2, N = t);
    else it defects.

    As in axelrod, the resets happen on the second C of the fresh start, after
    the previous move has been scored, and the defection count of the 3-sigma
    test is never reset, so a mostly cooperative partner passes it easily.
    """
    n = t + 1
    if t == 0:
        return C
    state[0] += payoff(info, my[t - 1], opp[t - 1])
    state[1] += payoff(info, opp[t - 1], my[t - 1])
    if state[3] > 0.5:
        state[0] = 0.0
        state[1] = 0.0
        state[4] = 0.0
        state[5] = 0.0
        state[2] = n
        state[3] = 0.0
        return C
    opp_two_ago = opp[t - 2] if t >= 2 else C
    c_then_d = opp_two_ago == C and opp[t - 1] == D
    if c_then_d:
        state[4] += state[5]
        state[5] += 5.0
    if state[0] - state[1] >= state[4]:
        return C
    if not c_then_d and n - state[2] >= 10.0:
        defections = t - info[INFO_OPP_COOPS]
        sd = math.sqrt(t) / 2.0
        if defections <= t / 2.0 - 3.0 * sd or defections >= t / 2.0 + 3.0 * sd:
            state[3] = 1.0
            return C
    return D


# --------------------------------------------------------------------------------------
# Tranquilizer (Craig Feathers, K67R, 27th)
# state: 0 moves since a "good" defection (0, 1, 2), 1 partner's consecutive Ds,
#        2 AD (mean payoff one move after a good defection), 3 NO (two moves after),
#        4 AK, 5 NK (their counts + 1), 6 my score, 7 partner's score (3, 0, 5, 1)


@strategy(
    "Second by Tranquilizer",
    oracle="statistics",
    reciprocity="other",
    stochastic=True,
    state=(0.0, 0.0, 5.0, 0.0, 1.0, 1.0, 0.0, 0.0),
)
def tranquilizer(my, opp, t, state, params, info, rng):
    """Cooperates, slipping in single defections while it averages >= 2.25 per move; tit for tat when doing badly. (Craig Feathers, K67R, 27th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    other: exploits a cooperative partner with isolated defections, paced by how well they pay.

    Cooperates first. Each move it updates the partner's run of consecutive
    defections S and, on the two moves after a *good* defection (one made in the
    high-score branch below), the running means AD and NO of its payoff one and two
    moves after it (AD starts at 5, NO at 0, each with a count starting at 1);
    it cooperates on those two moves. Otherwise, with n = t + 1 and s its score:
    if s / n >= 2.25 it cooperates with probability
    0.95 - (AD + NO - 5)/15 + 1/n^2 - (1 if the partner just defected)/4, else makes a
    good defection; elif s / n >= 1.75 it cooperates with probability
    0.25 + (partner's C + 1)/n - S/4 + (s - partner's score)/100 + 4/n; else
    tit for tat. One random draw per move in the two probabilistic branches, even
    when the probability is outside [0, 1] (C iff draw <= probability).

    Axelrod (1980b): "as long as Tranquilizer is maintaining an average payoff of
    at least 2.25 points per move, it will never defect twice in succession and it
    will not defect more than one-quarter of the time". The reconstruction keeps
    the first promise; the quarter is not enforced, only made likely by the
    probability. As in axelrod (and the FORTRAN), scores and payoffs are in
    Axelrod's payoffs 3, 0, 5, 1 whatever the game, and s / n divides by one more
    move than were scored.
    """
    if t == 0:
        return C
    m = my[t - 1]
    o = opp[t - 1]
    # the FORTRAN's payoff formula: 3, 0, 5, 1 for CC, CD, DC, DD
    state[6] += 3 - 3 * o + 2 * m - o * m
    state[7] += 3 - 3 * m + 2 * o - o * m
    state[1] = state[1] + 1.0 if o == D else 0.0
    if state[0] == 2.0:
        state[0] = 0.0
        state[3] = (state[3] * state[5] + (3 - 3 * o) + 2 * m - o * m) / (state[5] + 1.0)
        state[5] += 1.0
    elif state[0] == 1.0:
        state[0] = 2.0
        state[2] = (state[2] * state[4] + (3 - 3 * o) + 2 * m - o * m) / (state[4] + 1.0)
        state[4] += 1.0
    if state[0] != 0.0:
        return C
    n = t + 1.0
    if state[6] / n >= 2.25:
        p = (0.95 - ((state[2] + state[3] - 5.0) / 15.0)) + 1.0 / (n * n) - o / 4.0
        if rand(rng) <= p:
            return C
        state[0] = 1.0
        return D
    if state[6] / n >= 1.75:
        p = (0.25 + (info[INFO_OPP_COOPS] + 1.0) / n) - state[1] * 0.25 + (state[6] - state[7]) / 100.0 + 4.0 / n
        if rand(rng) <= p:
            return C
        return D
    return o


# --------------------------------------------------------------------------------------
# Weiner (K41R, 7th)
# state: 0 forgive flag, 1 grudge, 2 defect padding,
#        3 partner Ds among its moves t-13 .. t-2 (a window of twelve, lagged by one)


@strategy(
    "Second by Weiner",
    oracle="moves",
    reciprocity="specific",
    state=(0.0, 0.0, 0.0, 0.0),
)
def weiner(my, opp, t, state, params, info, rng):
    """Tit for tat that forgives the D ending an odd run, at most once per 20 moves; D if 5 of 12 recent partner moves were D. (Herb Weiner, K41R, 7th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: answers move for move, with a rationed pardon for a partner returning from a run of defections.

    Cooperates first, then plays tit for tat with two changes. Forgiveness: it
    counts the partner's consecutive Ds (the padding); when a partner C ends a
    run of odd length, the flag is raised for the next move. On a flagged move the
    flag drops, the padding restarts at 0, and if the partner's last move was D
    and grudge < t + 1 it cooperates and grudge grows by 20 (grudge starts at 0).
    Override: if at least 5 of the partner's moves t-13 .. t-2 (the twelve before
    its last) were D, it defects, whatever the above chose.

    As in axelrod (following the FORTRAN, which updates its window after the
    override test) the window leaves out the partner's last move, and a
    flagged move's partner D does not count towards the padding.
    """
    if t == 0:
        return C
    if t >= 2:
        state[3] += opp[t - 2]
    if t >= 14:
        state[3] -= opp[t - 14]
    move = opp[t - 1]
    if state[0] > 0.5:
        state[0] = 0.0
        state[2] = 0.0
        if state[1] < t + 1 and opp[t - 1] == D:
            state[1] += 20.0
            move = C
    elif opp[t - 1] == D:
        state[2] += 1.0
    else:
        if state[2] % 2.0 == 1.0:
            state[0] = 1.0
        state[2] = 0.0
    if state[3] >= 5.0:
        return D
    return move


# --------------------------------------------------------------------------------------
# White (K72R, 13th)


@strategy(
    "Second by White",
    oracle="moves",
    reciprocity="diffuse",
)
def white(my, opp, t, state, params, info, rng):
    """C for 10 moves and after a partner C; after a partner D, D iff floor(ln n) * (partner's Ds) >= n. (Edward C. White, K72R, 13th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: judges the partner's whole record, not its last move, and the tolerated share of defections shrinks only slowly.

    With n = t + 1 the move number: cooperates on moves 1-10 and whenever the
    partner's last move was C; otherwise defects iff floor(ln n) times the
    partner's defections so far is at least n, i.e. iff the partner defected on
    at least 1 / floor(ln n) of the moves so far, counted as n (one more than
    were played).
    """
    n = t + 1
    if n <= 10 or opp[t - 1] == C:
        return C
    if math.floor(math.log(n)) * (t - info[INFO_OPP_COOPS]) >= n:
        return D
    return C


# --------------------------------------------------------------------------------------
# WmAdams (K44R, 5th)


@strategy(
    "Second by WmAdams",
    oracle="statistics",
    reciprocity="diffuse",
    stochastic=True,
)
def wm_adams(my, opp, t, state, params, info, rng):
    """Cooperates, defecting on the partner's 4th, 7th and 9th defection and ever more often after the 9th. (William Adams, K44R, 5th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    diffuse: lets the first defections pass with token replies, moving to tit for tat only as they pile up.

    Cooperates on the first two moves. Then, with k the partner's defections
    so far not counting its first move: k = 4, 7 or 9 -> D; k > 9 and the partner
    just defected -> C with probability 0.5^(k - 9), else D; otherwise C. One
    random draw in the probabilistic case (none once 0.5^(k - 9) underflows to 0).

    As in axelrod's code; its docstring says the probability of *defecting* is
    0.5^(k - 1), but the code cooperates with probability 0.5^(k - 9).
    """
    if t <= 1:
        return C
    k = t - info[INFO_OPP_COOPS]
    if opp[0] == D:
        k -= 1.0
    if k == 4.0 or k == 7.0 or k == 9.0:
        return D
    if k > 9.0 and opp[t - 1] == D:
        return random_choice(rng, 0.5 ** (k - 9.0))
    return C


# --------------------------------------------------------------------------------------
# Yamachi (K64R, 17th)
# state: 0-7 counts of (partner move, my next intended move, partner's move on that turn),
#        index 4 x + 2 y + z; 8 my intended move last turn, 9 the turn before


@strategy(
    "Second by Yamachi",
    oracle="moves",
    reciprocity="other",
    state=(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
)
def yamachi(my, opp, t, state, params, info, rng):
    """Plays the partner's likelier reply in a lagged frequency table; from move 41, D against partners near 50% D. (Brian Yamachi, K64R, 17th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    other: a predictor of the partner's moves that defects against partners it judges random.

    It counts triples (x, y, z): a partner move x, then on the next turn its own
    intended move y and the partner's move z. On move n = t + 1 >= 3 it adds the
    triple (partner at t-3, its intended move at t-2, partner at t-2) (C where
    there is no move), then with x = partner's move at t-2 and y = its intended
    move at t-1 it intends C iff count(x, y, C) >= count(x, y, D). Move 1 is C.
    From move 41 on it defects instead when 0.45 < (partner's Ds + 0.5) / n < 0.55.

    As in axelrod (and the FORTRAN), the table records the *intended* moves, before
    that override and before noise, and is one move behind: the partner's last
    move is not yet in it.
    """
    n = t + 1
    if t == 0:
        move = C
    else:
        us_last = int(state[8])
        them_two_ago = C
        if t >= 2:
            them_two_ago = opp[t - 2]
            them_three_ago = opp[t - 3] if t >= 3 else C
            state[4 * them_three_ago + 2 * int(state[9]) + them_two_ago] += 1.0
        key = 4 * them_two_ago + 2 * us_last
        move = C if state[key] >= state[key + 1] else D
    state[9] = state[8]
    state[8] = move
    if n > 40:
        portion_defect = (t - info[INFO_OPP_COOPS] + 0.5) / n
        if 0.45 < portion_defect < 0.55:
            return D
    return move
