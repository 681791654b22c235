"""``cooptourney sweep``: run a parameter sweep of tournaments on Dask (docs/howto/sweeps.md).

::

    cooptourney sweep SPEC.toml --out DIR [--workers N] [--threads-per-worker N]
                      [--processes | --threads] [--scheduler tcp://HOST:PORT]
                      [--numba-threads N] [--no-progress]

Exit codes: 0 success; 1 tasks failed; 2 bad usage, one line; 130 interrupted (rerun the
same command to finish: nothing done is lost or computed twice).
"""

from __future__ import annotations

import argparse

from cooptourney.atomic import check_writable_dir
from cooptourney.cli.common import EXIT_FAILED, EXIT_OK, UsageError, docs_url, progress_wanted, show, warn


def _positive(name: str, value: int | None) -> None:
    if value is not None and value < 1:
        raise UsageError(f"{name} must be >= 1, got {value}")


def cmd_sweep(args: argparse.Namespace) -> int:
    """Run (or resume) a sweep on Dask; report failed tasks."""
    from cooptourney.sweeps import load_spec, run_sweep

    for name in ("workers", "threads_per_worker", "numba_threads"):
        _positive("--" + name.replace("_", "-"), getattr(args, name))
    if args.scheduler and (args.workers or args.threads_per_worker or args.processes is not None):
        raise UsageError(
            "--workers, --threads-per-worker, --processes and --threads configure the local "
            "cluster; with --scheduler the workers are those started by `dask worker`"
        )
    check_writable_dir(args.out, "sweep directory (--out)")
    spec = load_spec(args.spec)
    show(f"Sweep {args.spec}: {spec.describe()}; sweep seed {spec.seed}; results in {args.out}")
    try:
        run = run_sweep(
            spec,
            args.out,
            workers=args.workers,
            threads_per_worker=args.threads_per_worker,
            processes=args.processes is not False,
            scheduler=args.scheduler,
            numba_threads=args.numba_threads,
            progress=progress_wanted(args),
        )
    except KeyboardInterrupt:
        warn("interrupted: every finished task is saved; rerun the same command to compute the rest")
        raise
    if run.cluster:
        show(f"Ran on a {run.cluster}.")
    show(
        f"{run.computed} tasks computed in {run.elapsed:.1f} s"
        + (f", {run.resumed} already done" if run.resumed else "")
        + f"; {len(run.hashes)} of {run.n_tasks} tasks in {run.out}/tasks/, hashes in {run.out}/manifest.json."
    )
    for task, message in run.failures[:10]:
        warn(f"error: task {task.id} ({_settings(task.settings)}) failed: {message}")
    if run.failures:
        more = " (first 10 shown)" if len(run.failures) > 10 else ""
        warn(
            f"error: {len(run.failures)} tasks failed{more}; they were not written: rerun the same command "
            "to retry them"
        )
        return EXIT_FAILED
    return EXIT_OK


def _settings(settings) -> str:
    from cooptourney.sweeps import canonical_json

    return ", ".join(f"{k}={canonical_json(v)}" for k, v in settings.items()) or "the base tournament"


def register(sub) -> None:
    """Add ``sweep`` to the ``cooptourney`` subcommands."""
    sweep = sub.add_parser(
        "sweep",
        help="run a parameter sweep of tournaments on Dask (resumable)",
        description=f"Run every tournament of a sweep spec ({docs_url('howto/sweeps.md')}) on a local Dask cluster, or an "
        "existing one with --scheduler; results go to DIR/tasks/*.parquet and DIR/manifest.json. "
        "Rerunning the same command resumes an interrupted sweep.",
    )
    sweep.add_argument("spec", metavar="SPEC.toml", help="the sweep spec: a base tournament plus [sweep]")
    sweep.add_argument(
        "--out", required=True, metavar="DIR", help="output directory (new, or the same sweep's to resume)"
    )
    sweep.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="local cluster workers (default: one per core with processes, 1 with threads)",
    )
    sweep.add_argument(
        "--threads-per-worker",
        type=int,
        dest="threads_per_worker",
        metavar="N",
        help="tasks run at once per worker (default: 1 with processes, one per core with threads)",
    )
    mode = sweep.add_mutually_exclusive_group()
    mode.add_argument(
        "--processes",
        action="store_true",
        default=None,
        dest="processes",
        help="workers are separate processes (the default)",
    )
    mode.add_argument("--threads", action="store_false", dest="processes", help="workers are threads of this process")
    sweep.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="use a running Dask cluster (`dask scheduler` + `dask worker`) instead of a local one",
    )
    sweep.add_argument(
        "--numba-threads",
        type=int,
        dest="numba_threads",
        metavar="N",
        help="numba threads per task (default: the cores per concurrent task locally, 1 with "
        "--scheduler); results do not depend on it",
    )
    sweep.add_argument("--no-progress", action="store_true", dest="no_progress", help="no progress bar")
    sweep.set_defaults(handler=cmd_sweep, processes=None)
