"""Compile ahead of time: ``cooptourney warmup`` and :func:`warmup` (``cooptourney.warmup()``).

numba compiles each strategy's kernel entry and the tournament kernels once, on first
use, and keeps them in the on-disk cache (:mod:`cooptourney.core.codegen`); every later
process loads them in about a second. :func:`warmup` does that first use ahead of time,
for a cluster job or a classroom: it compiles the kernels and the entries of the
strategies asked for (default: the whole library) in worker processes, one per core,
so that the compiles run side by side. Only the cache changes: a warmed strategy plays
bit for bit as it would have.

:func:`pending` tells which of them still need compiling (it looks for numba's cache
files; it compiles nothing), which ``cooptourney run`` uses to announce the one-off
compile phase.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context

from cooptourney.core import dispatch
from cooptourney.core.compile_status import KERNEL_FUNCTIONS, entry_cached, kernel_cached
from cooptourney.progress import ProgressBar
from cooptourney.registry import REGISTRY, StrategySpec

__all__ = ["KERNELS", "WarmupReport", "compile_specs", "pending", "warmup"]

#: The kernels in words (they compile once for every strategy there is).
KERNELS = "the tournament engine"


@dataclass
class WarmupReport:
    """What :func:`warmup` did."""

    strategies: int  # entries asked for
    compiled: list[str] = field(default_factory=list)  # names that were not cached
    kernels: list[str] = field(default_factory=list)  # kernel functions that were not cached
    processes: int = 1
    seconds: float = 0.0

    def __str__(self) -> str:
        if not self.compiled and not self.kernels:
            return f"{self.strategies} strategies and {KERNELS} were already compiled (nothing to do)."
        what = f"{len(self.compiled)} of {self.strategies} strategies" + (f" and {KERNELS}" if self.kernels else "")
        return f"Compiled {what} in {self.seconds:.1f} s with {self.processes} process(es); cached for later runs."


# -- what is cached -------------------------------------------------------------------------------
def pending(
    specs: Iterable[StrategySpec], kernels: Sequence[str] = KERNEL_FUNCTIONS
) -> tuple[list[StrategySpec], list[str]]:
    """The specs (each once) whose entries are not compiled yet, and the ``kernels`` (names
    of :data:`~cooptourney.core.compile_status.KERNEL_FUNCTIONS`) that are not.

    Looks for numba's cache files (:mod:`cooptourney.core.compile_status`); compiles
    nothing but the teams of meta players, which their ``prepare`` hook builds (as their
    first run would) before their entry can be told.
    """
    seen: dict[int, StrategySpec] = {}
    for spec in specs:
        seen.setdefault(id(spec), spec)
    return [s for s in seen.values() if not entry_cached(s, prepare=True)], [k for k in kernels if not kernel_cached(k)]


# -- compiling ------------------------------------------------------------------------------------
def _compile_kernel(function: str) -> str:
    """Compile (or load) one kernel by playing the smallest run that calls it; the three
    are separate jobs, so that they compile side by side."""
    if function == "play_tournament":
        from cooptourney.tournament import Tournament

        Tournament(["Cooperator", "Defector"], turns=2, repetitions=1).play()
    elif function == "play_match":
        from cooptourney.match import Match

        Match(["Cooperator", "Defector"], turns=2, noise=0.1).play()
    else:
        from cooptourney.multilateral import MultilateralTournament

        MultilateralTournament(["Cooperator", "Defector"], turns=2, repetitions=1).play()
    return function


def _compile_entry(name: str) -> str:
    """Compile (or load) one registered strategy's kernel entry, in a worker process."""
    dispatch.entry_address(REGISTRY.get(name))
    return name


def _compile_in_processes(jobs: list[tuple[Callable, tuple]], processes: int, bar: ProgressBar) -> None:
    """Run ``jobs`` in ``processes`` fresh worker processes (spawned: nothing of this process's
    state, threads or compiled code is shared); the longest job (the kernels) first."""
    with ProcessPoolExecutor(max_workers=processes, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(fn, *args) for fn, args in jobs}
        while futures:
            done, futures = wait(futures, return_when=FIRST_COMPLETED)
            for future in done:
                future.result()  # a compile error: raised here, as in a run
                bar.update(1)


def warmup(
    names: Sequence[str] | None = None,
    processes: int | None = None,
    progress: bool = False,
    kernels: Sequence[str] = KERNEL_FUNCTIONS,
) -> WarmupReport:
    """Compile the kernels and the entries of ``names`` (default: every registered strategy)
    ahead of time, into the on-disk cache.

    Parameters
    ----------
    names : sequence of str, optional
        Strategy names as ``cooptourney run -p`` takes them (parameters are ignored: a
        strategy compiles once for all its parameter values). Default: every registered
        strategy, hidden helpers included.
    processes : int, optional
        Worker processes compiling side by side (default: one per core; 1 compiles in
        this process). Strategies a plugin registered compile in this process, where the
        plugin is loaded.
    progress : bool
        A progress bar on stderr.
    kernels : sequence of str
        The kernels to compile too: ``play_tournament`` (a round robin), ``play_match``
        (one match), ``play_multilateral``; all three by default, ``()`` for none.

    Returns
    -------
    WarmupReport
        What was compiled and how long it took.

    Examples
    --------
    >>> import cooptourney
    >>> cooptourney.warmup(["Tit For Tat", "Grudger"])  # doctest: +SKIP
    """
    from cooptourney.players import as_player

    if names is None:
        specs = REGISTRY.all(include_hidden=True)
    else:
        specs = [as_player(name).spec for name in names]
    return compile_specs(specs, processes=processes, progress=progress, kernels=kernels)


def compile_specs(
    specs: Sequence[StrategySpec],
    processes: int | None = None,
    progress: bool = False,
    kernels: Sequence[str] = KERNEL_FUNCTIONS,
) -> WarmupReport:
    """:func:`warmup` for strategy specs (those already compiled are skipped)."""
    started = time.perf_counter()
    todo, kernel = pending(specs, kernels)
    processes = max(1, int(processes if processes is not None else os.cpu_count() or 1))
    # A plugin's strategy is known only to this process; so is a prepared meta player.
    local = [s for s in todo if s.checked or s.prepare is not None]
    remote = [s for s in todo if s not in local]
    # the kernels first: each takes longer than all the entries of a tournament
    jobs: list[tuple[Callable, tuple]] = [(_compile_kernel, (k,)) for k in kernel]
    jobs += [(_compile_entry, (s.name,)) for s in remote]
    report = WarmupReport(len(specs), [s.name for s in todo], kernel, processes)
    with ProgressBar(len(jobs) + len(local), "compile", progress, desc="compiling (one-off)", delay=0.0) as bar:
        if processes > 1 and len(jobs) > 1:
            _compile_in_processes(jobs, min(processes, len(jobs)), bar)
        else:
            report.processes = 1
            for fn, args in jobs:
                fn(*args)
                bar.update(1)
        for spec in local:
            dispatch.entry_address(spec)
            bar.update(1)
    report.seconds = time.perf_counter() - started
    return report
