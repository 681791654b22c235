"""Named memory-one strategies: fixed vectors of cooperation probabilities after CC, CD, DC, DD.

The strategies of ``axelrod``'s ``axelrod/strategies/memoryone.py`` (version
4.13.1) not registered elsewhere: Win-Stay Lose-Shift, GTFT (here "Generous Tit For
Tat") and the Generic Memory One Player live in :mod:`strategies.memoryone`. Each
follows ``axelrod`` move for move where it is deterministic and draw for draw in
distribution where it is not (``tests/test_oracle_retaliate_zd.py``): a vector
entry of exactly 0 or 1 makes no random draw, as in ``axelrod``, and the entries
are computed with the same arithmetic, so they are the same floating-point
numbers (Soft Joss's 1 - 0.9 is 0.09999999999999998 in both).

Vectors are written (p_CC, p_CD, p_DC, p_DD), own move first: p_CD is the
probability of cooperating after this player cooperated and the partner defected.
Turn counting: ``t`` is the number of moves already played.
"""

from numba import njit

from cooptourney.strategy_api import C, D, Param, random_choice, strategy


@njit(cache=True, inline="always")
def _memory_one(my, opp, t, rng, p_cc, p_cd, p_dc, p_dd, first):
    """Play the vector (p_cc, p_cd, p_dc, p_dd) after an opening move ``first`` (C or D)."""
    if t == 0:
        return first
    outcome = 2 * my[t - 1] + opp[t - 1]
    if outcome == 0:
        p = p_cc
    elif outcome == 1:
        p = p_cd
    elif outcome == 2:
        p = p_dc
    else:
        p = p_dd
    return random_choice(rng, p)


@strategy(
    "Win-Shift Lose-Stay", oracle="moves",
    aliases=["Reverse Pavlov"],
    reciprocity="other",
    memory_depth=1,
    params={"cooperate_first": Param(bool, False, 0, 1, "open with C (axelrod's initial=C); default: open with D")},
)
def win_shift_lose_stay(my, opp, t, state, params, info, rng):
    """Defects first; cooperates iff the players' last moves differed, the vector (0, 1, 1, 0). (Li, Hingston & Kendall 2011; as in axelrod 4.13.1)

    other: Pavlov reversed, it shifts after a win and stays after a loss, answering mutual cooperation with defection; no account of the partner is kept.
    """
    first = C if params[0] > 0.5 else D
    return _memory_one(my, opp, t, rng, 0.0, 1.0, 1.0, 0.0, first)


@strategy(
    "Firm But Fair", oracle="statistics",
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
)
def firm_but_fair(my, opp, t, state, params, info, rng):
    """Cooperates first; defects only after being suckered, and after mutual defection cooperates with probability 2/3: (1, 0, 1, 2/3). (Frean 1994, Proc. R. Soc. B 257; as in axelrod 4.13.1)

    diffuse: after mutual defection it offers cooperation again (two times in three) without waiting for the partner to pay first, where tit for tat keeps defecting.
    """
    return _memory_one(my, opp, t, rng, 1.0, 0.0, 1.0, 2 / 3, C)


@strategy(
    "Stochastic Cooperator", oracle="statistics",
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
)
def stochastic_cooperator(my, opp, t, state, params, info, rng):
    """Cooperates first, then plays the evolved vector (0.935, 0.229, 0.266, 0.42). (Adami & Hintze 2013, Nat. Commun. 4:2193; as in axelrod 4.13.1)

    diffuse: loose equivalence; it keeps returning to cooperation after any defection (23-42% of the time) and rarely breaks mutual cooperation.
    """
    return _memory_one(my, opp, t, rng, 0.935, 0.229, 0.266, 0.42, C)


@strategy(
    "Stochastic WSLS", oracle="statistics",
    reciprocity="specific",
    memory_depth=1,
    stochastic=True,
    params={"ep": Param(float, 0.05, 0.0, 1.0, "probability of the 'wrong' move: (1-ep, ep, ep, 1-ep)")},
)
def stochastic_wsls(my, opp, t, state, params, info, rng):
    """Win-Stay Lose-Shift that errs with probability ep = 0.05: (1-ep, ep, ep, 1-ep). (Nowak & Sigmund 1993 for WSLS; as in axelrod 4.13.1, Marc Harper)

    specific: as Win-Stay Lose-Shift it settles each move by the last exchange; the errors are trembles, not credit.

    Cooperates first. At ep = 0 it is Win-Stay Lose-Shift. Not the learning
    "Stochastic WSLS" of Amaral et al. (2016).
    """
    ep = params[0]
    return _memory_one(my, opp, t, rng, 1.0 - ep, ep, ep, 1.0 - ep, C)


@strategy(
    "Soft Joss", oracle="statistics",
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
    params={"q": Param(float, 0.9, 0.0, 1.0, "probability of answering a defection with D: (1, 1-q, 1, 1-q)")},
)
def soft_joss(my, opp, t, state, params, info, rng):
    """Tit for tat that answers a defection with D only with probability q = 0.9: (1, 1-q, 1, 1-q). (PRISON project, LIFL 1998; as in axelrod 4.13.1)

    diffuse: forgives a defection one time in ten, a generous tit for tat with generosity 1 - q.

    Cooperates first. q = 1 is tit for tat, q = 0 Cooperator.
    """
    g = 1 - params[0]
    return _memory_one(my, opp, t, rng, 1.0, g, 1.0, g, C)


@strategy(
    "ALLCorALLD", oracle="statistics",
    aliases=["Repeat"],
    reciprocity="unconditional",
    memory_depth=1,
    stochastic=True,
)
def allc_or_alld(my, opp, t, state, params, info, rng):
    """Cooperates first with probability 0.6, then repeats its own last move: (1, 1, 0, 0). (Akin 2015, Games 6(3), "Repeat"; as in axelrod 4.13.1, Marc Harper)

    unconditional: after the first move it is Cooperator or Defector for the whole match, whatever the partner does.

    The limit phi = 0 of the zero-determinant strategies. "Its own last move" is
    the move actually played: under noise a flipped move switches it between
    cooperating and defecting for good. One random draw, on the first move.
    """
    if t == 0:
        return random_choice(rng, 0.6)
    return my[t - 1]


@strategy(
    "Reactive Player",
    aliases=["Reactive"],
    reciprocity="other",
    memory_depth=1,
    stochastic=True,
    params={
        "p": Param(float, 1.0, 0.0, 1.0, "P(C) after the partner cooperated"),
        "q": Param(float, 0.0, 0.0, 1.0, "P(C) after the partner defected"),
    },
)
def reactive_player(my, opp, t, state, params, info, rng):
    """Cooperates first, then with probability p after a partner C and q after a partner D: (p, q, p, q). (Nowak & Sigmund 1989, Appl. Math. Comput. 30; as in axelrod 4.13.1)

    other: its tag depends on (p, q): (1, 0) is tit for tat (specific), (1, 1/3) generous tit for tat (diffuse), (0, 0) Defector.

    axelrod's ReactivePlayer takes its two probabilities without defaults; here
    they default to (1, 0), tit for tat.
    """
    return _memory_one(my, opp, t, rng, params[0], params[1], params[0], params[1], C)
