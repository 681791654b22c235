"""The Tit For Tat family: specific reciprocity, its variants and its mirror images.

Tit For Tat is Anatol Rapoport's entry, the winner of both of Axelrod's tournaments
(Axelrod, R. (1980). "Effective choice in the prisoner's dilemma". Journal of Conflict
Resolution 24(1), 3-25; Axelrod, R. (1984). The Evolution of Cooperation. Basic
Books). This module holds the strategies ``axelrod`` 4.13.1 keeps in
``axelrod/strategies/titfortat.py``:

- the classic forms (Tit For Tat, Suspicious Tit For Tat, Tit For 2 Tats, Two Tits
  For Tat) and the mirror images Anti Tit For Tat and Bully;
- variants with longer memories, apologies, deadlock breaking, spite and smoothing
  (Hard Tit For Tat, Contrite Tit For Tat, Omega TFT, Adaptive Tit For Tat, ...);
- Gradual (Beaufils, B., Delahaye, J.-P. and Mathieu, P. (1997). "Our meeting with
  gradual, a good strategy for the iterated prisoner's dilemma". Artificial Life V,
  202-209) in its two readings: "Original Gradual", which reproduces the scores
  Beaufils et al. publish, and "Gradual", the reading of the CRISTAL-SMAC ``ipd``
  code (2018), which does not (axelrod issue 1294);
- endgame defectors from the LessWrong tournament of 2011 (Alexei, EugineNier,
  Michaelos), randomised and slowed-down copies and N Tit(s) For M Tat(s).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/titfortat.py``) move for move where they are deterministic and
in distribution where they are not (each draws exactly when axelrod draws; the
docstrings say when), including its quirks, because that library is the reference the
tests check against (``tests/strategies/test_titfortat.py``). Where axelrod departs
from the source it cites, or from its own description, the docstring says so.

Alexei, EugineNier and Michaelos carry axelrod's ``FinalTransformer((D,))``: when the
match length is known they defect on the last move whatever their rule says; when it
is unknown (``info[INFO_LENGTH]`` = -1, a match with ``prob_end``) they never do. The
rule itself is evaluated first on that move too (Michaelos still draws), as in axelrod.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``, ``opponent.history[-k:]`` is ``opp[max(0, t-k):t]``
and the last move of a match of known length n is ``t = n - 1``; the partner's
defections so far are ``t - info[INFO_OPP_COOPS]`` (axelrod's ``opponent.defections``).
All histories are the moves actually played (after noise).
"""

import math

from numba import njit

from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_OPP_COOPS,
    C,
    D,
    Param,
    random_choice,
    strategy,
)


@strategy("Tit For Tat", oracle="moves", aliases=["TFT"], reciprocity="specific", memory_depth=1)
def tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates first, then copies the partner's last move. (Rapoport; Axelrod 1980)

    specific: returns exactly what it received, in strict sequence.
    """
    if t == 0:
        return C
    return opp[t - 1]


@strategy(
    "Suspicious Tit For Tat", oracle="moves", aliases=["STFT", "Mistrust"], reciprocity="specific", memory_depth=1
)
def suspicious_tit_for_tat(my, opp, t, state, params, info, rng):
    """Defects first, then copies the partner's last move. (Beaufils et al. 1997)

    specific: strict tit-for-tat after a distrustful opening.
    """
    if t == 0:
        return D
    return opp[t - 1]


@strategy("Tit For 2 Tats", oracle="moves", aliases=["TF2T"], reciprocity="diffuse", memory_depth=2)
def tit_for_two_tats(my, opp, t, state, params, info, rng):
    """Defects only after two consecutive defections by the partner. (Axelrod 1984)

    diffuse: measured: lets 125 payoff units stand, answers after 2 turns, returns 0.71 of the harm, no echo (docs/reference/reciprocity.md).
    """
    if t >= 2 and opp[t - 1] == D and opp[t - 2] == D:
        return D
    return C


@strategy("Two Tits For Tat", oracle="moves", aliases=["TTFT"], reciprocity="specific", memory_depth=2)
def two_tits_for_tat(my, opp, t, state, params, info, rng):
    """Defects twice after each defection: D if either of the partner's last two moves was D. (Axelrod 1984)

    specific: exact accounting, with a doubled penalty.
    """
    if t >= 1 and opp[t - 1] == D:
        return D
    if t >= 2 and opp[t - 2] == D:
        return D
    return C


@strategy("Anti Tit For Tat", oracle="moves", aliases=["ATFT"], reciprocity="negative", memory_depth=1)
def anti_tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates first, then plays the opposite of the partner's last move. (Hilbe et al. 2013)

    negative: answers cooperation with defection.
    """
    if t == 0:
        return C
    return 1 - opp[t - 1]


