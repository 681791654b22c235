"""More Tit For Tat variants: endgame defectors, randomised and slowed-down copies, N-for-M.

Each follows the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/titfortat.py``)
move for move (deterministic ones) or in distribution (stochastic ones), including its
quirks, because that library is the reference the test suite checks against
(``tests/test_oracle_families_a.py``). The other Tit For Tat variants are in
``titfortat.py`` and ``tft_variants.py``.

Alexei, EugineNier and Michaelos come from the LessWrong tournament of 2011 and carry
axelrod's ``FinalTransformer((D,))``: when the match length is known they defect on the
last move whatever their rule says; when it is unknown (``info[INFO_LENGTH]`` = -1, a
match with ``prob_end``) they never do. The rule itself is evaluated first on that
move too (Michaelos still draws), as in axelrod.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and the last move of a match of known length n is
``t = n - 1``; the partner's defections so far are ``t - info[INFO_OPP_COOPS]``.
All histories are the moves actually played (after noise).
"""

import math

from numba import njit

from cooptourney.strategy_api import INFO_LENGTH, INFO_OPP_COOPS, C, D, Param, random_choice, strategy


@njit(cache=True, inline="always")
def _last_move_of_known_length(t, info):
    """True on the final move of a match whose length the player knows (axelrod's FinalTransformer)."""
    n = info[INFO_LENGTH]
    return n >= 0.0 and t < n and n - t <= 1.0


@strategy("Alexei", oracle="moves", reciprocity="specific", uses_length=True)
def alexei(my, opp, t, state, params, info, rng):
    """Tit For Tat that defects on the last move of a match of known length. (Alexei, LessWrong 2011 tournament; as in axelrod 4.13.1)

    specific: returns exactly what it received, and takes the last move for free.
    """
    move = C if t == 0 else opp[t - 1]
    if _last_move_of_known_length(t, info):
        return D
    return move


# state: 0 defecting for good (1.0 = yes)


@strategy("EugineNier", oracle="moves", reciprocity="specific", uses_length=True, state=(0.0,))
def eugine_nier(my, opp, t, state, params, info, rng):
    """Tit For Tat until the partner has defected five times in all, then defects for ever; defects on the last move of a match of known length. (Eugine Nier, LessWrong 2011 tournament; as in axelrod 4.13.1)

    specific: strict tit for tat with a cap on the defaults it will keep answering one by one.

    The five defections need not be consecutive; the first move is C in any case.
    """
    if t == 0:
        move = C
    else:
        if t - info[INFO_OPP_COOPS] >= 5.0:
            state[0] = 1.0
        move = D if state[0] > 0.5 else opp[t - 1]
    if _last_move_of_known_length(t, info):
        return D
    return move


# state: 0 defecting for good (1.0 = yes)


@strategy("Michaelos", oracle="statistics", reciprocity="specific", uses_length=True, stochastic=True,
          state=(0.0,))
def michaelos(my, opp, t, state, params, info, rng):
    """Tit For Tat, except that after its own D met the partner's C it either cooperates or, with probability 1/2, defects for ever; defects on the last move of a match of known length. (Michaelos, LessWrong 2011 tournament; as in axelrod 4.13.1)

    specific: tit for tat at heart; the coin decides whether an unpunished defection of its own turns into exploitation.

    The coin is tossed on every move whose previous round was (D, C), also its own
    tit-for-tat replies to a partner's D followed by the partner's C.
    """
    if t == 0:
        move = C
    elif state[0] > 0.5:
        move = D
    elif my[t - 1] == D and opp[t - 1] == C:
        move = random_choice(rng, 0.5)
        if move == D:
            state[0] = 1.0
    else:
        move = opp[t - 1]
    if _last_move_of_known_length(t, info):
        return D
    return move


