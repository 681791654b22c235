"""Entries of Axelrod's second tournament (Axelrod 1980b), second half: Kluepfel to Yamachi.

Axelrod, R. (1980b). "More effective choice in the prisoner's dilemma". Journal
of Conflict Resolution 24(3), 379-403, ranks the 63 entries of the second
tournament and describes a few of them (TESTER and TRANQUILIZER in some detail).
The rules here follow the Python library ``axelrod`` (version 4.13.1,
``axelrod/strategies/axelrod_second.py``), whose authors reconstructed most
entries from the original FORTRAN listings (the "K..R" numbers), move for move,
including its quirks, because that library is the reference the test suite
checks against (``tests/test_oracle_second_b.py``). Ranks and authors are given
where axelrod's docstring gives them. The first half of the entries (Appold to
Harrington) lives in ``axelrod_second_a.py``.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and its ``turn`` (``len(self.history) + 1``) is
``t + 1``. The stochastic entries draw exactly when axelrod draws (each
docstring says when), so that given the same uniform numbers they play the
same moves; the tests check this by replaying axelrod's own draws.
"""

import math

from cooptourney.strategy_api import (
    C,
    D,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    payoff,
    rand,
    random_choice,
    strategy,
)

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
    reciprocity="specific",
    memory_depth=3,
    stochastic=True,
)
def leyvraz(my, opp, t, state, params, info, rng):
    """Delayed, partly random tit for tat on the partner's last three moves. (Francois Leyvraz, K68R, 12th; Axelrod 1980b, JCR 24(3); as in axelrod 4.13.1)

    specific: pays a defection back one or two turns later and then lets it go.

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
        p = (
            (0.25 + (info[INFO_OPP_COOPS] + 1.0) / n)
            - state[1] * 0.25
            + (state[6] - state[7]) / 100.0
            + 4.0 / n
        )
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
