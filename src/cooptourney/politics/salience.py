"""How strongly politicization accelerates and brakes: the shapes of the two forces in s.

:class:`~cooptourney.politics.transformer.Politicization` lets both forces grow in
proportion to the politicization an actor feels, ``s_i``. This module bends them:

* the **accelerator** saturates: ``P_i' = P - theta * a(s_i)`` with a concave ``a``,
  ``a(0) = 0``, ``a(1) = 1``;
* the **brake** has a threshold: ``k_i' = k + kappa * b(s_i)`` and
  ``q_i' = min(1, q + rho * b(s_i))`` with an S-shaped ``b``, ``b(0) = 0``, ``b(1) = 1``,
  near 0 below its midpoint and rising steeply around it.

Both shapes are normalised so that full politicization (``s_i = 1``) gives exactly the
strengths ``theta``, ``kappa`` and ``rho`` of the linear model; only the path from 0 to 1
differs. :data:`LINEAR` keeps both forces proportional to ``s_i`` and gives back the
linear model.

Why these shapes
----------------
*Accelerator (concave).* Politicization first makes an issue salient: it moves onto the
agenda of governments and publics (de Wilde 2011, salience as the first dimension of
politicization). The first attention buys the most political will; once an issue is at
the top of the agenda, more attention adds little. Schmitter's (1969) spillover works the
same way: an unsolved shared problem creates pressure to act, the pressure feeds on
itself at first, and levels off once the actors are committed. Hence a curve that rises
fast and saturates, ``a(s) = (1 - exp(-s / h)) / (1 - exp(-1 / h))`` with saturation scale
``h`` (small ``h``: most of the will is there at low politicization; ``h -> infinity``:
linear).

*Brake (threshold).* Relative gains and domestic vetoes bite once the issue leaves the
insulated world of executives and experts and reaches mass publics and parties:
Hooghe & Marks' (2009) *constraining dissensus*, where the permissive consensus of elites
gives way to identity politics and referendums only once an issue is politicized enough;
de Wilde's (2011) polarization of opinion and expansion of the audience, the second and
third dimensions of politicization, that follow salience rather than precede it. Hence
a brake that stays near zero while the issue is handled by insiders and rises steeply
once it polarises, ``b(s) = (L(s) - L(0)) / (L(1) - L(0))`` with the logistic
``L(s) = 1 / (1 + exp(-(s - m) / w))``, midpoint ``m`` and width ``w`` (small ``w``: a
sharp threshold; large ``w``: almost linear).

With a concave accelerator and a threshold brake the accelerator wins at low
politicization and the brake at high: cooperation can rise and then fall, the
interior optimum of docs/model.md ("Result: politicization accelerates and brakes").
The shapes also imply, by Jensen's inequality, that spreading the same mean
politicization unevenly over actors buys less acceleration and more brake than
spreading it evenly.

Every parameter value here is a modelling choice that expresses these arguments at the
default payoffs 3, 0, 5, 1, not an estimate.

References
----------
de Wilde, P. (2011). No polity for old politics? A framework for analyzing the
politicization of European integration. *Journal of European Integration* 33(5), 559-575.
Hooghe, L. & Marks, G. (2009). A postfunctionalist theory of European integration: from
permissive consensus to constraining dissensus. *British Journal of Political Science*
39(1), 1-23.
Schmitter, P. C. (1969). Three neo-functional hypotheses about international integration.
*International Organization* 23(1), 161-166.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from numbers import Real

import numpy as np

from cooptourney.politics.transformer import ActorProfile, Politicization
from cooptourney.settings import SettingsError

__all__ = ["LINEAR", "Shapes", "saturating", "shaped_profile", "threshold"]

ACCELERATORS = ("saturating", "linear")
BRAKES = ("threshold", "linear")


def _unit(name: str, s) -> np.ndarray:
    x = np.asarray(s, dtype=np.float64)
    if not np.all(np.isfinite(x)) or np.any(x < 0.0):
        raise SettingsError(f"{name} must be finite and >= 0 (politicization felt by an actor), got {s!r:.60}")
    return x


def saturating(s, scale: float):
    """Concave accelerator shape ``a(s) = (1 - exp(-s / h)) / (1 - exp(-1 / h))``.

    Parameters
    ----------
    s : float or ndarray, values >= 0
        Politicization an actor feels (the shape is normalised on [0, 1]).
    scale : float > 0
        Saturation scale ``h``: at ``s = h`` the curve has reached ``1 - 1/e`` (63%) of its
        unnormalised ceiling. ``math.inf`` gives the linear ``a(s) = s``.

    Returns
    -------
    float or ndarray, same shape as ``s``
        ``a(0) = 0``, ``a(1) = 1``, increasing and concave.

    References
    ----------
    de Wilde (2011), salience; Schmitter (1969), spillover (module docstring).

    Examples
    --------
    >>> round(float(saturating(0.25, 0.25)), 4)
    0.6439
    """
    x = _unit("s", s)
    h = float(scale)
    if math.isinf(h):
        return x if np.ndim(s) else float(x)
    out = -np.expm1(-x / h) / -math.expm1(-1.0 / h)
    return out if np.ndim(s) else float(out)


def threshold(s, midpoint: float, width: float):
    """Threshold brake shape: a logistic in ``s`` rescaled to ``b(0) = 0``, ``b(1) = 1``.

    Parameters
    ----------
    s : float or ndarray, values >= 0
        Politicization an actor feels (the shape is normalised on [0, 1]).
    midpoint : float in [0, 1]
        Where the brake rises steepest (the issue reaches mass publics and polarises).
    width : float > 0
        Logistic scale ``w``; the rise from 12% to 88% of the logistic spans ``4 w``.
        ``math.inf`` gives the linear ``b(s) = s``.

    Returns
    -------
    float or ndarray, same shape as ``s``
        Increasing, convex below ``midpoint``.

    References
    ----------
    Hooghe & Marks (2009), constraining dissensus; de Wilde (2011), polarization and
    audience expansion (module docstring).

    Examples
    --------
    >>> round(float(threshold(0.5, 0.5, 0.1)), 4)
    0.5
    """
    x = _unit("s", s)
    w = float(width)
    if math.isinf(w):
        return x if np.ndim(s) else float(x)

    def logistic(v):
        return 0.5 * (1.0 + np.tanh((v - midpoint) / (2.0 * w)))

    lo, hi = logistic(0.0), logistic(1.0)
    out = (logistic(x) - lo) / (hi - lo)
    out = np.clip(out, 0.0, 1.0)
    return out if np.ndim(s) else float(out)


def _positive(name: str, value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not float(value) > 0 or math.isnan(float(value)):
        raise SettingsError(f"{name} must be a number > 0 ({what}), got {value!r}")
    return float(value)


@dataclass(frozen=True)
class Shapes:
    """The shapes of the accelerator and the brake in the politicization an actor feels.

    Parameters
    ----------
    accelerator : {"saturating", "linear"}, default "saturating"
        :func:`saturating` with ``saturation`` as its scale, or ``a(s) = s``.
    saturation : float > 0, default 0.25
        Saturation scale ``h`` of the accelerator: at ``s = 0.25`` two thirds (64%) of
        the full political will is there. Chosen so that the will is mostly present
        before the brake's threshold.
    brake : {"threshold", "linear"}, default "threshold"
        :func:`threshold` with ``midpoint`` and ``width``, or ``b(s) = s``.
    midpoint : float in [0, 1], default 0.5
        The brake's threshold: halfway, the issue reaches mass publics and polarises.
    width : float > 0, default 0.1
        The brake's logistic scale: it rises from 4% of its strength at ``s = 0.2`` to
        96% at ``s = 0.8`` (after rescaling).

    """

    accelerator: str = "saturating"
    saturation: float = 0.25
    brake: str = "threshold"
    midpoint: float = 0.5
    width: float = 0.1

    def __post_init__(self) -> None:
        if self.accelerator not in ACCELERATORS:
            raise SettingsError(f"accelerator shape must be one of {', '.join(ACCELERATORS)}, got {self.accelerator!r}")
        if self.brake not in BRAKES:
            raise SettingsError(f"brake shape must be one of {', '.join(BRAKES)}, got {self.brake!r}")
        object.__setattr__(
            self, "saturation", _positive("saturation", self.saturation, "the accelerator's saturation scale")
        )
        object.__setattr__(self, "width", _positive("width", self.width, "the brake's threshold width"))
        m = self.midpoint
        if isinstance(m, bool) or not isinstance(m, Real) or not 0.0 <= float(m) <= 1.0:
            raise SettingsError(f"midpoint must be a number in [0, 1] (the brake's threshold), got {m!r}")
        object.__setattr__(self, "midpoint", float(m))

    def acceleration(self, s):
        """``a(s)``, the share of the threat's severity theta an actor feeling ``s`` perceives."""
        return saturating(s, self.saturation) if self.accelerator == "saturating" else saturating(s, math.inf)

    def braking(self, s):
        """``b(s)``, the share of the brakes kappa and rho an actor feeling ``s`` suffers."""
        return threshold(s, self.midpoint, self.width) if self.brake == "threshold" else threshold(s, 0.5, math.inf)

    def effects(self, s) -> tuple:
        """``(a(s), b(s))``."""
        return self.acceleration(s), self.braking(s)

    def as_dict(self) -> dict:
        """The five parameters, for settings and outputs."""
        return asdict(self)


