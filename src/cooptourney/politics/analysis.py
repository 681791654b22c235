"""Analysis of the games actors perceive: class, PD range of k, shadow-of-the-future thresholds.

The perceived games come from :mod:`cooptourney.politics.transformer`:

* :func:`classify_perceived` -- the class of the game one actor perceives;
* :func:`pd_k_range` -- the relative weights that keep a game a Prisoner's Dilemma;
* :func:`tft_threshold` and :func:`grim_threshold` -- the critical continuation
  probability w* above which TFT (Grim) is collectively stable;
* :func:`gtft_generosity` -- the forgiveness of Generous TFT that follows the game;
* :func:`analyse` -- all of it, one row per actor profile.

References
----------
Axelrod, R. (1984). *The Evolution of Cooperation*. New York: Basic Books (TFT's
collective stability, Proposition 2).
Nowak, M. A. & Sigmund, K. (1992). Tit for tat in heterogeneous populations.
*Nature* 355, 250-253 (GTFT's generosity).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from cooptourney.game import Game, classify, game_generosity
from cooptourney.politics.transformer import (
    PRESETS,
    ActorProfile,
    GameLike,
    Politicization,
    as_profile,
    effective,
    payoff_values,
    perceived_values,
)
from cooptourney.settings import SettingsError

__all__ = [
    "analyse",
    "classify_perceived",
    "grim_threshold",
    "gtft_generosity",
    "pd_k_range",
    "tft_threshold",
]


# -- analysis ------------------------------------------------------------------------------
def classify_perceived(
    game: GameLike, profile: ActorProfile | str, politicization: Politicization | None = None
) -> str:
    """The class of the game one actor perceives (:func:`cooptourney.game.classify`).

    One of "Prisoner's Dilemma", "Chicken", "Stag Hunt", "Harmony", "Deadlock",
    "zero-sum-like" or "other". At 3, 0, 5, 1 with s = 0: PD for -1/4 < k < 1,
    Chicken for -2/3 < k < -1/4, Harmony for k < -2/3, zero-sum-like at k = 1,
    Deadlock for k > 1.
    """
    pol = politicization if politicization is not None else Politicization()
    return classify(*perceived_values(game, as_profile(profile), pol))


def _interval(constraints: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The open set of x with a * x > b for every (a, b): (low, high), or (nan, nan) if empty."""
    low, high = -math.inf, math.inf
    for a, b in constraints:
        if a > 0:
            low = max(low, b / a)
        elif a < 0:
            high = min(high, b / a)
        elif not b < 0.0:
            return math.nan, math.nan
    return (low, high) if low < high else (math.nan, math.nan)


def pd_k_range(game: GameLike) -> tuple[float, float]:
    """The relative weights k for which ``U = pi_i - k pi_j`` keeps ``game`` a PD.

    For a PD (T > R > P > S, 2R > T + S) the transformed game is a PD exactly for
    ``-min((T-R)/(R-S), (P-S)/(T-P)) < k < 1`` (docs/model.md, "Politics and policy"): below the lower
    bound cooperating against a cooperator beats exploiting it (T' < R') or
    being exploited beats mutual defection (S' > P'); at k = 1 mutual cooperation and
    mutual defection are both worth 0 (zero-sum-like).

    Any other game is solved from the same four strict inequalities
    (T' > R', R' > P', P' > S', 2R' > T' + S'), each linear in k, so the answer is
    exact for every game: e.g. the Deadlock 2, 0, 5, 3 becomes a PD for k > 1.

    Returns
    -------
    (low, high) : tuple of float
        The open interval of k; a bound may be infinite; ``(nan, nan)`` when no k
        makes the game a PD (e.g. Stag Hunt).

    Examples
    --------
    >>> pd_k_range(Game())
    (-0.25, 1.0)
    """
    R, S, T, P = payoff_values(game)
    return _interval(
        [
            (R - S, R - T),  # T - kS > (1-k)R
            (P - R, P - R),  # (1-k)(R - P) > 0
            (T - P, S - P),  # (1-k)P > S - kT
            (T + S - 2 * R, T + S - 2 * R),  # (1-k)(2R - T - S) > 0
        ]
    )


def _threshold(constraints: Sequence[tuple[float, float]]) -> float:
    """Smallest w in [0, 1] with a * w' >= b for every w' in [w, 1]; inf if none."""
    w_star = 0.0
    for a, b in constraints:
        tol = 1e-12 * max(1.0, abs(a), abs(b))
        if a - b < -tol:  # fails even at w = 1
            return math.inf
        if a > 0:
            w_star = max(w_star, min(1.0, b / a))
    return w_star


def tft_threshold(game: GameLike) -> float:
    """TFT's critical continuation probability w*: it is collectively stable iff w >= w*.

    ``w* = max((T-R)/(T-P), (T-R)/(R-S))`` (Axelrod 1984, Proposition 2): 2/3 at
    3, 0, 5, 1. Give it the *perceived* payoffs (:func:`perceived_game`) to get the
    threshold under the transformer: 0.875 at k = 0.5 and 1.0 at k = 1.

    Derivation, valid for any 2x2 game: against TFT a player's situation is one of
    two states (TFT will play C, or D next), so its best reply is stationary: keep
    cooperating (worth ``R / (1-w)``), always defect (``T + w P / (1-w)``) or
    alternate D, C (``(T + w S) / (1 - w^2)``). TFT is a best reply to itself iff

        w (T - P) >= T - R    and    w (R - S) >= T - R.

    Returns
    -------
    float
        The smallest w in [0, 1] from which both conditions hold up to w = 1 (the
        undiscounted limit, where they read R >= P and 2R >= T + S). In a PD this is
        the formula above. Otherwise: 0 when T <= R (cooperation pays at once:
        Harmony, Stag Hunt); the formula clipped to [0, 1] in Chicken; exactly 1.0
        when stability holds only in the limit (the zero-sum-like k = 1 transform);
        ``inf`` when TFT is not collectively stable for any w (Deadlock, where
        R < P, or 2R < T + S).
    """
    R, S, T, P = payoff_values(game)
    return _threshold([(T - P, T - R), (R - S, T - R)])


