"""``cooptourney sweep``, ``verify`` and ``report``: parameter sweeps on Dask (docs/sweeps.md).

::

    cooptourney sweep SPEC.toml --out DIR [--workers N] [--threads-per-worker N]
                      [--processes | --threads] [--scheduler tcp://HOST:PORT]
                      [--numba-threads N] [--no-progress]
    cooptourney verify DIR [--sample N | --all | --task ID ...]
    cooptourney report DIR --outcome COLUMN --x SETTING [--y SETTING] [--player NAME] [--plot FILE.png]

Exit codes follow :mod:`cooptourney.cli`: 0 success; 1 tasks failed (sweep) or results
disagree with the manifest (verify); 2 bad usage, one line; 130 interrupted (rerun the
same ``sweep`` command to finish: nothing done is lost or computed twice).
"""

from __future__ import annotations

import argparse
import math
import sys

from cooptourney.cli import EXIT_OK, EXIT_USAGE, EXIT_WRITE_FAILED, format_table
# Not cli.UsageError: under `python -m cooptourney.cli` that module runs as __main__, and an
# exception class from a second copy of it would escape the handler; ConfigError is one class.
from cooptourney.config import ConfigError as UsageError

EXIT_FAILED = EXIT_WRITE_FAILED  # 1: the run or the check did not succeed


def _print(text: str = "") -> None:
    print(text, file=sys.stdout, flush=True)


def _note(text: str) -> None:
    print(f"cooptourney: {text}", file=sys.stderr, flush=True)


def _positive(name: str, value: int | None) -> None:
    if value is not None and value < 1:
        raise UsageError(f"{name} must be >= 1, got {value}")


# -- sweep ------------------------------------------------------------------------------------------
def cmd_sweep(args: argparse.Namespace) -> int:
    from cooptourney.sweep import load_spec, run_sweep

    for name in ("workers", "threads_per_worker", "numba_threads"):
        _positive("--" + name.replace("_", "-"), getattr(args, name))
    if args.scheduler and (args.workers or args.threads_per_worker or args.processes is not None):
        raise UsageError("--workers, --threads-per-worker, --processes and --threads configure the local "
                         "cluster; with --scheduler the workers are those started by `dask worker`")
    spec = load_spec(args.spec)
    _print(f"Sweep {args.spec}: {spec.describe()}; sweep seed {spec.seed}; results in {args.out}")
    try:
        run = run_sweep(spec, args.out, workers=args.workers, threads_per_worker=args.threads_per_worker,
                        processes=args.processes is not False, scheduler=args.scheduler,
                        numba_threads=args.numba_threads, progress=not args.no_progress)
    except KeyboardInterrupt:
        _note("interrupted: every finished task is saved; rerun the same command to compute the rest")
        raise
    if run.cluster:
        _print(f"Ran on a {run.cluster}.")
    _print(f"{run.computed} tasks computed in {run.elapsed:.1f} s"
           + (f", {run.resumed} already done" if run.resumed else "")
           + f"; {len(run.hashes)} of {run.n_tasks} tasks in {run.out}/tasks/, hashes in {run.out}/manifest.json.")
    for task, message in run.failures[:10]:
        _note(f"error: task {task.id} ({_settings(task.settings)}) failed: {message}")
    if run.failures:
        more = " (first 10 shown)" if len(run.failures) > 10 else ""
        _note(f"error: {len(run.failures)} tasks failed{more}; they were not written: rerun the same command "
              "to retry them")
        return EXIT_FAILED
    return EXIT_OK


def _settings(settings) -> str:
    from cooptourney.sweep import canonical_json

    return ", ".join(f"{k}={canonical_json(v)}" for k, v in settings.items()) or "the base tournament"


# -- verify -----------------------------------------------------------------------------------------
def cmd_verify(args: argparse.Namespace) -> int:
    from cooptourney.sweep import verify

    if args.sample is not None and args.sample < 0:
        raise UsageError(f"--sample must be >= 0, got {args.sample}")
    sample = 3 if args.sample is None else args.sample
    report = verify(args.dir, sample=sample, all_tasks=args.all, tasks=args.task or ())
    _print(f"Sweep {args.dir}: {report.n_tasks} tasks, {report.n_tasks - report.not_done} finished.")
    if report.spec_mismatch:
        _note(f"MISMATCH: {report.spec_mismatch}")
    if report.files_checked:
        if report.file_mismatches:
            _note(f"MISMATCH: {len(report.file_mismatches)} of {report.files_checked} task files differ from "
                  f"the hashes in the manifest: {', '.join(report.file_mismatches[:10])}")
        else:
            _print(f"ok: all {report.files_checked} task files match the hashes in the manifest.")
    else:
        _print("no task files here: checking the manifest's hashes by recomputation only.")
    if report.missing:
        _note(f"MISMATCH: {len(report.missing)} finished tasks have no file: {', '.join(report.missing[:10])}")
    if report.recomputed:
        bad = report.recompute_mismatches
        if bad:
            _note(f"MISMATCH: {len(bad)} of {len(report.recomputed)} recomputed tasks give other results than "
                  f"the manifest records: {', '.join(bad[:10])}")
            if report.version_notes:
                _note("note: the manifest was made with " + ", ".join(report.version_notes))
        else:
            _print(f"ok: {len(report.recomputed)} recomputed tasks are bit-identical to the manifest "
                   f"({', '.join(report.recomputed[:10])}{', ...' if len(report.recomputed) > 10 else ''}).")
    elif report.recompute_mismatches:
        _note(f"MISMATCH: {', '.join(report.recompute_mismatches[:10])}")
    if report.ok:
        _print("Verified.")
        return EXIT_OK
    _note("error: verification failed: the results do not match the manifest")
    return EXIT_FAILED


