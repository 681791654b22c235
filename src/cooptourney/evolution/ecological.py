"""Axelrod's ecological analysis: discrete replicator dynamics on a tournament's payoff matrix.

References
----------
Axelrod, R. (1984), The Evolution of Cooperation, Basic Books, ch. 3.
Taylor, P. D. & Jonker, L. B. (1978), "Evolutionary stable strategies and game dynamics",
Mathematical Biosciences 40.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd
from numba import njit

from cooptourney.results import ResultSet
from cooptourney.settings import SettingsError, check_memory, check_non_negative_int, check_work

__all__ = ["FITNESS", "EcologicalResult", "ecological"]

FITNESS = ("material", "perceived")


@dataclass
class EcologicalResult:
    """Shares over generations of Axelrod's ecological simulation.

    ``shares[g, i]`` is the share of player i after g generations (``shares[0]`` the
    initial shares); ``payoff_matrix`` is the matrix the dynamics ran on (shift included).
    """

    players: list[str]
    shares: np.ndarray  # float64[generations + 1, n]
    payoff_matrix: np.ndarray  # float64[n, n]
    fitness: str  # "material", "perceived" or "given matrix"
    shift: float
    tol: float
    converged: bool  # the last generation changed no share by tol or more
    converged_at: int | None  # first generation from which no share changes by tol or more

    @property
    def generations(self) -> int:
        return self.shares.shape[0] - 1

    @property
    def final_shares(self) -> np.ndarray:
        return self.shares[-1].copy()

    def summary(self) -> pd.DataFrame:
        """One row per player: initial share, final share, largest share reached, sorted by final share."""
        df = pd.DataFrame(
            {
                "player": self.players,
                "initial_share": self.shares[0],
                "final_share": self.shares[-1],
                "max_share": self.shares.max(axis=0),
            }
        )
        return df.sort_values("final_share", ascending=False, kind="stable").reset_index(drop=True)


@njit(cache=True)
def _replicator_kernel(A, x0, out):
    """Discrete replicator dynamics x' = x * (A x) / (x . A x), filling ``out[g]`` in place.

    ``out`` is float64[generations + 1, n]; a generation with zero mean fitness leaves x.
    """
    n = x0.shape[0]
    for i in range(n):
        out[0, i] = x0[i]
    f = np.empty(n)
    for g in range(1, out.shape[0]):
        mean = 0.0
        for i in range(n):
            s = 0.0
            for j in range(n):
                s += A[i, j] * out[g - 1, j]
            f[i] = s
            mean += out[g - 1, i] * s
        for i in range(n):
            out[g, i] = out[g - 1, i] * f[i] / mean if mean > 0.0 else out[g - 1, i]


def ecological(
    results_or_matrix: ResultSet | np.ndarray | Sequence[Sequence[float]],
    initial_shares: Sequence[float] | None = None,
    generations: int = 1000,
    tol: float = 1e-10,
    fitness: str = "material",
    shift: float = 0.0,
    players: Sequence[str] | None = None,
) -> EcologicalResult:
    """Axelrod's ecological simulation: discrete replicator dynamics on a payoff matrix.

    Each generation every player type's share grows in proportion to its mean payoff
    against the current population (Axelrod 1984, ch. 3; Taylor & Jonker 1978)::

        f_i = sum_j A_ij x_j,        x_i' = x_i f_i / sum_j x_j f_j.

    Parameters
    ----------
    results_or_matrix : ResultSet or array-like (n, n)
        A tournament's results (its mean per-turn payoff matrix is used, self-play on
        the diagonal: a type meets itself in proportion to its own share) or the matrix.
    initial_shares : array-like (n,), optional
        Non-negative, normalised to sum 1; default equal shares.
    generations : int
        Generations to run; ``shares`` always has ``generations + 1`` rows.
    tol : float
        Convergence: a generation that changes no share by ``tol`` or more.
    fitness : {"material", "perceived"}
        With a ResultSet: material payoffs (``payoff_matrix``) or perceived utilities
        under the tournament's transformer (``utility_matrix_per_turn``).
    shift : float
        Added to every payoff. The dynamics need non-negative payoffs (a negative f_i
        would give a negative share); perceived utilities under a transformer can be
        negative, and adding a constant keeps every rest point of the dynamics (it only
        changes their speed), so pass e.g. ``shift=-A.min()``. Negative payoffs without
        a shift are rejected.
    players : sequence of str, optional
        Names when a matrix is given.

    Returns
    -------
    EcologicalResult
    """
    if isinstance(results_or_matrix, ResultSet):
        if fitness not in FITNESS:
            raise SettingsError(f"fitness must be one of {', '.join(FITNESS)}, got {fitness!r}")
        A = results_or_matrix.payoff_matrix if fitness == "material" else results_or_matrix.utility_matrix_per_turn
        names = list(results_or_matrix.players)
        what = fitness
    else:
        A = np.asarray(results_or_matrix, dtype=np.float64)
        if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] < 1:
            raise SettingsError(f"the payoff matrix must be square (n x n), got shape {A.shape}")
        names = [str(p) for p in players] if players is not None else [f"type {k}" for k in range(A.shape[0])]
        what = "given matrix"
    A = np.array(A, dtype=np.float64)
    n = A.shape[0]
    if len(names) != n:
        raise SettingsError(f"got {len(names)} player names for a {n} x {n} matrix")
    if not np.isfinite(A).all():
        raise SettingsError(
            "the payoff matrix has undefined entries (NaN): ecological dynamics need every pair's payoff "
            "(a spatial tournament's unplayed pairs have none)"
        )
    if isinstance(shift, bool) or not isinstance(shift, Real) or not math.isfinite(shift):
        raise SettingsError(f"shift must be a finite number, got {shift!r}")
    A = A + float(shift)
    if A.min() < 0:
        raise SettingsError(
            f"payoffs must be >= 0 for the replicator dynamics, the smallest is {A.min():g}; pass "
            f"shift={-(A.min() - shift):g} (or more): a constant added to every payoff keeps the rest points"
        )
    generations = check_non_negative_int("generations", generations)
    check_memory(f"{generations:,} generations of {n} shares", (generations + 1) * n * 16)
    check_work(f"{generations:,} generations of {n} shares", generations * n * n)
    if isinstance(tol, bool) or not isinstance(tol, Real) or not tol > 0:
        raise SettingsError(f"tol must be a number > 0, got {tol!r}")
    x0 = _shares(initial_shares, n)
    out = np.empty((generations + 1, n))
    _replicator_kernel(A, x0, out)
    change = np.abs(np.diff(out, axis=0)).max(axis=1) if generations else np.zeros(0)
    moving = np.nonzero(change >= tol)[0]
    converged_at = int(moving[-1] + 1) if len(moving) else 0
    converged = bool(generations == 0 or change[-1] < tol)
    return EcologicalResult(
        players=names,
        shares=out,
        payoff_matrix=A,
        fitness=what,
        shift=float(shift),
        tol=float(tol),
        converged=converged,
        converged_at=converged_at if converged else None,
    )


def _shares(initial, n: int) -> np.ndarray:
    if initial is None:
        return np.full(n, 1.0 / n)
    x = np.asarray(initial, dtype=np.float64)
    if x.shape != (n,):
        raise SettingsError(
            f"initial_shares must have one value per player ({n}), got {x.shape[0] if x.ndim == 1 else x.shape}"
        )
    if not np.isfinite(x).all() or (x < 0).any() or x.sum() <= 0:
        raise SettingsError("initial_shares must be non-negative numbers with a positive sum")
    return x / x.sum()