@strategy("Bully", oracle="moves", aliases=["Reverse Tit For Tat"], reciprocity="negative", memory_depth=1)
def bully(my, opp, t, state, params, info, rng):
    """Defects first, then plays the opposite of the partner's last move. (Nachbar 1992)

    negative: exploits cooperation and backs down only when met with defection.
    """
    if t == 0:
        return D
    return 1 - opp[t - 1]


@strategy("Hard Tit For Tat", oracle="moves", reciprocity="specific", memory_depth=3)
def hard_tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates first, then defects if the partner defected in any of its last three moves. (prisoners-dilemma.com competition 2017, PD2017; as in axelrod 4.13.1)

    specific: tit for tat whose punishment of each defection lasts three moves.

    On the second and third move only the one or two moves played so far are read.
    """
    k = t - 3 if t > 3 else 0
    for i in range(k, t):
        if opp[i] == D:
            return D
    return C


@strategy("Hard Tit For 2 Tats", oracle="moves", reciprocity="diffuse", memory_depth=3)
def hard_tit_for_two_tats(my, opp, t, state, params, info, rng):
    """Defects if the partner's last three moves contain two consecutive defections. (Stewart & Plotkin 2012, PNAS 109; as in axelrod 4.13.1)

    diffuse: measured: lets 125 payoff units stand, answers after 2 turns, returns 0.86 of the harm, no echo (docs/reference/reciprocity.md).

    Cooperates on the first two moves (two moves cannot hold a pair before move 3,
    so only the first is special in axelrod's code).
    """
    if t >= 2 and opp[t - 1] == D and opp[t - 2] == D:
        return D
    if t >= 3 and opp[t - 2] == D and opp[t - 3] == D:
        return D
    return C


# state: 0 contrite (1.0 = yes), 1 the move it intended last turn (before any noise)


@strategy(
    "Contrite Tit For Tat",
    oracle="moves",
    reciprocity="specific",
    state=(0.0, 0.0),
)
def contrite_tit_for_tat(my, opp, t, state, params, info, rng):
    """Tit For Tat that, after noise turned its own C into a defection, takes the partner's retaliation without echoing it. (Wu & Axelrod 1995, JCR 39; as simplified in axelrod 4.13.1)

    specific: keeps the strict exchange, but owns up to a default it did not intend.

    This is axelrod's noise-tracking simplification, not the standing formulation
    of Sugden (1986) and Boyd (1989) (``Contrite Tit For Tat (standing)``). It remembers the move it *intended* (as
    axelrod's ``TrackHistoryTransformer`` does); when its last move was played as D
    although it intended C (implementation noise, or a ratification failure) and
    the partner played C in that round, it becomes contrite. It still plays tit
    for tat on that turn; from the next turn on, while contrite, its first turn
    after a move *played* as C resets the flag and cooperates regardless of the
    partner. Without noise it is exactly Tit For Tat.

    As in axelrod: the contrite flag waits while the player keeps defecting, so it
    can reach back an unbounded number of turns (axelrod classifies it as memory
    3; here it is unbounded); and a flip that turns an intended D into a C never
    makes it contrite.
    """
    if t == 0:
        move = C
    elif state[0] > 0.5 and my[t - 1] == C:
        state[0] = 0.0
        move = C
    else:
        if my[t - 1] != state[1] and my[t - 1] == D and opp[t - 1] == C:
            state[0] = 1.0
        move = opp[t - 1]
    state[1] = move
    return move


# state: 0 randomness counter, 1 deadlock counter


@strategy(
    "Omega TFT",
    oracle="moves",
    aliases=["Omega Tit For Tat"],
    reciprocity="specific",
    params={
        "deadlock_threshold": Param(
            int, 3, -math.inf, math.inf, "consecutive changes of the partner's move that count as a C/D deadlock"
        ),
        "randomness_threshold": Param(int, 8, -math.inf, math.inf, "randomness count at which it defects"),
    },
    state=(0.0, 0.0),
)
def omega_tft(my, opp, t, state, params, info, rng):
    """Tit For Tat that breaks C/D echo deadlocks with two cooperations and defects against partners that look random. (Slany & Kienreich 2007, in The Iterated Prisoners' Dilemma: 20 Years On; as in axelrod 4.13.1)

    specific: strict tit for tat, with an explicit repair of the echo feud that strict reciprocity falls into.

    Moves 1-2 are tit for tat. From move 3 on, a *deadlock* counter counts the
    consecutive turns on which it played tit for tat and the partner's move had
    changed from the turn before; at ``deadlock_threshold`` it cooperates twice
    (two turns with no counting at all), then resets it. Otherwise a *randomness*
    counter goes down by 1 when the partner's last two moves were C, C and up by 1
    for each of: the partner changed its move, the partner's last move differed
    from its own; at ``randomness_threshold`` or above it defects, else it plays
    tit for tat.

    As in axelrod: the randomness counter keeps being updated while it defects, so
    a run of partner cooperations can bring it back below the threshold (axelrod's
    comment says "defect for the remainder"); the deadlock counter is not touched
    on the turns it defects for randomness.
    """
    if t == 0:
        return C
    if t == 1:
        return opp[0]
    dth = params[0]
    if state[1] >= dth:
        if state[1] == dth:
            state[1] = dth + 1.0
        else:
            state[1] = 0.0
        return C
    changed = opp[t - 2] != opp[t - 1]
    if opp[t - 2] == C and opp[t - 1] == C:
        state[0] -= 1.0
    if changed:
        state[0] += 1.0
    if my[t - 1] != opp[t - 1]:
        state[0] += 1.0
    if state[0] >= params[1]:
        return D
    if changed:
        state[1] += 1.0
    else:
        state[1] = 0.0
    return opp[t - 1]


# state: 0 retaliating for good (1.0 = yes)


@strategy("Spiteful Tit For Tat", oracle="moves", reciprocity="specific", state=(0.0,))
def spiteful_tit_for_tat(my, opp, t, state, params, info, rng):
    """Tit For Tat until the partner defects twice in a row, then defects for ever. (PRISON project 1998, LIFL Lille; as in axelrod 4.13.1)

    specific: strict tit for tat, and a repeated default closes the account for good.
    """
    if t == 0:
        return C
    if t >= 2 and opp[t - 1] == D and opp[t - 2] == D:
        state[0] = 1.0
    if state[0] > 0.5:
        return D
    return opp[t - 1]


# state: 0 the image of the world (set to the rate on the first move)


@strategy(
    "Adaptive Tit For Tat",
    oracle="moves",
    reciprocity="specific",
    params={"rate": Param(float, 0.5, 0.0, 1.0, "adaptation rate r of the world image")},
    state=(0.0,),
)
def adaptive_tit_for_tat(my, opp, t, state, params, info, rng):
    """Keeps an image w of the partner, w <- w + r (1 - w) after its C and w <- w - r w after its D, and cooperates iff w >= 1/2. (Tzafestas 2000, SAB-2000; as in axelrod 4.13.1)

    specific: at the default rate 1/2 the image is the partner's last move (it is Tit For Tat); lower rates smooth it into a reputation.

    Cooperates on the first move without updating the image. As in axelrod the
    image starts at the rate r, not at 1/2 (Tzafestas' starting value 1/2 is the
    class default that the constructor overwrites): with r < 1/2 the first update
    after a C can still leave w < 1/2. At r = 1/2 it plays Tit For Tat except in one
    floating-point corner, reproduced here: 53 consecutive partner cooperations
    from w = 1/2 bring w to exactly 1.0 (1 - 2^-54 rounds up), and a single
    defection then leaves w = 0.5, which it answers with C.
    """
    if t == 0:
        state[0] = params[0]
        return C
    r = params[0]
    if opp[t - 1] == C:
        state[0] += r * (1.0 - state[0])
    else:
        state[0] -= r * state[0]
    if state[0] >= 0.5:
        return C
    return D


# state: 0 punishments still to play, 1 calming cooperations still to play


@strategy("Gradual", oracle="moves", reciprocity="specific", state=(0.0, 0.0))
def gradual(my, opp, t, state, params, info, rng):
    """Answers a defection with as many defections as the partner has made so far, then two cooperations. (Beaufils et al. 1997, as coded by CRISTAL-SMAC 2018; as in axelrod 4.13.1)

    specific: an explicit, growing account of the partner's defaults, settled before cooperation resumes.

    Cooperates first. When not punishing or calming and the partner's last move
    was D, it defects now and for the next d - 1 turns, d being the partner's total
    defections so far, then cooperates twice whatever the partner does. The
    partner's moves during a punishment or calm are not looked at, except that
    they add to d, which is read afresh at the next trigger.
    """
    if t == 0:
        return C
    if state[0] > 0.0:
        state[0] -= 1.0
        return D
    if state[1] > 0.0:
        state[1] -= 1.0
        return C
    if opp[t - 1] == D:
        state[0] = (t - info[INFO_OPP_COOPS]) - 1.0
        state[1] = 2.0
        return D
    return C


# state: 0 calming, 1 punishing, 2 punishments played, 3 punishment length (offences)


@strategy("Original Gradual", oracle="moves", reciprocity="specific", state=(0.0, 0.0, 0.0, 0.0))
def original_gradual(my, opp, t, state, params, info, rng):
    """Punishes the n-th offence with n defections, then cooperates twice. (Beaufils et al. 1997, Artificial Life V; as in axelrod 4.13.1)

    specific: an explicit account of offences, each charged more than the last and settled before cooperation resumes.

    Cooperates first. A partner defection seen while neither punishing nor calming
    is the n-th offence: it defects n times (starting now) and then cooperates
    twice whatever the partner does. Partner defections during a punishment or a
    calm are not counted, which is how the published scores come out (see the
    module docstring).
    """
    if state[0] > 0.5:
        state[0] = 0.0
        return C
    if state[1] > 0.5:
        if state[2] < state[3]:
            state[2] += 1.0
            return D
        state[0] = 1.0
        state[1] = 0.0
        state[2] = 0.0
        return C
    if t > 0 and opp[t - 1] == D:
        state[1] = 1.0
        state[2] += 1.0
        state[3] += 1.0
        return D
    return C


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


@strategy("Michaelos", oracle="statistics", reciprocity="specific", uses_length=True, stochastic=True, state=(0.0,))
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


@strategy("Slow Tit For Two Tats 2", oracle="moves", reciprocity="diffuse", memory_depth=2)
def slow_tit_for_two_tats_2(my, opp, t, state, params, info, rng):
    """Cooperates twice; then copies the partner when its last two moves agree, else repeats its own last move. (Slow Tit For Tat, PRISON 1998; as in axelrod 4.13.1)

    diffuse: measured: lets 125 payoff units stand, answers after 2 turns, returns 0.86 of the harm, no echo (docs/reference/reciprocity.md).
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
    reciprocity="diffuse",
    memory_depth=3,
    params={
        "N": Param(int, 3, 0, math.inf, "defections played in answer to a trigger"),
        "M": Param(int, 2, 0, math.inf, "consecutive partner defections that trigger them"),
    },
    state=(0.0, 0.0),
)
def n_tits_for_m_tats(my, opp, t, state, params, info, rng):
    """Answers M consecutive partner defections with N defections; every further D that keeps the run at M or more restarts the N. (Marc Harper, as in axelrod 4.13.1)

    diffuse: measured: lets 125 payoff units stand, answers after 2 turns, returns 1.00 of the harm, no echo (docs/reference/reciprocity.md).

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
