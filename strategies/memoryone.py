"""Memory-one strategies: the next move depends only on the last round.

Nowak, M. and Sigmund, K. (1993). "A strategy of win-stay, lose-shift that
outperforms tit-for-tat in the prisoner's dilemma game". Nature 364, 56-58 (WSLS);
Nowak, M. and Sigmund, K. (1992). "Tit for tat in heterogeneous populations".
Nature 355, 250-253 (generous tit for tat); Press, W. H. and Dyson, F. J. (2012),
PNAS 109(26) (the four-vector view). This module holds the strategies ``axelrod``
4.13.1 keeps in ``axelrod/strategies/memoryone.py``: Win-Stay Lose-Shift, GTFT (here
"Generous Tit For Tat", generosity 1/3 whatever the game, as axelrod's), the generic
memory-one and reactive players, and the named ones with fixed vectors (Firm But Fair,
Soft Joss, Stochastic WSLS, ...). It adds "Game Generous Tit For Tat", this project's
model choice, whose generosity Nowak & Sigmund's formula computes from the game the
player perceives.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/memoryone.py``) move for move where they are deterministic and
in distribution where they are not (each draws exactly when axelrod draws; the
docstrings say when), including its quirks, because that library is the reference the
tests check against (``tests/strategies/test_memoryone.py``). A vector entry of
exactly 0 or 1 makes no random draw, as in ``axelrod``, and the entries are computed
with the same arithmetic, so they are the same floating-point numbers (Soft Joss's 1 -
0.9 is 0.09999999999999998 in both).

Vectors are written (p_CC, p_CD, p_DC, p_DD), own move first: p_CD is the
probability of cooperating after this player cooperated and the partner defected.
Turn counting: ``t`` is the number of moves already played.
"""

from numba import njit

from cooptourney.game import game_generosity
from cooptourney.strategy_api import (
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_T,
    C,
    D,
    Param,
    payoff,
    random_choice,
    strategy,
)


@strategy(
    "Win-Stay Lose-Shift",
    oracle="moves",
    aliases=["WSLS", "Pavlov", "Simpleton"],
    reciprocity="specific",
    memory_depth=1,
    uses_game=True,
    params={
        "aspiration": Param(
            float,
            None,
            -float("inf"),
            float("inf"),
            "payoff that counts as a win; default (R + P) / 2 of the perceived game",
        )
    },
)
def win_stay_lose_shift(my, opp, t, state, params, info, rng):
    """Cooperates first; repeats its last move after a win, switches after a loss. (Nowak & Sigmund 1993)

    specific: conditions each move on the last exchange only.

    A win is a last payoff at or above the aspiration level, by default halfway between
    the (perceived) R and P. In a prisoner's dilemma R and T win and S and P lose, which
    is the memory-one vector (1, 0, 0, 1) of ``axelrod``'s Win-Stay Lose-Shift; under a
    politics transformer the player's perceived payoffs decide what counts as a win.
    """
    if t == 0:
        return C
    a = params[0]
    if a != a:  # NaN: derive from the perceived game
        a = 0.5 * (info[INFO_R] + info[INFO_P])
    if payoff(info, my[t - 1], opp[t - 1]) >= a:
        return my[t - 1]
    return 1 - my[t - 1]


#: Generous Tit For Tat's default generosity: Nowak & Sigmund's formula at the default
#: game 3, 0, 5, 1, 1 - (5 - 3) / (3 - 0) = 0.33333333333333337 (one ulp above 1/3), the
#: number axelrod 4.13.1's GTFT computes when it is made and then keeps in every game.
GTFT_GENEROSITY = 1.0 - (5.0 - 3.0) / (3.0 - 0.0)


@strategy(
    "Generous Tit For Tat",
    oracle="statistics",
    aliases=["GTFT"],
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
    params={
        "generosity": Param(
            float,
            None,
            0.0,
            1.0,
            "probability of cooperating after a defection; default 1/3 in every game, as axelrod's GTFT "
            "(Game Generous Tit For Tat computes it from the game)",
        )
    },
)
def generous_tit_for_tat(my, opp, t, state, params, info, rng):
    """Tit For Tat that forgives a defection with probability g, 1/3 by default. (Nowak & Sigmund 1992; Molander 1985)

    diffuse: extends credit after a defection instead of settling the account.

    The default g is :data:`GTFT_GENEROSITY`, 1/3, in every game, as in ``axelrod``
    4.13.1, whose GTFT computes its generosity from the default game when it is made and
    keeps it. "Game Generous Tit For Tat" follows the game instead. (The default is
    passed as NaN, so a player's identity, and with it its random streams, is what it
    was when the default came from the game: at 3, 0, 5, 1 both give the same number.)
    """
    if t == 0:
        return C
    if opp[t - 1] == C:
        return C
    g = params[0]
    if g != g:  # NaN: the default
        g = GTFT_GENEROSITY
    return random_choice(rng, g)