#: Both forces proportional to the politicization felt: the linear model of
#: :class:`~cooptourney.politics.transformer.Politicization`.
LINEAR = Shapes(accelerator="linear", brake="linear")


def shaped_profile(
    profile: ActorProfile, politicization: Politicization, shapes: Shapes = LINEAR, felt: float | None = None
) -> ActorProfile:
    """The profile that, under :data:`FELT_IN_PROFILE`, acts as ``profile`` under shaped politicization.


    The engine's transformer applies the linear formulas. A shaped actor is written as
    the profile ``k = k0 + kappa b(s_i)``, ``ratification_failure = min(1, q0 + rho b(s_i))``,
    ``sensitivity = theta a(s_i)`` under the unit issue :data:`FELT_IN_PROFILE` (``s = 1,
    theta = 1, kappa = rho = 0``), so the engine computes exactly ``P_i' = P - theta a(s_i)``,
    ``k_i' = k0 + kappa b(s_i)`` and ``q_i' = min(1, q0 + rho b(s_i))``.

    Parameters
    ----------
    profile : ActorProfile
        The actor's own profile (k0, q0, elections, memory).
    politicization : Politicization
        The issue (s, theta, kappa, rho).
    shapes : Shapes, default :data:`LINEAR`
    felt : float >= 0, optional
        The politicization the actor feels, ``s_i``; default ``sensitivity * s``.
        Both shapes are defined on [0, 1] and continue smoothly above 1.

    Returns
    -------
    ActorProfile
        With :data:`LINEAR` the perceived game equals ``perceived_game(game, profile,
        politicization)`` exactly.
    """
    s_i = profile.sensitivity * politicization.s if felt is None else float(_unit("felt", felt))
    a, b = shapes.effects(s_i)
    return ActorProfile(
        k=profile.k + b * politicization.kappa,
        sensitivity=a * politicization.theta,
        term=profile.term,
        reelection=profile.reelection,
        memory=profile.memory,
        ratification_failure=min(1.0, profile.ratification_failure + b * politicization.rho),
    )


#: The unit issue under which a :func:`shaped_profile` carries its politicization itself.
FELT_IN_PROFILE = Politicization(s=1.0, theta=1.0, kappa=0.0, rho=0.0)
