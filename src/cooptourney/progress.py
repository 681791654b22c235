"""The progress bar of long runs (tqdm, on stderr, shown once a run has taken a second).

Tournaments, multilateral tournaments, spatial tournaments and the Moran process all
report progress through :class:`ProgressBar`; :func:`run_in_chunks` drives a compiled
kernel in slices so that the bar can move.
"""

from __future__ import annotations

import itertools

import numpy as np

__all__ = ["ProgressBar", "run_in_chunks"]


class ProgressBar:
    """A tqdm bar on stderr, shown only after one second; does nothing when disabled.

    Parameters
    ----------
    total : int
        Units of work.
    unit : str
        Name of one unit ("match", "run", ...).
    enabled : bool
        False (or ``total`` 0) gives a bar that shows nothing.
    desc : str
        What is being done, before the bar ("compiling", ...).
    delay : float
        Seconds before the bar appears (short runs show none).

    Examples
    --------
    >>> with ProgressBar(3, "match", enabled=False) as bar:
    ...     bar.update(3)
    """

    def __init__(self, total: int, unit: str, enabled: bool, desc: str = "", delay: float = 1.0) -> None:
        self.total = int(total)
        self.enabled = bool(enabled) and self.total > 0
        self.bar = None
        self.unit = unit
        self.desc = desc
        self.delay = delay

    def __enter__(self) -> ProgressBar:
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit=self.unit, delay=self.delay, leave=False, desc=self.desc or None)
        return self

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(int(n))

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


def run_in_chunks(kernel, args: tuple, total: int, progress: bool, unit: str, max_chunks: int) -> None:
    """Call ``kernel(*args, k0, k1)`` over ``[0, total)``: once, or in up to ``max_chunks``
    slices when ``progress`` shows a bar (on stderr, once the run has taken a second).

    Every task the kernels run writes only its own rows, so chunking cannot change a
    single bit of the result; it only lets the bar move.
    """
    n_chunks = min(total, max_chunks) if progress else 1
    bounds = np.linspace(0, total, n_chunks + 1).astype(np.int64)
    with ProgressBar(total, unit, progress) as bar:
        for k0, k1 in itertools.pairwise(bounds):
            kernel(*args, np.int64(k0), np.int64(k1))
            bar.update(int(k1 - k0))