@strategy(
    "Game Generous Tit For Tat",
    aliases=["Game GTFT"],
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
    uses_game=True,
    oracle_note="axelrod's GTFT keeps the generosity of the default game; this one follows the game "
    "(it equals GTFT at 3, 0, 5, 1)",
)
def game_generous_tit_for_tat(my, opp, t, state, params, info, rng):
    """Generous Tit For Tat whose generosity follows the perceived game. (Nowak & Sigmund 1992)

    diffuse: extends credit after a defection instead of settling the account.

    It forgives a defection with probability g = min(1 - (T-R)/(R-S), (R-P)/(T-P))
    clipped to [0, 1] (:func:`cooptourney.game.game_generosity`), computed from the
    payoffs the player perceives: under a politics transformer, from its perceived game.
    This is the most generous forgiveness that still keeps a partner from profiting by
    defecting against it; 1/3 at 3, 0, 5, 1, where it is Generous Tit For Tat.
    """
    if t == 0:
        return C
    if opp[t - 1] == C:
        return C
    return random_choice(rng, game_generosity(info[INFO_R], info[INFO_S], info[INFO_T], info[INFO_P]))


@strategy(
    "Generic Memory One Player",
    aliases=["Memory One", "MemoryOne"],
    reciprocity="other",
    memory_depth=1,
    stochastic=True,
    params={
        "p_cc": Param(float, 1.0, 0.0, 1.0, "P(C) after mutual cooperation"),
        "p_cd": Param(float, 0.0, 0.0, 1.0, "P(C) after being exploited (own C, partner D)"),
        "p_dc": Param(float, 0.0, 0.0, 1.0, "P(C) after exploiting (own D, partner C)"),
        "p_dd": Param(float, 1.0, 0.0, 1.0, "P(C) after mutual defection"),
        "initial": Param(float, 1.0, 0.0, 1.0, "P(C) on the first move"),
    },
)
def memory_one(my, opp, t, state, params, info, rng):
    """Any memory-one vector (p_CC, p_CD, p_DC, p_DD) with a first-move probability. (Nowak & Sigmund 1990)

    other: its tag depends on the vector (TFT's (1,0,1,0) is specific, GTFT's diffuse),
    so the generic player is not tagged by itself.

    Without parameters it is Win-Stay Lose-Shift's vector (1, 0, 0, 1) opening with C,
    as ``axelrod``'s ``MemoryOnePlayer()``; draws are made only for probabilities
    strictly between 0 and 1.
    """
    if t == 0:
        return random_choice(rng, params[4])
    return random_choice(rng, params[2 * my[t - 1] + opp[t - 1]])


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
    "Win-Shift Lose-Stay",
    oracle="moves",
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
    "Firm But Fair",
    oracle="statistics",
    reciprocity="specific",
    memory_depth=1,
    stochastic=True,
)
def firm_but_fair(my, opp, t, state, params, info, rng):
    """Cooperates first; defects only after being suckered, and after mutual defection cooperates with probability 2/3: (1, 0, 1, 2/3). (Frean 1994, Proc. R. Soc. B 257; as in axelrod 4.13.1)

    specific: measured: lets 0 payoff units stand, answers after 1 turn, returns 0.69 of the harm, echoes forever (docs/reference/reciprocity.md).
    """
    return _memory_one(my, opp, t, rng, 1.0, 0.0, 1.0, 2 / 3, C)


@strategy(
    "Stochastic Cooperator",
    oracle="statistics",
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
    "Stochastic WSLS",
    oracle="statistics",
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
    "Soft Joss",
    oracle="statistics",
    reciprocity="specific",
    memory_depth=1,
    stochastic=True,
    params={"q": Param(float, 0.9, 0.0, 1.0, "probability of answering a defection with D: (1, 1-q, 1, 1-q)")},
)
def soft_joss(my, opp, t, state, params, info, rng):
    """Tit for tat that answers a defection with D only with probability q = 0.9: (1, 1-q, 1, 1-q). (PRISON project, LIFL 1998; as in axelrod 4.13.1)

    specific: measured: answers a defection at once with probability 0.9, in kind, and echoes a flip like Tit For Tat (docs/reference/reciprocity.md).

    Cooperates first. q = 1 is tit for tat, q = 0 Cooperator.
    """
    g = 1 - params[0]
    return _memory_one(my, opp, t, rng, 1.0, g, 1.0, g, C)


@strategy(
    "ALLCorALLD",
    oracle="statistics",
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
