"""Zero-determinant strategies: memory-one vectors that enforce a linear relation between payoffs.

Press & Dyson (2012), "Iterated prisoner's dilemma contains strategies that
dominate any evolutionary opponent", PNAS 109(26), showed that a memory-one player
can unilaterally enforce a linear relation between its own long-run payoff S_X and
its partner's S_Y. Stewart & Plotkin (2012), "Extortion and cooperation in the
prisoner's dilemma", PNAS 109(26), named the extortionate Extort-2 and the
generous ZDGTFT-2. This module uses the parameterisation of Hilbe, Nowak &
Sigmund (2013), "Evolution of extortion in iterated prisoner's dilemma games",
PNAS 110(17), eq. 14, as the Python library ``axelrod`` does: with slope s,
baseline l and a free scale phi the relation is

    s (S_X - l) = S_Y - l,

enforced by the vector of cooperation probabilities after CC, CD, DC, DD (own move
first)

    p_CC = 1 - phi (1 - s) (R - l)
    p_CD = 1 - phi (s (l - S) + (T - l))
    p_DC = phi ((l - S) + s (T - l))
    p_DD = phi (1 - s) (l - P)

s < 1 with l = P is extortion (extortion factor chi = 1/s), s < 1 with l = R is
generosity, s = 0 an equaliser (the partner's payoff is pinned at l). The rules
and default parameters follow ``axelrod`` 4.13.1
(``axelrod/strategies/zero_determinant.py``), because that library is the
reference the test suite checks against (``tests/strategies/test_zero_determinant.py``).
All nine cooperate on the first move.

The vector is computed every turn from the payoffs the player *perceives*
(``info[INFO_R..INFO_P]``; the plain game unless a transformer is active), in the
same order of operations as ``axelrod``, so at equal payoffs the probabilities are
bit for bit those of ``axelrod``.

Admissible parameters. ``axelrod`` refuses a player (ValueError) unless
P <= l <= R, -min((T - l)/(l - S), (l - S)/(T - l)) <= s <= 1 and every entry of
the vector lies in [0, 1] -- conditions that depend on the game, so they cannot be
checked when the player is created here (a parameter's range is fixed). The
static ranges are phi >= 0 and -1 <= s <= 1; beyond that the kernel clips each
probability to [0, 1] (``random_choice`` plays C for p >= 1, D for p <= 0) instead
of failing inside a match. :func:`admissible` states axelrod's conditions for a
given game. Note that the default vector of ZD-GTFT-2, for one, is not admissible
in every prisoner's dilemma (at R, S, T, P = 4, 0, 6, 2 its p_DC is 1.25).

ZD-Mem2 (``axelrod``'s memory-two zero-determinant player) is not memory-one and
is not part of this module.
"""

import math

from numba import njit

from cooptourney.strategy_api import (
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_T,
    C,
    Param,
    random_choice,
    strategy,
)


@njit(cache=True, inline="always")
def lr_probability(outcome, phi, s, l, R, S, T, P):
    """P(C) after ``outcome`` (0 CC, 1 CD, 2 DC, 3 DD, own move first) of the linear-relation player.

    Hilbe, Nowak & Sigmund (2013), eq. 14; the same arithmetic, in the same
    order, as ``axelrod``'s ``LRPlayer``.
    """
    if outcome == 0:
        return 1 - phi * (1 - s) * (R - l)
    if outcome == 1:
        return 1 - phi * (s * (l - S) + (T - l))
    if outcome == 2:
        return phi * ((l - S) + s * (T - l))
    return phi * (1 - s) * (l - P)


def four_vector(phi, s, l, R, S, T, P):
    """The vector (p_CC, p_CD, p_DC, p_DD) for parameters (phi, s, l) in the game (R, S, T, P)."""
    return tuple(float(lr_probability(k, phi, s, l, R, S, T, P)) for k in range(4))


