"""The politics/policy payoff transformer: what each player perceives and acts on.

McKenzie's framing (docs/model.md, "Politics and policy"): **politics** is the pursuit of power inside a
community, about relative gains, with short horizons (politicians, elections);
**policy** is solving a shared problem, about absolute gains, with long horizons
(bureaucrats, professional networks). **Politicization** of an issue is both an
accelerator (it creates the will to act on a shared threat) and a brake (it brings in
us-versus-them contests and domestic vetoes).

This module is the model, in pure Python and numpy; :mod:`cooptourney.politics.analysis`
analyses the games it gives:

* :class:`ActorProfile`, one per player: relative weight ``k``, ``sensitivity`` to
  politicization, electoral ``term`` and ``reelection`` probability, institutional
  ``memory`` and ``ratification_failure``; named :data:`PRESETS`.
* :class:`Politicization`, one per issue: its level ``s`` and how strongly it
  accelerates (``theta``) and brakes (``kappa``, ``rho``).
* :func:`effective` and :func:`perceived_game`: the knobs and the 2x2 game one actor
  acts on under an issue.
* :class:`Transformer`: profiles plus politicization, turned into the arrays the
  numba kernel takes (:meth:`Transformer.kernel_arrays`).

The formulas, for player ``i`` with profile ``(k, sensitivity, ..., q)`` under an issue
``(s, theta, kappa, rho)``::

    s_i  = sensitivity * s                      how much of the politicization reaches i
    k_i' = k + s_i * kappa                      brake: relative gains weigh more
    q_i' = min(1, q + s_i * rho)                brake: more involuntary defection
    P_i' = P - s_i * theta                      accelerator: the unsolved problem hurts more
    U_i(x, y) = pi'(x, y) - k_i' * pi'(y, x)    perceived utility, pi' = game with P -> P_i'

so the perceived (R, S, T, P) of player i is
``((1 - k_i') R, S - k_i' T, T - k_i' S, (1 - k_i') P_i')``.

Material payoffs (what the world gets, the policy outcome) always stay the plain game:
politicization changes the *will* to act, not the physical cost of the problem. The
accelerator therefore enters the perceived payoffs only, like the relative weight.

Every default (:class:`ActorProfile`, :class:`Politicization`) gives the plain game back
exactly: perceived payoffs equal material ones, no involuntary defection, no elections.

References
----------
Grieco, J. M. (1988). Anarchy and the limits of cooperation: a realist critique of the
newest liberal institutionalism. *International Organization* 42(3), 485-507.
Snidal, D. (1991). Relative gains and the pattern of international cooperation.
*American Political Science Review* 85(3), 701-726.
Putnam, R. D. (1988). Diplomacy and domestic politics: the logic of two-level games.
*International Organization* 42(3), 427-460.
Scharpf, F. W. (1997). *Games Real Actors Play: Actor-Centered Institutionalism in
Policy Research*. Boulder: Westview.
McKenzie, politics and policy in international cooperation (the framing of docs/model.md,
"Politics and policy").
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from numbers import Integral, Real
from typing import Any

import numpy as np

from cooptourney.game import MAX_PAYOFF, Game
from cooptourney.settings import SettingsError, check_probability

__all__ = [
    "PRESETS",
    "ActorProfile",
    "GameLike",
    "Politicization",
    "Transformer",
    "as_profile",
    "effective",
    "payoff_values",
    "perceived_game",
    "perceived_payoffs",
    "perceived_values",
]

#: Anything the analysis functions accept as a game: a :class:`Game` or (R, S, T, P).
GameLike = Game | Sequence[float]


# -- validation helpers --------------------------------------------------------------------
def _finite(name: str, value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise SettingsError(f"{name} must be a finite number ({what}), got {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise SettingsError(f"{name} must be a finite number ({what}), got {value!r}")
    return x


def _non_negative(name: str, value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise SettingsError(f"{name} must be a finite number >= 0 ({what}), got {value!r}")
    x = float(value)
    if not math.isfinite(x) or x < 0.0:
        raise SettingsError(f"{name} must be a finite number >= 0 ({what}), got {value!r}")
    return x


def _term(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, Integral) or value < 0:
        raise SettingsError(
            f"term must be a whole number of turns >= 0 (turns between elections; 0 = no elections), got {value!r}"
        )
    return int(value)


# -- actor profiles -------------------------------------------------------------------------
@dataclass(frozen=True)
class ActorProfile:
    """How one player turns material payoffs and a political setting into play.

    The defaults give the plain game back exactly: perceived payoffs equal material
    ones, no involuntary defection, no elections.

    Parameters
    ----------
    k : float, default 0.0
        Relative weight: perceived utility ``U_i = pi_i - k * pi_j``, any finite real.
        ``k > 0`` is rivalry (relative gains count: politics), ``k < 0`` solidarity
        (the partner's gain counts as one's own), ``k = 0`` the individualistic,
        absolute-gains actor (policy). These are Scharpf's (1997) interaction
        orientations: individualism, competition and solidarity. Grieco (1988)
        writes the realist state's utility as ``U = V - k_G (W - V)``; that is
        ``(1 + k_G) (V - k W)`` with ``k = k_G / (1 + k_G)``, a positive rescaling,
        so both give the same best responses, game class and thresholds (every
        ``k_G >= 0`` lands in ``0 <= k < 1``).
        At the default payoffs 3, 0, 5, 1 the game stays a PD for ``-1/4 < k < 1``
        (:func:`pd_k_range`).
    sensitivity : float, default 1.0
        How strongly the issue's politicization reaches this actor, ``>= 0``:
        the actor feels ``s_i = sensitivity * s``. 1 is the reference (a politician
        feels all of it), 0 makes politicization irrelevant for this actor.
    term : int, default 0
        Turns between elections, ``>= 0``; 0 means no elections. Every ``term``
        turns the incumbent is replaced with probability ``1 - reelection``.
    reelection : float, default 1.0
        Probability in [0, 1] that the incumbent is re-elected at each election.
    memory : float, default 1.0
        Institutional memory ``m`` in [0, 1] (a secretariat, a bureaucracy that
        outlives a leader): on replacement the strategy's state survives with
        probability ``m``, else the strategy restarts as new.
    ratification_failure : float, default 0.0
        ``q`` in [0, 1], Putnam's (1988) involuntary defection: an intended C is
        played as D with probability ``q`` (the deal fails at home). Intended Ds are
        never turned into Cs: this is asymmetric, per-player noise.

    Raises
    ------
    SettingsError
        With a message saying which knob is wrong and what is allowed.

    See Also
    --------
    PRESETS : named profiles (``neutral``, ``policy``/``bureaucrat``, ``politics``/``politician``).

    References
    ----------
    Grieco (1988), *International Organization* 42; Snidal (1991), *APSR* 85;
    Putnam (1988), *International Organization* 42; Scharpf (1997), *Games Real
    Actors Play*; McKenzie (politics and policy, the framing of docs/model.md, "Politics and policy").
    """

    k: float = 0.0
    sensitivity: float = 1.0
    term: int = 0
    reelection: float = 1.0
    memory: float = 1.0
    ratification_failure: float = 0.0

    def __post_init__(self) -> None:
        values = {
            "k": _finite("k", self.k, "relative weight: k > 0 rivalry, k < 0 solidarity, 0 absolute gains"),
            "sensitivity": _non_negative(
                "sensitivity", self.sensitivity, "how strongly politicization reaches this actor; 0 = not at all"
            ),
            "term": _term(self.term),
            "reelection": check_probability("reelection", self.reelection),
            "memory": check_probability("memory", self.memory),
            "ratification_failure": check_probability("ratification_failure", self.ratification_failure),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @classmethod
    def preset(cls, name: str) -> ActorProfile:
        """The named profile from :data:`PRESETS` (case-, space- and hyphen-insensitive).

        Raises
        ------
        SettingsError
            For an unknown name, suggesting the closest preset and listing all of them.
        """
        if not isinstance(name, str):
            raise SettingsError(f"a preset is named by a string ({', '.join(PRESETS)}), got {name!r}")
        key = name.strip().lower().replace("-", "_").replace(" ", "_")
        if key in PRESETS:
            return PRESETS[key]
        close = difflib.get_close_matches(key, list(PRESETS), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise SettingsError(f"unknown actor preset {name!r}{hint} (allowed: {', '.join(PRESETS)})")

    @property
    def has_elections(self) -> bool:
        """True when elections can replace the incumbent (``term > 0`` and ``reelection < 1``)."""
        return self.term > 0 and self.reelection < 1.0

    def as_dict(self) -> dict[str, float | int]:
        """The six knobs, for settings files and results."""
        return asdict(self)


_NEUTRAL = ActorProfile()
_POLICY = ActorProfile(k=0.0, sensitivity=0.2, term=0, reelection=1.0, memory=1.0, ratification_failure=0.0)
_POLITICS = ActorProfile(k=0.3, sensitivity=1.0, term=50, reelection=0.5, memory=0.0, ratification_failure=0.02)

#: Named actor profiles (aliases share one object). Every number is a modelling choice
#: made to express McKenzie's politics/policy contrast at the default payoffs 3, 0, 5, 1;
#: none is an empirical estimate.
#:
#: ``neutral``
#:     All defaults: the plain game, no politics at all.
#: ``policy`` / ``bureaucrat`` (policy: absolute gains, long horizon)
#:     ``k = 0``: absolute gains, Scharpf's individualistic orientation, the liberal
#:     institutionalist actor Grieco (1988) argues against; ``sensitivity = 0.2``:
#:     professional networks are insulated from the issue's politicization and feel a
#:     fifth of it (at ``s = 1`` and the default kappa, k' = 0.1 and the game stays a
#:     PD with TFT's threshold 0.719); ``term = 0``: career officials face no elections;
#:     ``memory = 1``: the bureaucracy *is* the institutional memory; ``q = 0``:
#:     administrative agreements need no domestic ratification.
#: ``politics`` / ``politician`` (politics: relative gains, short horizon)
#:     ``k = 0.3``: rivalry (Grieco's relative-gains concern, Snidal's two-actor case
#:     where it matters most), chosen inside the PD range ``-1/4 < k < 1`` of 3, 0, 5, 1
#:     so the game stays a PD but TFT's critical continuation probability rises from
#:     2/3 to 0.806 (perceived R, S, T, P = 2.1, -1.5, 5, 0.7);
#:     ``sensitivity = 1``: the reference actor, who feels all of the politicization;
#:     ``term = 50``: an election every 50 turns, four terms in the default 200-turn
#:     match; ``reelection = 0.5``: maximally uncertain re-election, a coin flip;
#:     ``memory = 0``: a new government starts afresh, without the predecessor's
#:     record of reciprocity; ``q = 0.02``: Putnam's (1988) involuntary defection,
#:     2% of intended cooperation fails at home, twice the 1% noise of Wu & Axelrod
#:     (1995) (and 12% at ``s = 1`` with the default rho).
PRESETS: dict[str, ActorProfile] = {
    "neutral": _NEUTRAL,
    "policy": _POLICY,
    "bureaucrat": _POLICY,
    "politics": _POLITICS,
    "politician": _POLITICS,
}


# -- issue-level politicization -----------------------------------------------------------
@dataclass(frozen=True)
class Politicization:
    """How politicized an issue is, and what politicization does (docs/model.md, "Politics and policy").

    An actor with sensitivity ``sigma`` feels ``s_i = sigma * s``. Politicization is
    both an accelerator and a brake:

    * accelerator: leaving the shared problem unsolved is perceived to cost more,
      ``P_i' = P - s_i * theta``. Large enough, this turns the PD into Chicken: the
      actor would rather be exploited than let the problem stay unsolved;
    * brake: relative gains weigh more, ``k_i' = k + s_i * kappa``, and domestic
      ratification fails more often, ``q_i' = min(1, q + s_i * rho)``.

    Parameters
    ----------
    s : float, default 0.0
        Issue-level politicization in [0, 1]; 0 leaves every actor's own profile
        untouched.
    theta : float, default 2.0
        Threat severity, ``>= 0`` (accelerator). The default 2 is the smallest round
        number that crosses the Chicken boundary at full politicization: at
        ``s = 1`` a neutral actor (k = 0) perceives ``P' = P - theta = -1 < S = 0``,
        so, taken alone (``kappa = 0``), the accelerator turns 3, 0, 5, 1 into
        Chicken (T 5 > R 3 > S 0 > P' -1).
    kappa : float, default 0.5
        How much politicization raises the relative weight, ``>= 0`` (brake). The
        default 0.5 makes a neutral actor at ``s = 1`` weigh the partner's payoff at
        one half: k' = 0.5 and TFT's threshold w* rises from 2/3 to 0.875, still a PD.
    rho : float, default 0.1
        How much politicization raises ratification failure, ``>= 0`` (brake). The
        default 0.1 means full politicization adds 10% involuntary defection: one
        intended cooperation in ten fails at home. A modelling choice, not an
        estimate: large enough for the echo pathology to show within a match, small
        enough that most intended cooperation still gets through.

    Notes
    -----
    The accelerator and the brake act together. With all three defaults at ``s = 1``
    a neutral actor perceives (R, S, T, P) = (1.5, -2.5, 5, -0.5): the brake's
    ``S' = S - k'T`` falls faster than the accelerator pushes ``P'`` down, so the game
    is a PD again (Chicken needs ``S - k'T > (1 - k')(P - theta)``, i.e. theta > 6 at
    k' = 0.5). Which force wins is the point of the model, not a bug.

    Raises
    ------
    SettingsError
        With a message saying which parameter is wrong and what is allowed.

    References
    ----------
    McKenzie (politicization as accelerator and brake, docs/model.md, "Politics and policy");
    Putnam (1988), *International Organization* 42 (ratification);
    Grieco (1988), *International Organization* 42 and Snidal (1991), *APSR* 85
    (relative gains).
    """

    s: float = 0.0
    theta: float = 2.0
    kappa: float = 0.5
    rho: float = 0.1

    def __post_init__(self) -> None:
        if isinstance(self.s, bool) or not isinstance(self.s, Real) or not 0.0 <= float(self.s) <= 1.0:
            raise SettingsError(
                f"s (politicization) must be a number in [0, 1] (0 = not politicized, 1 = fully), got {self.s!r}"
            )
        values = {
            "s": float(self.s),
            "theta": _non_negative("theta", self.theta, "threat severity: P' = P - s_i * theta"),
            "kappa": _non_negative(
                "kappa", self.kappa, "politicization's effect on the relative weight: k' = k + s_i * kappa"
            ),
            "rho": _non_negative(
                "rho", self.rho, "politicization's effect on ratification failure: q' = q + s_i * rho"
            ),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def as_dict(self) -> dict[str, float]:
        """The four parameters, for settings files and results."""
        return asdict(self)


# -- one actor under one issue --------------------------------------------------------------
def payoff_values(game: GameLike) -> tuple[float, float, float, float]:
    """(R, S, T, P) as floats from a :class:`Game` or four numbers."""
    if isinstance(game, Game):
        return game.R, game.S, game.T, game.P
    try:
        values = tuple(_finite(name, x, "a payoff") for name, x in zip("RSTP", game, strict=True))
    except (TypeError, ValueError, OverflowError):
        raise SettingsError(f"a game is a Game or four finite payoffs (R, S, T, P), got {game!r:.80}") from None
    if max(abs(x) for x in values) > MAX_PAYOFF:
        raise SettingsError(f"payoffs must lie within +-{MAX_PAYOFF:g}, got {values!r}")
    return values  # type: ignore[return-value]


def as_profile(profile: ActorProfile | str) -> ActorProfile:
    """An :class:`ActorProfile`, or the preset of that name."""
    if isinstance(profile, str):
        return ActorProfile.preset(profile)
    if not isinstance(profile, ActorProfile):
        raise SettingsError(
            f"a profile must be an ActorProfile or a preset name ({', '.join(PRESETS)}), got {profile!r}"
        )
    return profile


def effective(
    profile: ActorProfile | str,
    politicization: Politicization | None = None,
    game: GameLike | None = None,
) -> dict[str, float]:
    """The knobs one actor acts on under an issue.

    Parameters
    ----------
    profile : ActorProfile or preset name
    politicization : Politicization, default ``Politicization()`` (s = 0)
    game : Game or (R, S, T, P), default 3, 0, 5, 1
        Needed for the perceived mutual-defection payoff ``P``.

    Returns
    -------
    dict
        ``s_i = sensitivity * s``; ``k = k + s_i * kappa``; ``q = min(1,
        ratification_failure + s_i * rho)`` (clipped to 1, a probability);
        ``P = P - s_i * theta``, the perceived payoff of mutual defection *before*
        the relative weight is applied (the material P is unchanged).

    Examples
    --------
    >>> {key: round(x, 6) for key, x in effective("politician", Politicization(s=1.0)).items()}
    {'s_i': 1.0, 'k': 0.8, 'q': 0.12, 'P': -1.0}
    """
    profile = as_profile(profile)
    pol = politicization if politicization is not None else Politicization()
    P = payoff_values(game if game is not None else Game())[3]
    s_i = profile.sensitivity * pol.s
    return {
        "s_i": s_i,
        "k": profile.k + s_i * pol.kappa,
        "q": min(1.0, profile.ratification_failure + s_i * pol.rho),
        "P": P - s_i * pol.theta,
    }


def perceived_values(game: GameLike, profile: ActorProfile, pol: Politicization) -> tuple[float, float, float, float]:
    """The perceived (R, S, T, P) as floats (see :func:`perceived_payoffs`)."""
    R, S, T, _ = payoff_values(game)
    eff = effective(profile, pol, game)
    k, P = eff["k"], eff["P"]
    if k == 0.0:  # exactly the (accelerated) game, no rounding from 1 - 0
        values = R, S, T, P
    else:
        values = (1.0 - k) * R, S - k * T, T - k * S, (1.0 - k) * P
    largest = max(abs(x) for x in values)
    if not largest <= MAX_PAYOFF:
        raise SettingsError(
            f"the perceived payoffs of profile {profile.as_dict()} under s = {pol.s:g}, theta = {pol.theta:g}, "
            f"kappa = {pol.kappa:g} reach {largest:.3g} (k' = {k:.3g}, P' = {P:.3g}); perceived payoffs must lie "
            f"within +-{MAX_PAYOFF:g}, like material ones: use a smaller k, sensitivity, theta or kappa"
        )
    return values


def perceived_payoffs(
    game: GameLike, profile: ActorProfile | str, politicization: Politicization | None = None
) -> np.ndarray:
    """float64[4]: the perceived (R, S, T, P) of one actor, in :meth:`Game.as_array` order.

    ``((1 - k') R, S - k' T, T - k' S, (1 - k') P')`` with ``k'`` and ``P'`` from
    :func:`effective`. Unlike :func:`perceived_game` this never raises for a
    perceived game whose four payoffs are equal (an actor indifferent to everything).
    """
    pol = politicization if politicization is not None else Politicization()
    return np.array(perceived_values(game, as_profile(profile), pol), dtype=np.float64)


def perceived_game(game: GameLike, profile: ActorProfile | str, politicization: Politicization | None = None) -> Game:
    """The 2x2 game one actor perceives and acts on (row player's payoffs).

    ``U_i(x, y) = pi'(x, y) - k' pi'(y, x)``, where ``pi'`` is ``game`` with ``P``
    replaced by ``P' = P - s_i * theta``, so perceived (R, S, T, P) =
    ``((1 - k') R, S - k' T, T - k' S, (1 - k') P')``.

    Examples
    --------
    >>> perceived_game(Game(), ActorProfile(k=0.5))
    Game(R=1.5, S=-2.5, T=5.0, P=0.5)
    """
    pol = politicization if politicization is not None else Politicization()
    values = perceived_values(game, as_profile(profile), pol)
    try:
        return Game(*values)
    except ValueError as exc:
        raise SettingsError(f"the perceived game of {profile!r} is degenerate: {exc}") from None


# -- the transformer ------------------------------------------------------------------------
@dataclass(frozen=True)
class Transformer:
    """Actor profiles plus an issue's politicization, ready for the kernel.

    Parameters
    ----------
    profiles : ActorProfile, preset name, or a sequence of them
        One profile (or preset name) for every player, or one per player in the
        tournament's player order (checked against the number of players in
        :meth:`kernel_arrays`). Stored as an :class:`ActorProfile` or a tuple of them.
    politicization : Politicization, default ``Politicization()`` (s = 0)

    Examples
    --------
    >>> t = Transformer(("politician", "bureaucrat"), Politicization(s=0.5))
    >>> t.kernel_arrays(Game(), 2)["fail"]
    array([0.07, 0.01])
    """

    profiles: tuple[ActorProfile, ...] | ActorProfile = field(default_factory=ActorProfile)
    politicization: Politicization = field(default_factory=Politicization)

    def __post_init__(self) -> None:
        profiles = self.profiles
        if isinstance(profiles, (ActorProfile, str)):
            profiles = as_profile(profiles)
        else:
            try:
                items = list(profiles)
            except TypeError:
                raise SettingsError(
                    f"profiles must be an ActorProfile, a preset name or a sequence of them, got {profiles!r}"
                ) from None
            if not items:
                raise SettingsError("profiles must not be empty: give one profile for all players or one per player")
            profiles = tuple(as_profile(p) for p in items)
        object.__setattr__(self, "profiles", profiles)
        if not isinstance(self.politicization, Politicization):
            raise SettingsError(f"politicization must be a Politicization, got {self.politicization!r}")

    def profile_list(self, n_players: int) -> tuple[ActorProfile, ...]:
        """One profile per player; a per-player tuple must have exactly ``n_players`` entries."""
        if isinstance(n_players, bool) or not isinstance(n_players, Integral) or n_players < 1:
            raise SettingsError(f"n_players must be a whole number >= 1, got {n_players!r}")
        if isinstance(self.profiles, ActorProfile):
            return (self.profiles,) * int(n_players)
        if len(self.profiles) != n_players:
            raise SettingsError(
                f"got {len(self.profiles)} actor profiles for {n_players} players: "
                "give one profile for all players or exactly one per player"
            )
        return self.profiles

    def kernel_arrays(self, game: GameLike, n_players: int) -> dict[str, np.ndarray]:
        """The per-player arrays the numba kernel takes (C-contiguous).

        Returns
        -------
        dict
            ``perceived`` float64[n, 4]: each player's perceived (R, S, T, P), in
            :meth:`Game.as_array` order; ``fail`` float64[n]: ratification failure
            ``q_i'`` (probability that an intended C is played as D);
            ``term`` int64[n]: turns between elections, 0 = none;
            ``reelection`` float64[n]; ``memory`` float64[n].

        Raises
        ------
        SettingsError
            When a per-player tuple's length differs from ``n_players``.
        """
        profiles = self.profile_list(n_players)
        pol = self.politicization
        n = len(profiles)
        perceived = np.empty((n, 4), dtype=np.float64)
        fail = np.empty(n, dtype=np.float64)
        for i, p in enumerate(profiles):
            perceived[i] = perceived_values(game, p, pol)
            fail[i] = effective(p, pol, game)["q"]
        return {
            "perceived": perceived,
            "fail": fail,
            "term": np.array([p.term for p in profiles], dtype=np.int64),
            "reelection": np.array([p.reelection for p in profiles], dtype=np.float64),
            "memory": np.array([p.memory for p in profiles], dtype=np.float64),
        }

    def is_neutral(self, game: GameLike) -> bool:
        """True when the transformer changes nothing, so the engine may skip it.

        Every player's perceived payoffs equal the material ones exactly, no
        ratification failure (q' = 0) and no elections that can replace anyone
        (``term == 0`` or ``reelection == 1``). Institutional memory is not
        consulted: replacement with ``memory = 1`` leaves play unchanged, but it
        still happens (and is counted), so such a setting is not called neutral.
        """
        material = np.array(payoff_values(game), dtype=np.float64)
        profiles = (self.profiles,) if isinstance(self.profiles, ActorProfile) else self.profiles
        for p in profiles:
            if p.has_elections or effective(p, self.politicization, game)["q"] != 0.0:
                return False
            if not np.array_equal(np.array(perceived_values(game, p, self.politicization)), material):
                return False
        return True

    def as_dict(self) -> dict[str, Any]:
        """Profiles and politicization as plain data, for settings files and results."""
        profiles = self.profiles
        return {
            "profiles": profiles.as_dict() if isinstance(profiles, ActorProfile) else [p.as_dict() for p in profiles],
            "politicization": self.politicization.as_dict(),
        }
