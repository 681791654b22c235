"""Running a sweep: every task's tournament on a Dask cluster, results written as they arrive.

The path of a sweep, top to bottom (docs/howto/sweeps.md)::

    spec (TOML: a base tournament + [sweep])   sweeps.spec.load_spec
      -> tasks: settings + a seed derived from them   SweepSpec.tasks
      -> each task's tournament on a Dask cluster     run_task (on a worker)
      -> ResultSet.to_dataframe()                     per-player summary
      -> DIR/tasks/<task id>.parquet, DIR/manifest.json   run_sweep (the client writes)
      -> verify / report                              sweeps.verify, sweeps.summary

Each task's results are hashed bit for bit (:func:`~cooptourney.sweeps.store.result_hash`)
into the manifest, which is what :func:`~cooptourney.sweeps.verify.verify` checks a
recomputation against.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from cooptourney.atomic import write_atomic
from cooptourney.sweeps.spec import SweepError, SweepSpec, Task
from cooptourney.sweeps.store import ENGINE_PACKAGES, engine_versions, now_utc, open_output, result_hash, task_table

__all__ = ["SweepRun", "default_cluster", "run_sweep", "run_task"]

_KERNEL_LOCK = threading.Lock()


def _kernel_lock() -> contextlib.AbstractContextManager:
    """Serialise kernel launches where numba's threading layer is not thread-safe (workqueue)."""
    import numba

    try:
        layer = numba.threading_layer()
    except ValueError:  # no parallel launch yet in this process: be safe for the first one
        return _KERNEL_LOCK
    return _KERNEL_LOCK if layer == "workqueue" else contextlib.nullcontext()


