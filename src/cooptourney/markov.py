"""Exact expected payoffs of two memory-one strategies, from their Markov chain.

A memory-one strategy is a vector ``p = (p_CC, p_CD, p_DC, p_DD)`` of probabilities of
cooperating after each outcome of the previous turn, seen from its own side (own
move first), plus the probability ``p0`` of cooperating on the first turn. Two such
players with implementation noise ``e`` (each intended move flipped with
probability e) form a Markov chain on the outcomes (CC, CD, DC, DD) of player 1::

    p_eff = (1 - e) * p + e * (1 - p)           # the move actually played
    M[s, s'] = P1(move1' | s) * P2(move2' | swap(s))

The expected total payoff over a match is a sum over turns of the state
distribution times the payoff vector, with no simulation:

* fixed length n:           v0 (I + M + ... + M^(n-1)) f
* continuation w (= 1 - prob_end), optionally capped at n turns:
                            v0 (I + wM + ... + (wM)^(n-1)) f,  or v0 (I - wM)^-1 f uncapped

and the expected length is the same sum with f = 1. :func:`expected_payoffs` returns
both totals and the per-turn means (expected total / expected length).

References
----------
Nowak & Sigmund (1990), "The evolution of stochastic strategies in the prisoner's
dilemma", Acta Applicandae Mathematicae 20. Press & Dyson (2012), PNAS 109.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from cooptourney.game import Game, game_generosity
from cooptourney.settings import SettingsError, check_length, check_probability

#: Named memory-one vectors (p_CC, p_CD, p_DC, p_DD) and first-move cooperation
#: probabilities of registered strategies whose next move depends on the last turn
#: only (memory depth 1 or 0; checked against simulation in tests/test_markov.py).
#: Generous Tit For Tat (its generosity parameter), Game Generous Tit For Tat and
#: Win-Stay Lose-Shift (from the game) are built by :func:`memory_one_vector`.
#: Grudger is not here: after a partner's single defection it defects for ever, which no
#: vector on the last turn gives once noise can turn a CD into a later CC or DC.
NAMED_VECTORS: dict[str, tuple[tuple[float, float, float, float], float]] = {
    "Cooperator": ((1, 1, 1, 1), 1),
    "Defector": ((0, 0, 0, 0), 0),
    "Tit For Tat": ((1, 0, 1, 0), 1),
    "Suspicious Tit For Tat": ((1, 0, 1, 0), 0),
    "Anti Tit For Tat": ((0, 1, 0, 1), 1),
    "Bully": ((0, 1, 0, 1), 0),
    "Random": ((0.5, 0.5, 0.5, 0.5), 0.5),
}

#: Registered memory-one strategies whose vector :func:`memory_one_vector` computes.
COMPUTED_VECTORS = ("Generous Tit For Tat", "Game Generous Tit For Tat", "Win-Stay Lose-Shift")


@dataclass(frozen=True)
class ExactPayoffs:
    """Expected totals and per-turn means for player 1 and player 2."""

    total: tuple[float, float]
    length: float
    per_turn: tuple[float, float]
    cooperation: tuple[float, float]  # expected fraction of turns each player cooperates


def _vector(p: Sequence[float], name: str) -> np.ndarray:
    v = np.asarray(p, dtype=np.float64)
    if v.shape != (4,):
        raise SettingsError(f"{name} must be four probabilities (p_CC, p_CD, p_DC, p_DD), got {p!r}")
    for k, x in zip(("p_CC", "p_CD", "p_DC", "p_DD"), v):
        check_probability(f"{name} {k}", float(x))
    return v


def memory_one_vector(name: str, game: Game | None = None) -> tuple[np.ndarray, float]:
    """The (p, p0) of a registered memory-one strategy by name, with its default parameters.

    Generous Tit For Tat forgives with its default generosity, 1/3 in every game; Game
    Generous Tit For Tat with min(1 - (T-R)/(R-S), (R-P)/(T-P)) of ``game``;
    Win-Stay Lose-Shift stays after a payoff of at least (R + P) / 2 of ``game`` and
    shifts after a lower one ((1, 0, 0, 1) in a prisoner's dilemma).

    Raises
    ------
    SettingsError
        For a strategy whose next move depends on more than the last turn (Grudger,
        Tit For 2 Tats, ...): a memory-one Markov chain does not give its payoffs.
    """
    from cooptourney.registry import get_strategy

    spec = get_strategy(name)
    g = game or Game()
    if spec.memory_depth > 1:
        raise SettingsError(
            f"{spec.name} is not memory-one (memory depth {spec.memory_depth:g}): its next move depends on more "
            "than the last turn, so the memory-one Markov chain cannot give its payoffs; simulate it "
            "(Tournament, Match) instead"
        )
    if spec.name == "Generous Tit For Tat":
        gen = float(game_generosity(3.0, 0.0, 5.0, 1.0))  # the default game's, kept in every game
        return np.array([1.0, gen, 1.0, gen]), 1.0
    if spec.name == "Game Generous Tit For Tat":
        gen = float(game_generosity(g.R, g.S, g.T, g.P))
        return np.array([1.0, gen, 1.0, gen]), 1.0
    if spec.name == "Win-Stay Lose-Shift":
        aspiration = 0.5 * (g.R + g.P)
        # a win (payoff >= aspiration) repeats the last move, a loss switches it
        stay = [x >= aspiration for x in (g.R, g.S, g.T, g.P)]
        return np.array(
            [1.0 if stay[0] else 0.0, 1.0 if stay[1] else 0.0, 0.0 if stay[2] else 1.0, 0.0 if stay[3] else 1.0]
        ), 1.0
    if spec.name not in NAMED_VECTORS:
        raise SettingsError(
            f"{spec.name!r} has no known memory-one vector; known: "
            + ", ".join(sorted([*NAMED_VECTORS, *COMPUTED_VECTORS]))
        )
    p, p0 = NAMED_VECTORS[spec.name]
    return np.array(p, dtype=np.float64), float(p0)


def transition_matrix(p: Sequence[float], q: Sequence[float], noise: float = 0.0) -> np.ndarray:
    """4x4 transition matrix on player 1's outcomes (CC, CD, DC, DD)."""
    e = check_probability("noise", noise)
    p = _vector(p, "p")
    q = _vector(q, "q")
    p1 = (1 - e) * p + e * (1 - p)
    # player 2 sees outcome (x, y) of player 1 as (y, x): CD <-> DC
    p2 = ((1 - e) * q + e * (1 - q))[[0, 2, 1, 3]]
    m = np.empty((4, 4))
    for s in range(4):
        a, b = p1[s], p2[s]
        m[s] = [a * b, a * (1 - b), (1 - a) * b, (1 - a) * (1 - b)]
    return m


def expected_payoffs(
    p: Sequence[float],
    q: Sequence[float],
    p0: float = 1.0,
    q0: float = 1.0,
    game: Game | None = None,
    noise: float = 0.0,
    turns: int | None = None,
    prob_end: float | None = None,
) -> ExactPayoffs:
    """Expected payoffs of memory-one players (p, p0) and (q, q0), exactly.

    Parameters
    ----------
    p, q : sequence of 4 floats
        Cooperation probabilities after CC, CD, DC, DD, each from its own side.
    p0, q0 : float
        Probabilities of cooperating on the first turn (before noise).
    game : Game
        Payoffs (default 3, 0, 5, 1).
    noise : float
        Implementation noise, applied to every move including the first.
    turns, prob_end : as in :class:`cooptourney.Tournament` (``turns`` caps ``prob_end``).
    """
    game = game or Game()
    if turns is None and prob_end is None:
        raise SettingsError("give turns, prob_end or both")
    n, pe = check_length(turns, prob_end)
    e = check_probability("noise", noise)
    a = (1 - e) * check_probability("p0", p0) + e * (1 - p0)
    b = (1 - e) * check_probability("q0", q0) + e * (1 - q0)
    v0 = np.array([a * b, a * (1 - b), (1 - a) * b, (1 - a) * (1 - b)])
    m = transition_matrix(p, q, noise)
    w = 1.0 - pe
    if pe > 0 and n == 0:
        occupancy = np.linalg.solve((np.eye(4) - w * m).T, v0)  # v0 (I - wM)^-1
    else:
        occupancy = np.zeros(4)
        v = v0.copy()
        for _ in range(n):
            occupancy += v
            v = w * (v @ m)
    f1 = game.as_array()  # payoff of player 1 in outcomes CC, CD, DC, DD
    f2 = f1[[0, 2, 1, 3]]  # player 2's payoff in player 1's outcome order
    length = occupancy.sum()
    t1, t2 = float(occupancy @ f1), float(occupancy @ f2)
    length = float(length)
    c1 = float(occupancy[0] + occupancy[1]) / length
    c2 = float(occupancy[0] + occupancy[2]) / length
    return ExactPayoffs(total=(t1, t2), length=length, per_turn=(t1 / length, t2 / length), cooperation=(c1, c2))