@strategy("Sneaky Tit For Tat", oracle="moves", reciprocity="negative")
def sneaky_tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates twice, then defects as long as the partner has never defected; once it has, tit for tat, except that it cooperates after a partner's D that answered its own D. (Karol Langner, as in axelrod 4.13.1)

    negative: a partner that never defects is exploited for the whole match; only retaliation buys cooperation back.

    axelrod's summary ("tries defecting once and repents if punished") undersells
    the rule: against Cooperator it defects from move 3 to the end. "Repents" means
    it cooperates when the partner's last move was D and its own move before that
    was D (the partner's D read as punishment).
    """
    if t < 2:
        return C
    if info[INFO_OPP_COOPS] == t:
        return D
    if opp[t - 1] == D and my[t - 2] == D:
        return C
    return opp[t - 1]


@strategy("Slow Tit For Two Tats 2", oracle="moves", reciprocity="specific", memory_depth=2)
def slow_tit_for_two_tats_2(my, opp, t, state, params, info, rng):
    """Cooperates twice; then copies the partner when its last two moves agree, else repeats its own last move. (Slow Tit For Tat, PRISON 1998; as in axelrod 4.13.1)

    specific: answers like with like, but only a confirmed change of the partner's move changes its own.
    """
    if t < 2:
        return C
    if opp[t - 2] == opp[t - 1]:
        return opp[t - 1]
    return my[t - 1]


# state: 0 retaliations still to play, 1 the partner's current run of consecutive defections


@strategy(
    "N Tit(s) For M Tat(s)",
    oracle="moves",
    reciprocity="specific",
    memory_depth=3,
    params={
        "N": Param(int, 3, 0, math.inf, "defections played in answer to a trigger"),
        "M": Param(int, 2, 0, math.inf, "consecutive partner defections that trigger them"),
    },
    state=(0.0, 0.0),
)
def n_tits_for_m_tats(my, opp, t, state, params, info, rng):
    """Answers M consecutive partner defections with N defections; every further D that keeps the run at M or more restarts the N. (Marc Harper, as in axelrod 4.13.1)

    specific: a fixed price, N defections, for a fixed offence, M defections in a row.

    (1, 1) is Tit For Tat, (1, 2) Tit For 2 Tats, (2, 1) Two Tits For Tat, (0, M)
    Cooperator and (N, 0) Defector (M = 0 triggers on every move, even the first).
    The registered memory depth is axelrod's max(N, M) at the defaults.
    """
    n = params[0]
    m = params[1]
    if t > 0:
        state[1] = state[1] + 1.0 if opp[t - 1] == D else 0.0
    if m == 0.0 or state[1] >= m:
        state[0] = n
    if state[0] > 0.0:
        state[0] -= 1.0
        return D
    return C


@strategy("Dynamic Two Tits For Tat", oracle="statistics", reciprocity="diffuse", stochastic=True)
def dynamic_two_tits_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates unless the partner defected in one of its last two moves; then cooperates with probability equal to the partner's overall cooperation rate. (Grant Garrett-Grossman, as in axelrod 4.13.1)

    diffuse: how it answers a defection depends on the partner's whole record, not on the defection itself.

    Cooperates first. No draw is made when the rate is 0 (it defects) or 1.
    """
    if t == 0:
        return C
    if opp[t - 1] == D or (t >= 2 and opp[t - 2] == D):
        return random_choice(rng, info[INFO_OPP_COOPS] / t)
    return C


@strategy(
    "Random Tit for Tat",
    oracle="statistics",
    reciprocity="other",
    memory_depth=1,
    stochastic=True,
    params={"p": Param(float, 0.5, 0.0, 1.0, "probability of C on the random moves")},
)
def random_tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates first; then copies the partner's last move on moves 2, 4, 6, ... and plays C with probability p on moves 3, 5, 7, ... (Zachary M. Taylor, as in axelrod 4.13.1)

    other: half of its moves are tit for tat, the other half coin flips that ignore the partner.

    With p = 0 or 1 no draws are made (axelrod then classifies it as deterministic).
    """
    if t == 0:
        return C
    if t % 2 == 1:
        return opp[t - 1]
    return random_choice(rng, params[0])


@strategy("Burn Both Ends", oracle="statistics", reciprocity="specific", memory_depth=1, stochastic=True)
def burn_both_ends(my, opp, t, state, params, info, rng):
    """Tit For Tat, except that it answers the partner's C with C only with probability 9/10. (BBE, Marinoff 1992; as in axelrod 4.13.1)

    specific: returns like with like, with an occasional unprovoked defection.

    Cooperates first (no draw).
    """
    if t == 0:
        return C
    if opp[t - 1] == C:
        return random_choice(rng, 0.9)
    return D
