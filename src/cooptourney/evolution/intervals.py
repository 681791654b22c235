"""The mean of independent runs and its Student-t confidence interval.

Every dynamic result of the model (politicization curves, selection under each driver of
a state, the gears and horizons demos) reports a mean over independent runs, or over
paired differences of runs, with the same interval: the Student t interval
``mean -+ t_{(1 + level)/2, n - 1} s / sqrt(n)``, with ``s`` the sample standard
deviation (Student 1908). Runs are independent by construction (each draws its own
random streams), which is what the interval assumes; a paired contrast is the interval
of the per-run differences.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

__all__ = ["mean_interval"]


def mean_interval(
    x: np.ndarray, level: float = 0.95, low: float = -math.inf, high: float = math.inf
) -> tuple[float, float, float]:
    """Mean of ``x`` and its Student-t confidence interval.

    Parameters
    ----------
    x : array_like, float64[n]
        One value per independent run (or per pair of runs, for a paired contrast).
    level : float
        Confidence level, default 0.95.
    low, high : float
        The range the quantity can take (a share: 0 and 1); the interval is clipped to it.

    Returns
    -------
    (mean, lower, upper) : tuple of float
        The bounds are NaN when ``n < 2`` (no spread to estimate).
    """
    x = np.asarray(x, dtype=float)
    m = float(np.mean(x))
    if x.size < 2:
        return m, math.nan, math.nan
    half = float(stats.t.ppf(0.5 + level / 2, x.size - 1) * np.std(x, ddof=1) / math.sqrt(x.size))
    return m, max(low, m - half), min(high, m + half)