def admissible(phi, s, l, R, S, T, P):
    """True iff ``axelrod`` would accept (phi, s, l) in the game (R, S, T, P).

    Its conditions: P <= l <= R, s_min <= s <= 1 with
    s_min = -min((T - l)/(l - S), (l - S)/(T - l)), and a vector in [0, 1].
    """
    try:
        s_min = -min((T - l) / (l - S), (l - S) / (T - l))
    except ZeroDivisionError:
        return False
    if l < P or l > R or s > 1 or s < s_min:
        return False
    return all(0 <= p <= 1 for p in four_vector(phi, s, l, R, S, T, P))


@njit(cache=True, inline="always")
def _lr_move(my, opp, t, info, rng, phi, s, l):
    if t == 0:
        return C
    p = lr_probability(2 * my[t - 1] + opp[t - 1], phi, s, l, info[INFO_R], info[INFO_S], info[INFO_T], info[INFO_P])
    return random_choice(rng, p)


def _phi(default):
    return Param(
        float,
        default,
        0.0,
        math.inf,
        "scale phi of the vector; admissible values depend on the game (module docstring)",
    )


def _s(default):
    return Param(
        float,
        default,
        -1.0,
        1.0,
        "slope s of s (S_X - l) = S_Y - l; 1/s is the extortion factor (axelrod: s_min <= s <= 1)",
    )


def _l(default):
    return Param(float, default, -math.inf, math.inf, "baseline payoff l; axelrod requires P <= l <= R of the game")


_ZD = dict(memory_depth=1, stochastic=True, uses_game=True)


@strategy(
    "ZD-Extort-2",
    oracle="statistics",
    aliases=["Extort-2"],
    reciprocity="negative",
    params={"phi": _phi(1 / 9), "s": _s(0.5)},
    **_ZD,
)
def zd_extort_2(my, opp, t, state, params, info, rng):
    """Extortionate ZD player with l = P, s = 1/2: the partner's surplus over P is half its own. (Press & Dyson 2012; Stewart & Plotkin 2012, Extort-2; as in axelrod 4.13.1)

    negative: extortion; it guarantees itself twice the partner's gain over mutual defection, so a partner can only raise its own score by raising the extortioner's more.

    phi = 1/9, s = 1/2, l = P of the perceived game: (8/9, 1/2, 1/3, 0) at
    3, 0, 5, 1.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], info[INFO_P])


@strategy(
    "ZD-Extort-2 v2",
    oracle="statistics",
    reciprocity="negative",
    params={"phi": _phi(1 / 8), "s": _s(0.5), "l": _l(1.0)},
    **_ZD,
)
def zd_extort_2_v2(my, opp, t, state, params, info, rng):
    """Extortionate ZD player with l = 1, s = 1/2, phi = 1/8. (Press & Dyson 2012; Kuhn 2017, EXTORT2, Stanford Encyclopedia of Philosophy; as in axelrod 4.13.1)

    negative: extortion with factor 2 over the fixed baseline 1 (P at the defaults).

    (7/8, 7/16, 3/8, 0) at 3, 0, 5, 1. Unlike ZD-Extort-2, l is a fixed number,
    not P of the game.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], params[2])


@strategy(
    "ZD-Extort3",
    oracle="statistics",
    reciprocity="negative",
    params={"phi": _phi(3 / 26), "s": _s(1 / 3), "l": _l(1.0)},
    **_ZD,
)
def zd_extort3(my, opp, t, state, params, info, rng):
    """Extortionate ZD player with extortion factor 3 (l = 1, s = 1/3, phi = 3/26). (Press & Dyson 2012; as in axelrod 4.13.1, Marc Harper)

    negative: extortion; the partner's surplus over the baseline is a third of its own.

    (11/13, 1/2, 7/26, 0) at 3, 0, 5, 1: Press and Dyson's example extortioner.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], params[2])


@strategy(
    "ZD-Extort-4",
    oracle="statistics",
    reciprocity="negative",
    params={"phi": _phi(4 / 17), "s": _s(0.25), "l": _l(1.0)},
    **_ZD,
)
def zd_extort_4(my, opp, t, state, params, info, rng):
    """Extortionate ZD player with extortion factor 4 (l = 1, s = 1/4, phi = 4/17). (Press & Dyson 2012; as in axelrod 4.13.1, Marc Harper)

    negative: extortion; the partner's surplus over the baseline is a quarter of its own, and being suckered is never forgiven (p_CD = 0).

    (11/17, 0, 8/17, 0) at 3, 0, 5, 1.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], params[2])