def run_task(task: Task, numba_threads: int | None = None, versions: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Play one task's tournament; its per-player summary (:meth:`ResultSet.to_dataframe`).

    Parameters
    ----------
    task : Task
    numba_threads : int, optional
        numba threads for this task's kernel (thread-local, so concurrent tasks in one
        worker each get their own); capped at ``NUMBA_NUM_THREADS``. The results do not
        depend on it.
    versions : mapping, optional
        The client's :data:`ENGINE_PACKAGES` versions: a worker with others refuses to
        run rather than mix results of two engines.
    """
    import numba

    if versions:
        mine = engine_versions()
        diff = [f"{k} {mine.get(k)} (client {v})" for k, v in versions.items() if mine.get(k) != v]
        if diff:
            raise RuntimeError(
                f"worker on {platform.node()} has {', '.join(diff)}: install the client's versions on every worker"
            )
    if numba_threads:
        numba.set_num_threads(max(1, min(int(numba_threads), numba.config.NUMBA_NUM_THREADS)))
    tournament = task.tournament()
    with _kernel_lock():
        result = tournament.play()
    return result.to_dataframe()


# -- running ---------------------------------------------------------------------------------------
@dataclass
class SweepRun:
    """What :func:`run_sweep` did."""

    out: Path
    n_tasks: int
    resumed: int  # tasks found done in DIR
    computed: int  # tasks computed by this run
    failures: list[tuple[Task, str]] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    elapsed: float = 0.0
    cluster: str = ""

    @property
    def complete(self) -> bool:
        return len(self.hashes) == self.n_tasks


def default_cluster(
    workers: int | None, threads_per_worker: int | None, processes: bool, numba_threads: int | None
) -> tuple[int, int, int]:
    """(workers, threads per worker, numba threads per task) for a local cluster.

    Processes (default): one worker per core, one thread each. Threads: one worker with a
    thread per core. numba threads per task: the cores left per concurrently running task,
    at least 1, so tasks x numba threads never oversubscribe the machine.
    """
    cores = os.cpu_count() or 1
    if processes:
        workers = workers or cores
        threads_per_worker = threads_per_worker or 1
    else:
        workers = workers or 1
        threads_per_worker = threads_per_worker or max(1, cores // workers)
    numba_threads = numba_threads or max(1, cores // (workers * threads_per_worker))
    return workers, threads_per_worker, numba_threads


@contextlib.contextmanager
def _dask_client(scheduler: str | None, workers: int, threads_per_worker: int, processes: bool) -> Iterator[Any]:
    import logging

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise SweepError("sweeps need dask.distributed: pip install distributed") from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="20s"))
            except (OSError, TimeoutError) as exc:
                raise SweepError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=threads_per_worker,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))
            if processes:
                with contextlib.suppress(Exception):
                    client.run(_ignore_sigint)
        yield client


def _ignore_sigint() -> None:
    """Local workers leave Ctrl-C to the client, which shuts them down (no traceback per worker)."""
    import signal

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_sweep(
    spec: SweepSpec,
    out: str | Path,
    *,
    workers: int | None = None,
    threads_per_worker: int | None = None,
    processes: bool = True,
    scheduler: str | None = None,
    numba_threads: int | None = None,
    progress: bool = True,
    client: Any = None,
    flush_every: float = 5.0,
) -> SweepRun:
    """Run every task of ``spec`` not yet in ``out`` on a Dask cluster; resumable.

    Parameters
    ----------
    spec : SweepSpec
    out : path
        The output directory: new or empty, or one holding a run of the same spec (resumed:
        tasks whose file exists are not computed again).
    workers, threads_per_worker, processes
        The embedded ``dask.distributed.LocalCluster`` (see :func:`default_cluster`).
    scheduler : str, optional
        ``tcp://HOST:PORT`` of a running Dask scheduler, used instead of a local cluster.
    numba_threads : int, optional
        numba threads per task (default: cores per concurrent task locally, 1 on a
        remote cluster).
    client : dask.distributed.Client, optional
        Use this client (tests, notebooks); the cluster options are then ignored.
    progress : bool
        A tqdm bar on stderr: tasks done, rate, time left.

    Returns
    -------
    SweepRun
        With the tasks that failed (each reported, never written); a rerun retries them.

    Notes
    -----
    Workers only compute; this process writes every file (each atomically: a temporary
    file renamed into place), so a cluster needs no shared file system and a killed run
    leaves only whole task files. The manifest is rewritten (atomically) every
    ``flush_every`` seconds and at the end.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    store, manifest, done = open_output(spec, Path(out))
    run = SweepRun(out=store.path, n_tasks=len(spec.tasks), resumed=len(done), computed=0, hashes=dict(done))
    versions = {k: engine_versions()[k] for k in ENGINE_PACKAGES}
    last_flush = time.monotonic()

    def flush(status: str) -> None:
        by_id = run.hashes
        for entry in manifest["tasks"]:
            entry["sha256"] = by_id.get(entry["id"])
        manifest.update(status=status, updated=now_utc(), n_done=len(by_id))
        store.write_manifest(manifest)

    status = "incomplete"
    try:
        todo = [t for t in spec.tasks if t.id not in done]
        if todo:
            if client is not None:
                stack: contextlib.AbstractContextManager = contextlib.nullcontext(client)
                threads = numba_threads or 1
                run.cluster = f"client {getattr(client, 'scheduler', None) and client.scheduler.address}"
            else:
                if scheduler:
                    threads = numba_threads or 1
                    run.cluster = f"scheduler {scheduler}"
                else:
                    workers, threads_per_worker, threads = default_cluster(
                        workers, threads_per_worker, processes, numba_threads
                    )
                    run.cluster = (
                        f"local cluster: {workers} {'process' if processes else 'thread'} worker"
                        f"{'s' if workers != 1 else ''} x {threads_per_worker} thread"
                        f"{'s' if threads_per_worker != 1 else ''}, {threads} numba thread"
                        f"{'s' if threads != 1 else ''} per task"
                    )
                stack = _dask_client(scheduler, workers or 1, threads_per_worker or 1, processes)
            with stack as dask_client:
                from dask.distributed import as_completed

                token = uuid.uuid4().hex[:12]  # a rerun on a long-lived scheduler never gets an old future back
                futures = {
                    dask_client.submit(
                        run_task, t, threads, versions, pure=False, key=f"cooptourney-task-{t.id}-{token}"
                    ): t
                    for t in todo
                }
                bar = tqdm(
                    total=len(spec.tasks),
                    initial=len(done),
                    unit="task",
                    desc="sweep",
                    disable=not progress,
                    dynamic_ncols=True,
                    file=sys.stderr,
                )
                try:
                    for future in as_completed(futures):
                        task = futures.pop(future)
                        if future.status != "finished":
                            try:
                                exc = future.exception()
                            except BaseException as cancelled:  # e.g. CancelledError
                                exc = cancelled
                            run.failures.append((task, f"{type(exc).__name__}: {' '.join(str(exc).split())}"))
                            continue
                        results = future.result()
                        table = task_table(spec, task, results)
                        digest = result_hash(table, spec.columns)
                        write_atomic(  # tasks/ was tidied when the directory was opened
                            store.task_path(task.id),
                            lambda p, table=table: table.to_parquet(p, index=False),
                            tidy=False,
                        )
                        run.hashes[task.id] = digest
                        run.computed += 1
                        bar.update(1)
                        if time.monotonic() - last_flush > flush_every:
                            flush("running")
                            last_flush = time.monotonic()
                finally:
                    bar.close()
                    for future in futures:
                        future.cancel()
        status = "complete" if run.complete else "incomplete"
    finally:
        try:
            flush(status)
        finally:
            store.unlock()
    run.elapsed = time.perf_counter() - started
    return run
