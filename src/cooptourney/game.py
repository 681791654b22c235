"""The stage game: a symmetric 2x2 game (R, S, T, P), validated and classified."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import njit

#: Classes of symmetric 2x2 games named in docs/model.md, "Game", in the order they are tested.
GAME_CLASSES = (
    "Prisoner's Dilemma",
    "Chicken",
    "Stag Hunt",
    "Harmony",
    "Deadlock",
    "zero-sum-like",
    "other",
)


def classify(R: float, S: float, T: float, P: float) -> str:
    """Name the class of the symmetric game (R, S, T, P).

    Prisoner's Dilemma: T > R > P > S and 2R > T + S. Chicken (Snowdrift):
    T > R > S > P. Stag Hunt: R > T > P > S. Harmony: R > T and S > P.
    Deadlock: T > P > R > S. zero-sum-like: R = P (mutual cooperation and mutual
    defection are worth the same, so only relative position matters).
    A PD ordering without 2R > T + S is reported as "other" (alternating
    exploitation beats mutual cooperation).
    """
    if T > R > P > S:
        return "Prisoner's Dilemma" if 2 * R > T + S else "other"
    if math.isclose(R, P, rel_tol=0, abs_tol=1e-12):
        return "zero-sum-like"
    if T > R > S > P:
        return "Chicken"
    if R > T > P > S:
        return "Stag Hunt"
    if R > T and S > P:
        return "Harmony"
    if T > P > R > S:
        return "Deadlock"
    return "other"


@njit(cache=True, inline="always")
def game_generosity(R, S, T, P):
    """min(1 - (T-R)/(R-S), (R-P)/(T-P)) clipped to [0, 1] (Nowak & Sigmund 1992).

    A term whose denominator is not positive (R <= S or T <= P: not a PD) is left out;
    with neither term defined the generosity is 0 (plain Tit For Tat).
    """
    g = 2.0
    if R - S > 0.0:
        g = min(g, 1.0 - (T - R) / (R - S))
    if T - P > 0.0:
        g = min(g, (R - P) / (T - P))
    if g > 1.0:
        g = 0.0 if g == 2.0 else 1.0
    return max(g, 0.0)


#: The largest payoff (in absolute value) a game may have: far beyond any model's scale, and
#: small enough that differences, products and the sums over long runs of payoffs stay finite.
MAX_PAYOFF = 1e100


@dataclass(frozen=True)
class Game:
    """Payoffs of the symmetric 2x2 game, for the row player.

    Parameters
    ----------
    R : reward for mutual cooperation (default 3)
    S : sucker's payoff, cooperating against a defector (default 0)
    T : temptation, defecting against a cooperator (default 5)
    P : punishment for mutual defection (default 1)

    Any finite numbers within +-:data:`MAX_PAYOFF` are accepted; the ordering decides the game's class
    (:func:`classify`), which every output reports. A non-PD game is played as
    given, never silently treated as a PD.
    """

    R: float = 3.0
    S: float = 0.0
    T: float = 5.0
    P: float = 1.0

    def __post_init__(self) -> None:
        for name in ("R", "S", "T", "P"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
                raise ValueError(f"payoff {name} must be a number, got {value!r}")
            try:
                x = float(value)
            except OverflowError:  # an int beyond float64
                x = math.inf
            if math.isnan(x) or (math.isinf(x) and not isinstance(value, (int, np.integer))):
                raise ValueError(f"payoff {name} must be finite, got {value!r}")
            if abs(x) > MAX_PAYOFF:
                shown = f"{x:g}" if math.isfinite(x) else str(value)[:12] + "..."
                raise ValueError(
                    f"payoff {name} = {shown} is too large: payoffs must lie within +-{MAX_PAYOFF:g} so that "
                    "their sums stay finite (a positive factor changes no decision: scale them down)"
                )
            object.__setattr__(self, name, x)
        if self.R == self.S == self.T == self.P:
            raise ValueError(
                f"payoffs R=S=T=P={self.R} make every outcome equal; a game needs at least two different payoffs"
            )

    @classmethod
    def parse(cls, text: str) -> Game:
        """``"3,0,5,1"`` (R, S, T, P) -> Game."""
        parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
        if len(parts) != 4:
            raise ValueError(f"payoffs must be four numbers R,S,T,P (e.g. 3,0,5,1), got {text!r}")
        try:
            values = [float(p) for p in parts]
        except ValueError:
            raise ValueError(f"payoffs must be four numbers R,S,T,P (e.g. 3,0,5,1), got {text!r}") from None
        return cls(*values)

    @property
    def classification(self) -> str:
        return classify(self.R, self.S, self.T, self.P)

    @property
    def is_prisoners_dilemma(self) -> bool:
        return self.classification == "Prisoner's Dilemma"

    def as_array(self) -> np.ndarray:
        """(R, S, T, P) as float64, indexed by 2 * own_move + partner_move (C = 0, D = 1)."""
        return np.array([self.R, self.S, self.T, self.P], dtype=np.float64)

    def score(self, mine: int, theirs: int) -> float:
        return float(self.as_array()[2 * mine + theirs])

    def __str__(self) -> str:
        return f"R={self.R:g}, S={self.S:g}, T={self.T:g}, P={self.P:g} ({self.classification})"
