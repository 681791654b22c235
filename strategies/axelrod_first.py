"""The entries of Axelrod's first tournament (Axelrod 1980), as reconstructed by ``axelrod``.

Axelrod, R. (1980). "Effective choice in the prisoner's dilemma". Journal of
Conflict Resolution 24(1), 3-25, describes each entry in a few sentences; the
original FORTRAN is lost for most of them. The rules here follow the
reconstruction in the Python library ``axelrod`` (version 4.13.1,
``axelrod/strategies/axelrod_first.py``) move for move, including its reading of
ambiguous descriptions and its quirks, because that library is the reference the
test suite checks against (``tests/strategies/test_axelrod_first.py``). Where the
reconstruction departs from Axelrod's prose, the docstring says so.

Tit For Tat, Grudger (Friedman) and Random are the same rules as the foundation
strategies of those names and live in their own modules.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and its "round number" is ``t + 1``. The match
length is ``info[INFO_LENGTH]``, -1 when the players are not told it (axelrod uses
infinity there; both mean "no end-game moves").
"""

import math

from numba import njit

from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_T,
    C,
    D,
    Param,
    rand,
    random_choice,
    strategy,
)


@njit(cache=True, inline="always")
def _chi2_uniform_pvalue(n_c, n_d):
    """p-value of Pearson's chi-squared test that two counts come from a 50-50 split.

    The same computation as ``scipy.stats.chisquare([n_c, n_d]).pvalue``, which
    axelrod calls: expected frequency m = (n_c + n_d) / 2 in both cells, statistic
    (n_c - m)^2 / m + (n_d - m)^2 / m, and the upper tail of chi-squared with one
    degree of freedom, which is erfc(sqrt(x / 2)). Against scipy's ``chdtrc`` the
    p-value agrees to a relative 2e-13 and the decision ``p >= 0.05`` agrees for
    every pair of counts with n_c + n_d <= 3000 (checked exhaustively).
    """
    m = (n_c + n_d) / 2.0
    x = (n_c - m) ** 2 / m + (n_d - m) ** 2 / m
    return math.erfc(math.sqrt(x / 2.0))


@njit(cache=True, inline="always")
def _last_two_turns(info, t):
    """True on the last two turns of a match of known length (axelrod's FinalTransformer((D, D)))."""
    n = info[INFO_LENGTH]
    return n >= 0.0 and t < n and t >= n - 2.0


# --------------------------------------------------------------------------------------
# Tideman and Chieruzzi (2nd in the first tournament)
# state: 0 retaliating, 1 retaliation length, 2 retaliation remaining,
#        3 round of the last fresh start (0 = none), 4 "second fresh-start C due",
#        5 partner defections remembered since the last fresh start


