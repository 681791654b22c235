"""Variants of Tit For Tat: longer memories, apologies, deadlock breaking, spite, smoothing.

The rules follow the Python library ``axelrod`` (version 4.13.1,
``axelrod/strategies/titfortat.py``) move for move, including its quirks, because
that library is the reference the test suite checks against
(``tests/test_oracle_tft_variants.py``). Where axelrod departs from the source it
cites, or from its own description, the docstring says so.

Plain Tit For Tat, Suspicious Tit For Tat, Tit For 2 Tats, Two Tits For Tat, Anti
Tit For Tat and Bully live in ``titfortat.py``.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; ``opponent.history[-k:]`` is ``opp[max(0, t-k):t]``.
"""

import math

from cooptourney.strategy_api import C, D, Param, strategy


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


@strategy("Hard Tit For 2 Tats", oracle="moves", reciprocity="specific", memory_depth=3)
def hard_tit_for_two_tats(my, opp, t, state, params, info, rng):
    """Defects if the partner's last three moves contain two consecutive defections. (Stewart & Plotkin 2012, PNAS 109; as in axelrod 4.13.1)

    specific: still answers like with like, but only a repeated offence, remembered for a move longer than Tit For 2 Tats.

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
    "Contrite Tit For Tat", oracle="moves",
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
    "Omega TFT", oracle="moves",
    aliases=["Omega Tit For Tat"],
    reciprocity="specific",
    params={
        "deadlock_threshold": Param(int, 3, -math.inf, math.inf,
                                    "consecutive changes of the partner's move that count as a C/D deadlock"),
        "randomness_threshold": Param(int, 8, -math.inf, math.inf,
                                      "randomness count at which it defects"),
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
    "Adaptive Tit For Tat", oracle="moves",
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