@strategy(
    "ZD-Extortion",
    oracle="statistics",
    reciprocity="negative",
    params={"phi": _phi(0.2), "s": _s(0.1), "l": _l(1.0)},
    **_ZD,
)
def zd_extortion(my, opp, t, state, params, info, rng):
    """Extortionate ZD player with extortion factor 10 (l = 1, s = 0.1, phi = 0.2). (Press & Dyson 2012; Roemheld 2013, "Evolutionary extortion and mischief"; as in axelrod 4.13.1)

    negative: extortion; the partner's surplus over the baseline is a tenth of its own.

    These are the defaults of axelrod's generic linear-relation player, so with
    its three parameters this is the general ZD player of eq. 14.
    (0.64, 0.18, 0.28, 0) at 3, 0, 5, 1.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], params[2])


@strategy(
    "ZD-GTFT-2",
    oracle="statistics",
    reciprocity="diffuse",
    params={"phi": _phi(0.25), "s": _s(0.5)},
    **_ZD,
)
def zd_gtft_2(my, opp, t, state, params, info, rng):
    """Generous ZD player with l = R, s = 1/2: its shortfall from R is twice the partner's. (Stewart & Plotkin 2012, ZDGTFT-2; Press & Dyson 2012; as in axelrod 4.13.1)

    diffuse: generous; it takes the larger share of any shortfall from mutual cooperation and, at the defaults, never breaks cooperation and forgives a defection one time in eight (one in four after mutual defection).

    phi = 1/4, s = 1/2, l = R of the perceived game: (1, 1/8, 1, 1/4) at 3, 0, 5, 1.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], info[INFO_R])


@strategy(
    "ZD-GEN-2",
    oracle="statistics",
    reciprocity="diffuse",
    params={"phi": _phi(1 / 8), "s": _s(0.5), "l": _l(3.0)},
    **_ZD,
)
def zd_gen_2(my, opp, t, state, params, info, rng):
    """Generous ZD player with l = 3, s = 1/2, phi = 1/8. (Press & Dyson 2012; Kuhn 2017, GEN2, Stanford Encyclopedia of Philosophy; as in axelrod 4.13.1)

    diffuse: generous; its shortfall from the baseline 3 (R at the defaults) is twice the partner's, and mutual cooperation is never broken first.

    (1, 9/16, 1/2, 1/8) at 3, 0, 5, 1. Unlike ZD-GTFT-2, l is a fixed number,
    not R of the game.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], params[2])


@strategy(
    "ZD-SET-2",
    oracle="statistics",
    reciprocity="other",
    params={"phi": _phi(0.25), "s": _s(0.0), "l": _l(2.0)},
    **_ZD,
)
def zd_set_2(my, opp, t, state, params, info, rng):
    """Equaliser ZD player (s = 0) that pins the partner's long-run payoff at l = 2. (Press & Dyson 2012; Kuhn 2017, SET2, Stanford Encyclopedia of Philosophy; as in axelrod 4.13.1)

    other: an equaliser; the partner's payoff is fixed at 2 whatever it does, so its moves are neither paid back nor credited.

    phi = 1/4: (3/4, 1/4, 1/2, 1/4) at 3, 0, 5, 1.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], params[2])


@strategy(
    "ZD-Mischief",
    oracle="statistics",
    reciprocity="negative",
    params={"phi": _phi(0.1), "s": _s(0.0), "l": _l(1.0)},
    **_ZD,
)
def zd_mischief(my, opp, t, state, params, info, rng):
    """Equaliser ZD player (s = 0) that pins the partner's long-run payoff at l = 1, mutual defection's P. (Press & Dyson 2012; Roemheld 2013, "Evolutionary extortion and mischief"; as in axelrod 4.13.1)

    negative: mischief; whatever the partner does, it gets no more than mutual defection would give it.

    phi = 0.1: (0.8, 0.6, 0.1, 0) at 3, 0, 5, 1.
    """
    return _lr_move(my, opp, t, info, rng, params[0], params[1], params[2])
