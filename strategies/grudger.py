"""The Grudger family: trigger strategies, where a defection ends cooperation, and their
variants.

Grudger (Friedman's trigger strategy: Friedman, J. W. (1971). "A non-cooperative
equilibrium for supergames". Review of Economic Studies 38(1), 1-12; Axelrod 1980) and
the variants ``axelrod`` 4.13.1 keeps in ``axelrod/strategies/grudger.py``: delayed,
softened, forgetful and inverted triggers, most written for ``axelrod`` itself (names
by Geraint Palmer, Thomas Campbell, J. Taylor Smith) or taken from the PRISON project
of the LIFL, Lille (Mathieu, Delahaye et al. 1998, "[Prison1998]"); and CAPRI (Murase,
Y. and Baek, S. K. (2020). "Five rules for friendly rivalry in direct reciprocity".
Scientific Reports 10, 16904).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/grudger.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_grudger.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

import math

import numpy as np
from numba import njit

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, Param, strategy


@strategy(
    "Grudger",
    oracle="moves",
    aliases=["Grim Trigger", "Grim", "Friedman", "Spiteful"],
    reciprocity="specific",
)
def grudger(my, opp, t, state, params, info, rng):
    """Cooperates until the partner defects once, then defects for ever. (Friedman 1971; Axelrod 1980)

    specific: a strict account that one default closes for good.
    """
    if info[INFO_OPP_COOPS] < t:
        return D
    return C


@strategy("Aggravater", oracle="moves", reciprocity="negative")
def aggravater(my, opp, t, state, params, info, rng):
    """Defects on the first three moves, then plays Grudger: defects for ever once the partner has defected. (Thomas Campbell, as in axelrod 4.13.1)

    negative: opens with three unprovoked defections and answers any retaliation with defection for good, ill for ill.

    The partner's defections in the first three moves count for the grudge.
    """
    if t < 3 or info[INFO_OPP_COOPS] < t:
        return D
    return C


@strategy("SpitefulCC", oracle="moves", reciprocity="specific")
def spiteful_cc(my, opp, t, state, params, info, rng):
    """Cooperates on the first two moves whatever happens, then plays Grudger. (spiteful_cc, Mathieu & Delahaye 2015; as in axelrod 4.13.1)

    specific: a strict account that one default closes for good, opened after two moves of credit.

    A defection in the partner's first move is still remembered from move 3 on.
    """
    if t < 2 or info[INFO_OPP_COOPS] == t:
        return C
    return D


@strategy("Opposite Grudger", oracle="moves", reciprocity="diffuse")
def opposite_grudger(my, opp, t, state, params, info, rng):
    """Defects until the partner cooperates once, then cooperates for ever. (Geraint Palmer, as in axelrod 4.13.1)

    diffuse: a single cooperation opens a credit that no later defection withdraws.
    """
    if info[INFO_OPP_COOPS] > 0.0:
        return C
    return D


@strategy("EasyGo", oracle="moves", reciprocity="other")
def easy_go(my, opp, t, state, params, info, rng):
    """Defects until the partner defects once, then cooperates for ever. (Easy Go, PRISON 1998; Reverse Grudger, Li 2011; as in axelrod 4.13.1)

    other: Grudger turned inside out; a defection is answered with lasting cooperation, which is neither paid back nor credited.

    It opens with D (the empty history holds no defection).
    """
    if info[INFO_OPP_COOPS] < t:
        return C
    return D


@strategy("GrudgerAlternator", oracle="moves", reciprocity="specific")
def grudger_alternator(my, opp, t, state, params, info, rng):
    """Cooperates until the partner defects once, then alternates D, C for ever. (c_then_per_dc, PRISON 1998; as in axelrod 4.13.1)

    specific: one default closes the account; what follows is a fixed alternation, not a response.

    After the trigger it plays the opposite of its own last move *as played*: a move
    flipped by noise shifts the phase of the alternation (D after C, C after D).
    """
    if info[INFO_OPP_COOPS] < t and my[t - 1] == C:
        return D
    return C


# state: 0 grudged (1.0 = yes), 1 defections played in the current grudge


@strategy("Forgetful Grudger", oracle="moves", reciprocity="specific", state=(0.0, 0.0))
def forgetful_grudger(my, opp, t, state, params, info, rng):
    """Grudger that forgets: a partner's defection starts a spell of exactly 10 defections, after which it looks again. (Geraint Palmer, as in axelrod 4.13.1)

    specific: each default is paid back with a fixed spell, then the account is closed.

    A spell starts when the partner's last move is D and no spell is running; the
    partner's defections during a spell are ignored; on the turn after a spell the
    partner's last move is read again, so a D there starts the next spell at once.
    axelrod classifies it as memory 10; as the spells chain from the first one, a
    move can depend on where a spell began 20 or more moves back (two games whose last
    19 rounds are identical can get different answers), so here it is unbounded.
    """
    if state[1] == 10.0:
        state[0] = 0.0
        state[1] = 0.0
    if t > 0 and opp[t - 1] == D:
        state[0] = 1.0
    if state[0] > 0.5:
        state[1] += 1.0
        return D
    return C


@njit(cache=True, inline="always")
def _soft_grudge(opp, t, state, n, d, c):
    """General Soft Grudger's step: n partner defections in a row trigger d D's then c C's.

    ``state[0]`` is 1.0 while punishing, ``state[1]`` the position in the punishment
    after the triggering D (the trigger is the first of the d defections).
    """
    if state[0] > 0.5:
        pos = state[1]
        move = D if pos < d - 1.0 else C
        state[1] = pos + 1.0
        if state[1] >= (d - 1.0) + c:
            state[0] = 0.0
            state[1] = 0.0
        return move
    # axelrod compares [D] * n with opponent.history[-n:]: with n = 0 that slice is the
    # whole history, so n = 0 triggers on the first move only.
    triggered = t == 0 if n == 0.0 else t >= n
    if triggered:
        for i in range(t - int(n), t):
            if opp[i] == C:
                triggered = False
                break
    if triggered:
        # a punishment of length 0 (d = 1, c = 0; axelrod raises IndexError) is just the trigger
        if (d - 1.0) + c > 0.0:
            state[0] = 1.0
        return D
    return C


@strategy("Soft Grudger", oracle="moves", reciprocity="specific", memory_depth=6, state=(0.0, 0.0))
def soft_grudger(my, opp, t, state, params, info, rng):
    """Answers a partner's defection with D, D, D, D, C, C, then looks again. (SGRIM, Li 2011; as in axelrod 4.13.1)

    specific: a fixed penalty for each default and a fixed offer to make peace, in strict sequence.

    The partner's moves during the six-move punishment are ignored; on the move after
    it the partner's last move is read again. axelrod's memory depth 6 holds without
    noise (its own six moves show where it is in a punishment); under noise the
    phase depends on earlier moves.
    """
    return _soft_grudge(opp, t, state, 1.0, 4.0, 2.0)


@strategy(
    "General Soft Grudger",
    oracle="moves",
    reciprocity="specific",
    params={
        "n": Param(int, 1, 0, math.inf, "consecutive partner defections that trigger a punishment"),
        "d": Param(int, 4, 1, math.inf, "defections in a punishment (the trigger is the first)"),
        "c": Param(int, 2, 0, math.inf, "cooperations of penance after the defections"),
    },
    state=(0.0, 0.0),
)
def general_soft_grudger(my, opp, t, state, params, info, rng):
    """After the partner's n-th consecutive defection, defects d times (the trigger included) and then cooperates c times. (J. Taylor Smith, as in axelrod 4.13.1)

    specific: a fixed penalty for a fixed offence, followed by a fixed offer to make peace.

    The default (1, 4, 2) is Soft Grudger. The partner's moves during a punishment
    are ignored. As in axelrod, n = 0 triggers a punishment on the first move only
    (the empty history matches "no defections"), and a run of n defections counts
    again on every move, so a longer run restarts the punishment as soon as the
    last one ends.
    """
    return _soft_grudge(opp, t, state, params[0], params[1], params[2])


def _capri_table():
    """P(C) for each last-three-rounds profile: 64 entries, key = 16 x oldest + 4 x middle + newest,
    a round coded 2 x own move + partner's move (C = 0, D = 1)."""
    cooperate = [  # (own, partner) over the last three rounds, oldest first; every other profile defects
        "CC CC CC",  # C: mutual cooperation
        "CC CC DC",
        "CC DC CD",
        "DC CD CC",
        "CD CC CC",  # A: accept punishment after one's own error
        "CC CD DC",
        "CD DC CC",
        "DC CC CC",  # P: punish once, then return to cooperation
        "DD DD DC",
        "DD DC CC",
        "DD DD CD",
        "DD CD CC",
        "DD DD CC",
        "DD CC CC",  # R: recover from mutual defection
    ]
    table = np.zeros(64)
    for profile in cooperate:
        key = 0
        for own, partner in profile.split():
            key = 4 * key + 2 * "CD".index(own) + "CD".index(partner)
        table[key] = 1.0
    return table


@strategy("CAPRI", oracle="moves", reciprocity="specific", memory_depth=3, table=_capri_table)
def capri(my, opp, t, state, params, info, rng):
    """Memory-3: Cooperate at mutual cooperation, Accept punishment, Punish a defection once, Recover from mutual defection, else defect. (Murase & Baek 2020, J. Theor. Biol. 506; as in axelrod 4.13.1)

    specific: a defection from mutual cooperation is paid back exactly once and the payback accepted without echo.

    Rounds before the first are taken as mutual cooperation. It cooperates on exactly
    these profiles of (own, partner) moves, oldest round first: (CC,CC,CC); (CC,CC,DC),
    (CC,DC,CD), (DC,CD,CC), (CD,CC,CC); (CC,CD,DC), (CD,DC,CC), (DC,CC,CC); (DD,DD,DC),
    (DD,DC,CC), (DD,DD,CD), (DD,CD,CC), (DD,DD,CC), (DD,CC,CC). The table is ``params``.
    """
    key = 0
    for k in range(t - 3, t):
        key *= 4
        if k >= 0:
            key += 2 * my[k] + opp[k]
    return C if params[key] > 0.5 else D
