"""Play chunks of tasks on N threads.

The tournament kernels (``play_tournament``, ``play_multilateral`` in
:mod:`cooptourney.core.kernel_template` and :mod:`~cooptourney.core.multilateral_template`)
are serial, compiled with ``nogil=True``: one call plays the chunks of a range of tasks
that it claims, one after another, with Python's lock released. :func:`play_chunks`
makes that call on ``numba.get_num_threads()`` threads at once (the calling thread and
threads of a pool kept for the process), all on one shared counter, so the tasks run
in parallel as a ``prange`` would, and ``numba.set_num_threads``, ``NUMBA_NUM_THREADS``
and ``Tournament.play(processes=...)`` keep their meaning. docs/engine.md ("Threads")
says why threads of Python's and not numba's parallel loop: the loop alone cost a third
of the kernel's compile time.

Every task writes only its own rows, and the chunk bounds depend on the range alone, so
no bit of a result depends on the number of threads or on which thread played which chunk.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import numba
import numpy as np

__all__ = ["MAX_CHUNKS", "play_chunks"]

#: Chunks a range of tasks is cut into, at most: many per thread, so that a thread the
#: machine slows down plays fewer of them, and few enough that claiming one costs nothing.
MAX_CHUNKS = 256

_POOL: list[ThreadPoolExecutor] = []
_POOL_LOCK = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    """The process's pool: ``NUMBA_NUM_THREADS - 1`` threads (the caller is the other one),
    started on first use."""
    if not _POOL:
        with _POOL_LOCK:
            if not _POOL:
                workers = max(1, numba.config.NUMBA_NUM_THREADS - 1)
                _POOL.append(ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cooptourney-kernel"))
    return _POOL[0]


def _forget_pool() -> None:
    # a forked child has the pool's object but none of its threads: it starts its own
    _POOL.clear()


os.register_at_fork(after_in_child=_forget_pool)


def play_chunks(kernel, *args) -> None:
    """Call ``kernel(*head, k0, k1, n_chunks, next_chunk)`` on every numba thread at once,
    where ``args`` is ``(*head, k0, k1)``.

    Parameters
    ----------
    kernel : numba dispatcher
        A ``nogil=True`` kernel that plays, one after another, the chunks of tasks
        ``k0 <= k < k1`` it claims by atomically incrementing ``next_chunk[0]``, until the
        number it gets is ``n_chunks`` or more (chunk ``c`` is
        ``k0 + n * c // n_chunks <= k < k0 + n * (c + 1) // n_chunks``, ``n = k1 - k0``).
    *args
        The kernel's leading arguments, then ``k0`` and ``k1``.

    Notes
    -----
    ``n_chunks`` is ``min(k1 - k0, MAX_CHUNKS)`` and the calls are
    ``min(numba.get_num_threads(), n_chunks)`` (the caller's setting): one in the
    calling thread, the others in the pool. One thread plays everything in the calling
    thread, with no pool at all. If the caller's call raises or is interrupted, the
    counter is set past the last chunk, so the other threads stop after the chunk they
    are playing.
    """
    *head, k0, k1 = args
    n_tasks = int(k1) - int(k0)
    if n_tasks <= 0:
        return
    n_chunks = min(n_tasks, MAX_CHUNKS)
    threads = min(numba.get_num_threads(), n_chunks)
    next_chunk = np.zeros(1, dtype=np.int64)
    call = (*head, np.int64(k0), np.int64(k1), np.int64(n_chunks), next_chunk)
    if threads <= 1:
        kernel(*call)
        return
    pool = _pool()
    others = [pool.submit(kernel, *call) for _ in range(threads - 1)]
    try:
        kernel(*call)
        for done in others:
            done.result()
    except BaseException:
        next_chunk[0] = n_chunks
        raise