def grim_threshold(game: GameLike) -> float:
    """Grim trigger's critical continuation probability: ``(T-R)/(T-P)`` in a PD.

    1/2 at 3, 0, 5, 1 (docs/model.md, "Known values"). A deviation from mutual cooperation
    earns T once, and then Grim defects forever, so the deviator's best is
    ``max(P, S)`` per turn: Grim is a best reply to itself iff
    ``w (T - max(P, S)) >= T - R``. In a PD (P > S) this is ``(T-R)/(T-P)``; in
    Chicken (S > P) the punished player prefers to cooperate, and the threshold is
    ``(T-R)/(T-S)``. The same conventions as :func:`tft_threshold`: 0 when T <= R,
    1.0 when stability holds only in the limit, ``inf`` when never.
    """
    R, S, T, P = payoff_values(game)
    return _threshold([(T - max(P, S), T - R)])


def gtft_generosity(game: GameLike) -> float:
    """The game's generosity ``min(1 - (T-R)/(R-S), (R-P)/(T-P))``: 1/3 at 3, 0, 5, 1.

    The probability with which Generous TFT should forgive a defection in this game
    (Nowak & Sigmund 1992). This is the implementation the "Game Generous Tit For Tat"
    strategy uses (:func:`cooptourney.game.game_generosity`): clipped to [0, 1], a term
    with a non-positive denominator is left out, and 0 (plain TFT) when both are. Give
    it the perceived payoffs to get the generosity a transformed Game GTFT uses.
    "Generous Tit For Tat" itself keeps 1/3 in every game, as axelrod's GTFT.
    """
    R, S, T, P = payoff_values(game)
    return float(game_generosity(R, S, T, P))


def analyse(
    game: GameLike | None = None,
    profiles: Sequence[ActorProfile | str] | Mapping[str, ActorProfile | str] | ActorProfile | str = (),
    politicization: Politicization | None = None,
    include_plain: bool = True,
    labels: Sequence[str] | None = None,
):
    """One row per profile: its perceived game, class and shadow-of-the-future thresholds.

    Parameters
    ----------
    game : Game or (R, S, T, P), default 3, 0, 5, 1
    profiles : profiles or preset names, a sequence, or a mapping label -> profile
        Labels default to the preset name, or ``k=<k>`` for an unnamed profile.
    politicization : Politicization, default s = 0
    include_plain : bool, default True
        Put the material game itself first, labelled ``plain game``.
    labels : sequence of str, optional
        Row labels for a sequence of profiles (one each), instead of the defaults.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``profile``, with columns ``k``, ``sensitivity``, ``s_i``,
        ``k_eff``, ``q_eff``, ``R``, ``S``, ``T``, ``P`` (perceived), ``class``,
        ``tft_threshold`` (w*), ``grim_threshold`` and ``gtft_generosity``. The plain
        game's row has the material payoffs and k_eff = q_eff = s_i = 0.
    """
    import pandas as pd

    g = game if game is not None else Game()
    pol = politicization if politicization is not None else Politicization()
    if isinstance(profiles, (ActorProfile, str)):
        profiles = [profiles]
    if isinstance(profiles, Mapping):
        labelled = [(str(label), as_profile(p)) for label, p in profiles.items()]
    else:
        labelled = []
        for p in profiles:
            name = p.strip().lower() if isinstance(p, str) else None
            prof = as_profile(p)
            labelled.append((name or _label(prof), prof))
        if labels is not None:
            labels = [str(x) for x in labels]
            if len(labels) != len(labelled):
                raise SettingsError(f"got {len(labels)} labels for {len(labelled)} profiles")
            labelled = [(label, prof) for label, (_, prof) in zip(labels, labelled)]
    rows = []

    def row(label, rstp, k, sensitivity, eff):
        rows.append(
            {
                "profile": label,
                "k": k,
                "sensitivity": sensitivity,
                "s_i": eff["s_i"],
                "k_eff": eff["k"],
                "q_eff": eff["q"],
                "R": rstp[0],
                "S": rstp[1],
                "T": rstp[2],
                "P": rstp[3],
                "class": classify(*rstp),
                "tft_threshold": tft_threshold(rstp),
                "grim_threshold": grim_threshold(rstp),
                "gtft_generosity": gtft_generosity(rstp),
            }
        )

    if include_plain:
        row("plain game", payoff_values(g), 0.0, 0.0, {"s_i": 0.0, "k": 0.0, "q": 0.0})
    for label, prof in labelled:
        row(label, perceived_values(g, prof, pol), prof.k, prof.sensitivity, effective(prof, pol, g))
    columns = [
        "profile",
        "k",
        "sensitivity",
        "s_i",
        "k_eff",
        "q_eff",
        "R",
        "S",
        "T",
        "P",
        "class",
        "tft_threshold",
        "grim_threshold",
        "gtft_generosity",
    ]
    return pd.DataFrame(rows, columns=columns).set_index("profile")


def _label(profile: ActorProfile) -> str:
    for name, preset in PRESETS.items():
        if profile == preset:
            return name
    return f"k={profile.k:g}"
