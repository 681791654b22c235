"""Effect sizes with confidence intervals for the reciprocity battery's measures.

A claim such as "the diffuse family tolerates more than the specific one" is stated as an
effect with its interval, not as two means:

* :func:`cliffs_delta` -- P(b > a) - P(b < a) over all pairs of two samples (Cliff 1993):
  0 is no separation, +1 every member of b above every member of a;
* :func:`separation` -- Cliff's delta of two samples with a percentile bootstrap interval
  (each sample resampled on its own, :func:`scipy.stats.bootstrap`);
* :func:`family_separation` -- the same for one measure of the strategies of two tag
  families;
* :func:`position_intervals` -- each strategy's place on the continuum with a percentile
  bootstrap interval over the battery's repetitions (a deterministic strategy plays the
  same moves in every repetition: its interval has width 0);

References
----------
Cliff, N. (1993). "Dominance statistics: ordinal analyses to answer ordinal questions".
Psychological Bulletin 114(3), 494-509. Efron, B. & Tibshirani, R. (1993). *An
Introduction to the Bootstrap*. Chapman & Hall (percentile intervals).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import stats

from cooptourney.reciprocity.battery import BatteryResult
from cooptourney.reciprocity.continuum import Position, positions
from cooptourney.settings import SettingsError

__all__ = ["Effect", "cliffs_delta", "family_separation", "position_intervals", "separation"]


@dataclass(frozen=True)
class Effect:
    """An effect with its two-sided confidence interval ``[low, high]`` at ``level``."""

    value: float
    low: float
    high: float
    level: float = 0.95
    n: tuple[int, ...] = ()

    @property
    def excludes_zero(self) -> bool:
        """Whether the interval lies wholly on one side of 0 (the effect is shown)."""
        return self.low > 0.0 or self.high < 0.0

    @property
    def sign(self) -> int:
        """+1 or -1 when the interval excludes 0, else 0 (the run does not show the effect)."""
        return 0 if not self.excludes_zero else (1 if self.low > 0.0 else -1)


def cliffs_delta(a: Sequence[float], b: Sequence[float]) -> float:
    """P(b > a) - P(b < a) over all pairs (Cliff 1993); in [-1, 1].

    Parameters
    ----------
    a, b : sequence of float, shapes (n,) and (m,)
        The two samples (finite values; NaN is refused).
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.size == 0 or b.size == 0 or np.isnan(a).any() or np.isnan(b).any():
        raise SettingsError("Cliff's delta needs two non-empty samples without NaN")
    return float(np.sign(b[:, None] - a[None, :]).mean())


def _delta_statistic(a, b, axis=-1):
    # vectorised over the bootstrap's batch axis: sign(b_j - a_i) averaged over all pairs
    return np.sign(b[..., None, :] - a[..., :, None]).mean(axis=(-2, -1))


def separation(
    low: Sequence[float], high: Sequence[float], resamples: int = 1000, seed: int = 0, level: float = 0.95
) -> Effect:
    """Cliff's delta of ``high`` over ``low`` with a percentile bootstrap interval.

    Parameters
    ----------
    low, high : sequence of float, shapes (n,) and (m,)
        The two samples, each resampled on its own. ``inf`` ranks above every finite
        value (a strategy that never forgives has the longest horizon); NaN is refused.
    resamples, seed, level
        The bootstrap's resamples, its random seed and the interval's level.

    Returns
    -------
    Effect
        ``n`` = (n, m).
    """
    a = np.asarray(low, dtype=np.float64)
    b = np.asarray(high, dtype=np.float64)
    if a.size < 2 or b.size < 2 or np.isnan(a).any() or np.isnan(b).any():
        raise SettingsError(
            f"the separation needs two samples of at least two values without NaN, got {a.size}, {b.size}"
        )
    # only the order matters: inf becomes a value above every finite one, so inf - inf is 0
    a, b = (np.nan_to_num(x, posinf=1e300, neginf=-1e300) for x in (a, b))
    res = stats.bootstrap(
        (a, b),
        _delta_statistic,
        n_resamples=resamples,
        confidence_level=level,
        method="percentile",
        vectorized=True,
        random_state=np.random.default_rng(seed),
    )
    ci = res.confidence_interval
    return Effect(cliffs_delta(a, b), float(ci.low), float(ci.high), level, (a.size, b.size))


def family_separation(
    places: Sequence[Position],
    measure: str = "diffuseness",
    low_family: str = "specific",
    high_family: str = "diffuse",
    resamples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> Effect:
    """Cliff's delta of ``measure`` between two tag families, with a bootstrap interval.

    Parameters
    ----------
    places : sequence of Position
        From :func:`cooptourney.reciprocity.continuum.positions`; strategies measured as
        ``unconditional`` are left out (their play ignores the partner, so they are not on
        the continuum).
    measure : str
        ``"diffuseness"``, ``"position"`` or a term of the rule (``"credit"``, ...); a
        strategy whose term is undefined is left out.
    low_family, high_family : str
        The tags compared: delta > 0 when ``high_family`` lies higher.
    resamples, seed, level
        As :func:`separation`.
    """

    def value(p: Position) -> float:
        return float(getattr(p, measure)) if hasattr(p, measure) else float(p.terms[measure])

    on = [p for p in places if p.measured != "unconditional"]
    a = np.array([value(p) for p in on if p.tag == low_family])
    b = np.array([value(p) for p in on if p.tag == high_family])
    return separation(a[~np.isnan(a)], b[~np.isnan(b)], resamples, seed, level)


def _resampled(result: BatteryResult, columns: np.ndarray) -> BatteryResult:
    """The battery result with its repetitions replaced by ``columns`` (a resample)."""
    values = {m: v[:, columns] for m, v in result.values.items()}
    per = {k: v[..., columns] for k, v in result.per_partner.items()}
    return replace(result, values=values, per_partner=per)


def position_intervals(
    result: BatteryResult, resamples: int = 200, seed: int = 0, level: float = 0.95
) -> dict[str, Effect]:
    """Each strategy's diffuseness (its position when it is specific or diffuse) with a
    percentile bootstrap interval over the battery's repetitions.

    Parameters
    ----------
    result : BatteryResult
        With at least two repetitions.
    resamples, seed, level
        The repetitions are resampled with replacement and the rule
        (:func:`~cooptourney.reciprocity.continuum.positions`) applied to each resample.

    Returns
    -------
    dict of str -> Effect
        By strategy name; ``value`` is the diffuseness of the full run.
    """
    reps = result.settings.repetitions
    if reps < 2:
        raise SettingsError("position intervals need a battery of at least two repetitions")
    rng = np.random.default_rng(seed)
    base = [p.diffuseness for p in positions(result)]
    draws = np.empty((resamples, len(result.names)))
    for r in range(resamples):
        draws[r] = [p.diffuseness for p in positions(_resampled(result, rng.integers(0, reps, reps)))]
    tail = 100 * (1 - level) / 2
    lo, hi = np.percentile(draws, [tail, 100 - tail], axis=0)
    return {n: Effect(float(base[k]), float(lo[k]), float(hi[k]), level, (reps,)) for k, n in enumerate(result.names)}
