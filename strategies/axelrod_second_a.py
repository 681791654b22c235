"""Entries of Axelrod's second tournament (Axelrod 1980b), first half: Appold to Harrington.

Axelrod, R. (1980b). "More effective choice in the prisoner's dilemma". Journal
of Conflict Resolution 24(3), 379-403, ranks the 62 entries (plus RANDOM) of
the second tournament and describes a few of them. The rules here follow the Python library
``axelrod`` (version 4.13.1, ``axelrod/strategies/axelrod_second.py``), whose
authors reconstructed most entries from the original FORTRAN listings (the "K..R"
numbers), move for move, including its quirks, because that library is the
reference the test suite checks against (``tests/test_oracle_second_a.py``).
Ranks are given where axelrod's docstring gives them. The other half of the
entries (Kluepfel to Yamachi) lives in ``axelrod_second_b.py``.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and its ``turn`` (``len(self.history) + 1``) is
``t + 1``. Several entries are stochastic but make no random draw in most
situations; each docstring says when it draws.
"""

from numba import njit

from cooptourney.strategy_api import (
    C,
    D,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
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
    reciprocity="specific",
    stochastic=True,
    oracle="statistics",
)
def eatherley(my, opp, t, state, params, info, rng):
    """Cooperates after a partner C; after a D defects with probability the partner's defection rate so far. (Graham Eatherley; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: answers each defection in proportion to the partner's whole record of defections.

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
    reciprocity="specific",
    memory_depth=8,
    oracle="moves",
)
def grofman_second(my, opp, t, state, params, info, rng):
    """C, C, tit for tat on moves 3-7, then C or D by the partner's defections in a 7-move window. (Bernard Grofman, K86R; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: counts the partner's recent defections and retaliates past a set tolerance.

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
    """Tit for tat that breaks mutual-defection and echo runs, and defects against random or defective partners. (Otto Borufsen, K32R, 3rd; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

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
    reciprocity="specific",
    stochastic=True,
    oracle="statistics",
)
def cave(my, opp, t, state, params, info, rng):
    """C for C; a D answered by a coin flip until the partner has 18 defections, then D; D against very defective partners. (Rob Cave, K49R, 4th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: keeps the partner's running count of defections and stops forgiving past a limit.

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
    reciprocity="specific",
    memory_depth=5,
    stochastic=True,
    oracle="statistics",
)
def black(my, opp, t, state, params, info, rng):
    """C for 5 moves, then C with probability 1 - (d^2 - 1) / 25, d the partner's D in its last 5 moves. (Paul E Black, K83R, 15th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: the more the partner defected lately, the likelier it defects back; one D in five goes unpunished.

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
    reciprocity="specific",
    stochastic=True,
    state=(0.0, 1.0, 0.0, 1.0, 0.0),
    oracle="statistics",
)
def appold(my, opp, t, state, params, info, rng):
    """C for 4 moves, then C with the partner's observed probability of replying C to its move of two turns ago. (Scott Appold, K88R, 22nd; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: gives cooperation at the rate the partner has returned it after the same move of its own.

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