@strategy(
    "First by Tideman and Chieruzzi",
    oracle="moves",
    aliases=["Tideman and Chieruzzi", "Tideman"],
    reciprocity="specific",
    uses_game=True,
    uses_length=True,
    state=(0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
)
def tideman_and_chieruzzi(my, opp, t, state, params, info, rng):
    """Tit for tat with punishments growing by one each time, fresh starts, D on the last two moves. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    specific: an explicit account; each new default earns a longer punishment, wiped only by a fresh start.

    Cooperates first. A partner defection met while not retaliating starts a
    retaliation of k defections, k = 1, 2, 3, ... on successive occasions. A
    *fresh start* (play C, C, then forget the retaliation count and the remembered
    defections) is given when all hold: no fresh start yet or at least 20 rounds
    since the last one, this player leads by >= 10 points (scored in its perceived
    payoffs), at least 10 rounds remain (always true if the length is unknown), the
    partner's last move was C, and the defections remembered since the last fresh
    start are at least 3 standard deviations from half of *all* the partner's
    moves (N/2 +- 3 sqrt(N)/2). Defects on the last two moves when the length is
    known.

    As in axelrod (and unlike Axelrod's prose, "each run of the other's
    defections"), every partner defection met while not retaliating counts as a new
    offence, not every run; and after a fresh start the remembered defections
    restart at 0 while N keeps counting the whole match, so a mostly cooperative
    partner passes the 3-sigma test easily. The end-game override is applied after
    the rule has run, so its bookkeeping continues on the last two turns.
    """
    move = C
    if t > 0:
        if opp[t - 1] == D:
            state[5] += 1.0
        if state[4] > 0.5:
            # the second cooperation of a fresh start
            state[4] = 0.0
            move = C
        else:
            rnd = t + 1  # axelrod's round number
            fresh = False
            if state[3] == 0.0 or rnd - state[3] >= 20.0:
                n_len = info[INFO_LENGTH]
                enough_rounds = n_len < 0.0 or n_len - rnd >= 10.0
                ahead = info[INFO_MY_SCORE] - info[INFO_OPP_SCORE] >= 10.0
                if ahead and enough_rounds and opp[t - 1] == C:
                    n = float(t)
                    sd = math.sqrt(n) / 2.0
                    lower = n / 2.0 - 3.0 * sd
                    upper = n / 2.0 + 3.0 * sd
                    if state[5] <= lower or state[5] >= upper:
                        fresh = True
            if fresh:
                state[3] = rnd
                state[0] = 0.0
                state[1] = 0.0
                state[2] = 0.0
                state[5] = 0.0
                state[4] = 1.0
                move = C
            elif state[0] > 0.5:
                state[2] -= 1.0
                if state[2] == 0.0:
                    state[0] = 0.0
                move = D
            elif opp[t - 1] == D:
                state[1] += 1.0
                state[2] = state[1] - 1.0
                state[0] = 1.0 if state[2] > 0.0 else 0.0
                move = D
    if _last_two_turns(info, t):
        return D
    return move


# --------------------------------------------------------------------------------------
# Nydegger (3rd)

# Bit A is set for the 19 values of A on which Nydegger defects.
_NYDEGGER_DEFECT = 0
for _a in (1, 6, 7, 17, 22, 23, 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61):
    _NYDEGGER_DEFECT |= 1 << _a
del _a


@strategy(
    "First by Nydegger",
    oracle="moves",
    aliases=["Nydegger"],
    reciprocity="other",
    memory_depth=3,
)
def nydegger(my, opp, t, state, params, info, rng):
    """Tit for tat for three moves, then a lookup table over the last three outcomes. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    other: a fixed lookup table built as a laboratory stooge (Nydegger 1978), not an exchange account.

    (It cooperates after three mutual defections, for instance.)

    Moves 1-3 are tit for tat, except that move 3 is D when the partner opened
    D, C. From move 4 on, with a_k = 2 * (partner defected) + (I defected) for the
    k-th most recent round, A = 16 a_1 + 4 a_2 + a_3, and it defects iff A is one
    of 1, 6, 7, 17, 22, 23, 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61.

    As in axelrod: the move-3 exception looks only at the partner's first two
    moves (Axelrod's prose also requires that this player played C, D, which
    differs only under noise), and the weight 16 goes to the *most recent* round
    (the prose says "16, 4 and 1 ... in chronological order").
    """
    if t == 0:
        return C
    if t == 1:
        return opp[0]
    if t == 2:
        if opp[0] == D and opp[1] == C:
            return D
        return opp[1]
    a = 16 * (2 * opp[t - 1] + my[t - 1]) + 4 * (2 * opp[t - 2] + my[t - 2]) + (2 * opp[t - 3] + my[t - 3])
    if (_NYDEGGER_DEFECT >> a) & 1:
        return D
    return C


# --------------------------------------------------------------------------------------
# Grofman (4th)


@strategy(
    "First by Grofman",
    oracle="statistics",
    aliases=["Grofman"],
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
)
def grofman(my, opp, t, state, params, info, rng):
    """Cooperates if both players did the same last round, else with probability 2/7. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    diffuse: resumes cooperation after mutual defection and forgives 2 times in 7, keeping no account.

    Cooperates on the first move. One random draw each turn after the players'
    moves differed, none otherwise.
    """
    if t == 0 or my[t - 1] == opp[t - 1]:
        return C
    return random_choice(rng, 2.0 / 7.0)


# --------------------------------------------------------------------------------------
# Shubik (5th)
# state: 0 retaliating, 1 retaliation length, 2 retaliation remaining


@strategy(
    "First by Shubik",
    oracle="moves",
    aliases=["Shubik"],
    reciprocity="specific",
    state=(0.0, 0.0, 0.0),
)
def shubik(my, opp, t, state, params, info, rng):
    """Cooperates until the partner defects, then retaliates k times, k growing by one each time. (Axelrod 1980, JCR 24; Shubik 1970; as reconstructed in axelrod 4.13.1)

    specific: pays every default back, and charges more for each repeat offence.

    A partner defection after a round in which this player cooperated starts a
    retaliation of k consecutive defections (k = 1, 2, 3, ... on successive
    occasions); partner moves during a retaliation are ignored, including the last
    retaliation round, since the trigger requires this player's own last move to
    be C.
    """
    if t == 0:
        return C
    if state[0] > 0.5:
        state[2] -= 1.0
        if state[2] == 0.0:
            state[0] = 0.0
        return D
    if opp[t - 1] == D and my[t - 1] == C:
        state[1] += 1.0
        state[2] = state[1] - 1.0
        state[0] = 1.0 if state[2] > 0.0 else 0.0
        return D
    return C


# --------------------------------------------------------------------------------------
# Stein and Rapoport (6th)
# state: 0 partner judged random


@strategy(
    "First by Stein and Rapoport",
    oracle="moves",
    aliases=["Stein and Rapoport"],
    reciprocity="specific",
    uses_length=True,
    params={"alpha": Param(float, 0.05, 0.0, 1.0, "significance level of the randomness test")},
    state=(0.0,),
)
def stein_and_rapoport(my, opp, t, state, params, info, rng):
    """Tit for tat after 4 C; D against partners that look random and on the last two moves. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    specific: strict tit for tat with partners it takes to be responsive.

    Cooperates on moves 1-4, plays tit for tat on moves 5-14. On every move whose
    number is a multiple of 15 it tests the partner's overall counts of C and D
    against a 50-50 split (Pearson chi-squared, one degree of freedom); if the
    p-value is >= alpha the partner is judged random and it defects until the next
    test, else it plays tit for tat. Defects on the last two moves when the match
    length is known (the test still runs on those turns).

    As in axelrod, and unlike the prose ("a chi-squared test of the other's
    transition probabilities and also checks for alternating moves"), the test
    looks only at the proportion of C: a partner cooperating about half the time
    (Alternator, a tit-for-tat echo) is "random", a pure random player with a
    lopsided sample is not.
    """
    move = C
    if t >= 4:
        move = opp[t - 1]
        if t >= 14:
            if (t + 1) % 15 == 0:
                n_c = info[INFO_OPP_COOPS]
                state[0] = 1.0 if _chi2_uniform_pvalue(n_c, t - n_c) >= params[0] else 0.0
            if state[0] > 0.5:
                move = D
    if _last_two_turns(info, t):
        return D
    return move


# --------------------------------------------------------------------------------------
# Davis (8th)


@strategy(
    "First by Davis",
    oracle="moves",
    aliases=["Davis"],
    reciprocity="specific",
    params={"rounds_to_cooperate": Param(int, 10, 0, math.inf, "unconditional cooperations at the start")},
)
def davis(my, opp, t, state, params, info, rng):
    """Cooperates for 10 moves, then defects for ever once the partner has defected at all. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    specific: a grudge after a grace period; one default closes the account.

    Defections during the grace period count too: a partner that defected on
    move 1 meets D from move 11 on.
    """
    if t < params[0]:
        return C
    if info[INFO_OPP_COOPS] < t:
        return D
    return C


# --------------------------------------------------------------------------------------
# Graaskamp (9th)
# state: 0 partner judged random (sticky), 1 turn of the next random defection (-1: none yet),
#        2 turns already checked by the tit-for-tat/clone test, 3 partner still echoes
#        my previous move, 4 partner still plays exactly my moves


@strategy(
    "First by Graaskamp",
    oracle="statistics",
    aliases=["Graaskamp"],
    reciprocity="other",
    stochastic=True,
    params={"alpha": Param(float, 0.05, 0.0, 1.0, "significance level of the randomness test")},
    state=(0.0, -1.0, 0.0, 1.0, 1.0),
)
def graaskamp(my, opp, t, state, params, info, rng):
    """Tit for tat for 50 moves, D on move 51, 5 more tit for tat, then defects at random every 5 to 14 moves. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    other: tit for tat is only a probe; the aim is to exploit built-up trust with scheduled defections.

    From move 57 on, each turn: if the partner's C/D counts pass the 50-50
    chi-squared test (p >= alpha) it is judged random and met with D for the rest
    of the match. Otherwise, if the partner has so far played exactly tit for tat
    against it (its move i equals this player's move i-1) or exactly its own moves
    (a clone), it plays tit for tat. Otherwise it cooperates, except on a
    scheduled turn: the first non-tit-for-tat turn schedules a defection 5 to 14
    turns later (numpy's ``randint(5, 15)`` excludes 15, although the prose says
    "every 5 to 15 moves"), and each scheduled defection schedules the next.

    As in axelrod, the random-defection phase cooperates even against a partner
    that always defects (Defector passes neither the randomness nor the tit-for-tat
    test). One random draw per scheduled defection (plus one for the first).
    """
    if t == 0:
        return C
    if t < 56:
        if opp[t - 1] == D or t == 50:
            return D
        return C
    n_c = info[INFO_OPP_COOPS]
    if _chi2_uniform_pvalue(n_c, t - n_c) >= params[0]:
        state[0] = 1.0
    if state[0] > 0.5:
        return D
    # The tit-for-tat test (partner's move k equals my move k - 1, for k = 1..t-1)
    # and the clone test (move k equal, k = 0..t-1) read the whole history; once
    # failed they stay failed, so only the turns not yet checked are scanned.
    k = int(state[2])
    while k < t:
        if state[3] > 0.5 and k >= 1 and opp[k] != my[k - 1]:
            state[3] = 0.0
        if state[4] > 0.5 and opp[k] != my[k]:
            state[4] = 0.0
        k += 1
    state[2] = t
    if state[3] > 0.5 or state[4] > 0.5:
        return opp[t - 1]
    if state[1] < 0.0:
        state[1] = t + 5 + int(10.0 * rand(rng))
    if t == state[1]:
        state[1] = t + 5 + int(10.0 * rand(rng))
        return D
    return C


# --------------------------------------------------------------------------------------
# Downing (10th)
# state: 0 partner's C after my C (plus the phantom C before move 1), 1 partner's C after my D


@strategy(
    "First by Downing",
    oracle="moves",
    aliases=["Downing"],
    reciprocity="other",
    uses_game=True,
    state=(0.0, 0.0),
)
def downing(my, opp, t, state, params, info, rng):
    """Plays the move of higher expected payoff given estimated P(C | my last C), P(C | my last D). (Axelrod 1980, JCR 24; Downing 1975; as reconstructed in axelrod 4.13.1)

    other: an expected-payoff maximiser; it cooperates when it calculates that C pays, not to return a favour.

    Defects on the first two moves. Then, with alpha = (partner C after my C) /
    (my C + 1) and beta = (partner C after my D) / max(my D, 2), it cooperates if
    alpha R + (1 - alpha) S > beta T + (1 - beta) P, defects if smaller, and
    switches its last move on a tie. The partner's first move counts as a reply to
    a phantom C before the match (the "+ 1"), and max(., 2) assumes the two
    opening defections even when noise flipped them; both are axelrod's
    assumptions. Payoffs are the ones this player perceives.

    As in axelrod, the denominators count all of this player's moves, including
    the last one, whose reply has not been seen yet.
    """
    if t == 0:
        return D
    if t == 1:
        if opp[0] == C:
            state[0] += 1.0
        return D
    if opp[t - 1] == C:
        if my[t - 2] == C:
            state[0] += 1.0
        else:
            state[1] += 1.0
    my_c = info[INFO_MY_COOPS]
    alpha = state[0] / (my_c + 1.0)
    beta = state[1] / max(t - my_c, 2.0)
    e_c = alpha * info[INFO_R] + (1.0 - alpha) * info[INFO_S]
    e_d = beta * info[INFO_T] + (1.0 - beta) * info[INFO_P]
    if e_c > e_d:
        return C
    if e_c < e_d:
        return D
    return 1 - my[t - 1]


# --------------------------------------------------------------------------------------
# Feld (11th)


@strategy(
    "First by Feld",
    oracle="statistics",
    aliases=["Feld"],
    reciprocity="specific",
    memory_depth=1,
    stochastic=True,
    params={
        "start_coop_prob": Param(float, 1.0, 0.0, 1.0, "probability of answering C with C on move 1"),
        "end_coop_prob": Param(float, 0.5, 0.0, 1.0, "the floor it decays to"),
        "rounds_of_decay": Param(int, 200, 1, math.inf, "moves over which the probability decays linearly"),
    },
)
def feld(my, opp, t, state, params, info, rng):
    """Tit for tat whose probability of answering C with C falls linearly from 1 to 1/2 over 200 moves. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    specific: always returns D for D; returns C for C less and less reliably.

    Cooperates first; after a partner D it defects; after a partner C it
    cooperates with probability max(start + (end - start) t / rounds, end), with
    t the number of moves played (the linear decay is axelrod's choice; the prose
    gives no shape). One random draw per turn answering a C, none when the
    probability is exactly 0 or 1.

    memory_depth is 1 (it reads only the partner's last move, plus the turn
    number); axelrod classifies it as 200.
    """
    if t == 0:
        return C
    if opp[t - 1] == D:
        return D
    start = params[0]
    end = params[1]
    slope = (end - start) / params[2]
    p = max(start + slope * t, end)
    return random_choice(rng, p)


# --------------------------------------------------------------------------------------
# Joss (12th)


@strategy(
    "First by Joss",
    oracle="statistics",
    aliases=["Joss"],
    reciprocity="specific",
    memory_depth=1,
    stochastic=True,
    params={"p": Param(float, 0.9, 0.0, 1.0, "probability of answering C with C")},
)
def joss(my, opp, t, state, params, info, rng):
    """Cooperates first, answers D with D and C with C 90% of the time. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    specific: tit for tat that also slips in an unprovoked defection now and then.

    The memory-one vector (p, 0, p, 0) with p = 0.9; one random draw per turn
    answering a C (none when p is 0 or 1).
    """
    if t == 0:
        return C
    if opp[t - 1] == D:
        return D
    return random_choice(rng, params[0])


# --------------------------------------------------------------------------------------
# Tullock (13th)


@strategy(
    "First by Tullock",
    oracle="statistics",
    aliases=["Tullock"],
    reciprocity="specific",
    memory_depth=10,
    stochastic=True,
)
def tullock(my, opp, t, state, params, info, rng):
    """Cooperates 11 times, then with probability (partner's C rate in its last 10 moves) - 0.1. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    specific: returns the partner's recent cooperation, short-changed by 10 points.

    The probability is max(0, c / 10 - 0.1) with c the partner's C among its last
    10 moves, so a partner with at most one C in ten meets certain D (no draw).
    memory_depth is 10; axelrod classifies it as unbounded.
    """
    if t < 11:
        return C
    c = 0
    for k in range(t - 10, t):
        if opp[k] == C:
            c += 1
    p = max(0.0, c / 10 - 0.10)
    return random_choice(rng, p)


# --------------------------------------------------------------------------------------
# Anonymous


@strategy(
    "First by Anonymous",
    oracle="statistics",
    aliases=["Anonymous", "Name withheld"],
    reciprocity="unconditional",
    memory_depth=0,
    stochastic=True,
)
def anonymous(my, opp, t, state, params, info, rng):
    """Cooperates with a probability drawn uniformly from [0.3, 0.7) each move. (Axelrod 1980, JCR 24; as reconstructed in axelrod 4.13.1)

    unconditional: its moves ignore the partner entirely.

    The entry's adjustment rules are not described; axelrod implements only the
    prose's observation that its cooperation probability "frequently" stayed in
    the 30% to 70% range. Two draws per move (the probability, then the move), so
    overall it cooperates half the time.
    """
    r = (3.0 + 4.0 * rand(rng)) / 10.0
    return random_choice(rng, r)