# -- report -----------------------------------------------------------------------------------------
def cmd_report(args: argparse.Namespace) -> int:
    from cooptourney.sweep import load_results, plot_heatmap, summarise

    df = load_results(args.dir)
    table = summarise(df, args.outcome, args.x, args.y, player=args.player)
    who = f"{args.player}" if args.player else "mean over players"
    title = f"{args.outcome} ({who}), mean over tasks"
    _print(f"{title}; rows: {args.y or '-'}, columns: {args.x}.")
    _print(_format(table, args.x, args.y))
    n_tasks = df["task"].nunique()
    _print(f"{n_tasks} tasks; n/a = no value (never observed).")
    if args.plot:
        path = plot_heatmap(table, args.plot, title=f"{args.outcome}: {who}", label=args.outcome)
        _print(f"Wrote the heatmap to {path}.")
    return EXIT_OK


def _cell(x) -> str:
    if isinstance(x, float):
        return "n/a" if math.isnan(x) else f"{x:.4g}"
    return str(x)


def _format(table, x: str, y: str | None) -> str:
    corner = f"{y} \\ {x}" if y else ""
    columns = [corner] + [_cell(c) for c in table.columns]
    rows = [[_cell(i)] + [_cell(v) for v in row] for i, row in zip(table.index, table.to_numpy(dtype=float))]
    return format_table(columns, rows, right=list(range(1, len(columns))))


# -- parsers ----------------------------------------------------------------------------------------
def register(sub) -> None:
    """Add ``sweep``, ``verify`` and ``report`` to the ``cooptourney`` command."""
    sweep = sub.add_parser(
        "sweep", help="run a parameter sweep of tournaments on Dask (resumable)",
        description="Run every tournament of a sweep spec (docs/sweeps.md) on a local Dask cluster, or an "
                    "existing one with --scheduler; results go to DIR/tasks/*.parquet and DIR/manifest.json. "
                    "Rerunning the same command resumes an interrupted sweep.",
    )
    sweep.add_argument("spec", metavar="SPEC.toml", help="the sweep spec: a base tournament plus [sweep]")
    sweep.add_argument("--out", required=True, metavar="DIR", help="output directory (new, or the same sweep's to resume)")
    sweep.add_argument("--workers", type=int, metavar="N",
                       help="local cluster workers (default: one per core with processes, 1 with threads)")
    sweep.add_argument("--threads-per-worker", type=int, dest="threads_per_worker", metavar="N",
                       help="tasks run at once per worker (default: 1 with processes, one per core with threads)")
    mode = sweep.add_mutually_exclusive_group()
    mode.add_argument("--processes", action="store_true", default=None, dest="processes",
                      help="workers are separate processes (the default)")
    mode.add_argument("--threads", action="store_false", dest="processes",
                      help="workers are threads of this process")
    sweep.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="use a running Dask cluster (`dask scheduler` + `dask worker`) instead of a local one")
    sweep.add_argument("--numba-threads", type=int, dest="numba_threads", metavar="N",
                       help="numba threads per task (default: the cores per concurrent task locally, 1 with "
                            "--scheduler); results do not depend on it")
    sweep.add_argument("--no-progress", action="store_true", dest="no_progress", help="no progress bar")
    sweep.set_defaults(handler=cmd_sweep, processes=None)

    verify = sub.add_parser(
        "verify", help="check a sweep's results against its manifest, recomputing a sample",
        description="Hash every task file of DIR and compare with DIR/manifest.json, then recompute a random "
                    "sample of tasks from the spec recorded in the manifest and compare bit for bit. "
                    "Exit code 1 on any mismatch. DIR may also be a manifest.json alone.",
    )
    verify.add_argument("dir", metavar="DIR", help="a sweep's output directory, or its manifest.json")
    which = verify.add_mutually_exclusive_group()
    which.add_argument("--sample", type=int, metavar="N", help="tasks to recompute, picked at random (default 3)")
    which.add_argument("--all", action="store_true", help="recompute every finished task")
    which.add_argument("--task", action="append", metavar="ID", help="recompute this task (repeatable)")
    verify.set_defaults(handler=cmd_verify)

    report = sub.add_parser(
        "report", help="table and heatmap of one outcome over two swept settings",
        description="Summarise a sweep: the mean of an outcome column (e.g. cooperation_rate, score_per_turn) "
                    "over the values of one or two swept settings, as a table and optionally a PNG heatmap.",
    )
    report.add_argument("dir", metavar="DIR", help="a sweep's output directory")
    report.add_argument("--outcome", required=True, metavar="COLUMN",
                        help="a result column: score_per_turn, utility_per_turn, cooperation_rate, contingency, "
                             "retaliation, forgiveness, wins, rank, ...")
    report.add_argument("--x", required=True, metavar="SETTING", help="swept setting for the columns, e.g. politics.s")
    report.add_argument("--y", metavar="SETTING", help="swept setting for the rows (optional)")
    report.add_argument("--player", metavar="NAME", help="this player's outcome (default: the mean over players)")
    report.add_argument("--plot", metavar="FILE.png", help="write a heatmap (matplotlib) to FILE.png")
    report.set_defaults(handler=cmd_report)


__all__ = ["EXIT_FAILED", "EXIT_USAGE", "cmd_report", "cmd_sweep", "cmd_verify", "register"]
