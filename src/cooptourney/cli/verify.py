"""``cooptourney verify``: check a sweep's results against its manifest, recomputing a sample.

::

    cooptourney verify DIR [--sample N | --all | --task ID ...]

Exit codes: 0 verified; 1 the sweep is incomplete or its results disagree with the
manifest; 2 bad usage.
"""

from __future__ import annotations

import argparse

from cooptourney.cli.common import EXIT_FAILED, EXIT_OK, UsageError, show, warn

#: Task ids shown in one line of the report (all of them: ``verify(DIR).unfinished``)
_SHOWN = 20


def cmd_verify(args: argparse.Namespace) -> int:
    """Check a sweep directory against its manifest; exit code 1 on any mismatch."""
    from cooptourney.sweeps import verify

    if args.sample is not None and args.sample < 0:
        raise UsageError(f"--sample must be >= 0, got {args.sample}")
    sample = 3 if args.sample is None else args.sample
    report = verify(args.dir, sample=sample, all_tasks=args.all, tasks=args.task or ())
    show(f"Sweep {args.dir}: {report.n_tasks} tasks, {report.n_tasks - report.not_done} finished.")
    if report.spec_mismatch:
        warn(f"MISMATCH: {report.spec_mismatch}")
    if report.files_checked:
        if report.file_mismatches:
            warn(
                f"MISMATCH: {len(report.file_mismatches)} of {report.files_checked} task files differ from "
                f"the hashes in the manifest: {', '.join(report.file_mismatches[:10])}"
            )
        else:
            show(f"ok: all {report.files_checked} task files match the hashes in the manifest.")
    else:
        show("no task files here: checking the manifest's hashes by recomputation only.")
    if report.missing:
        warn(f"MISMATCH: {len(report.missing)} finished tasks have no file: {', '.join(report.missing[:10])}")
    if report.unfinished:
        shown = report.unfinished[:_SHOWN]
        more = f" and {len(report.unfinished) - len(shown)} more" if len(report.unfinished) > len(shown) else ""
        warn(
            f"INCOMPLETE: {report.not_done} of {report.n_tasks} tasks have no result in the manifest: "
            f"{', '.join(shown)}{more}; rerun the `cooptourney sweep` command that made it to compute them"
        )
    if report.recomputed:
        bad = report.recompute_mismatches
        if bad:
            warn(
                f"MISMATCH: {len(bad)} of {len(report.recomputed)} recomputed tasks give other results than "
                f"the manifest records: {', '.join(bad[:10])}"
            )
            if report.version_notes:
                warn("note: the manifest was made with " + ", ".join(report.version_notes))
        else:
            show(
                f"ok: {len(report.recomputed)} recomputed tasks are bit-identical to the manifest "
                f"({', '.join(report.recomputed[:10])}{', ...' if len(report.recomputed) > 10 else ''})."
            )
    elif report.recompute_mismatches:
        warn(f"MISMATCH: {', '.join(report.recompute_mismatches[:10])}")
    if report.ok:
        show("Verified.")
        return EXIT_OK
    if report.consistent:
        warn(
            f"error: verification failed: the sweep is incomplete ({report.not_done} of {report.n_tasks} tasks missing)"
        )
    else:
        warn("error: verification failed: the results do not match the manifest")
    return EXIT_FAILED


def register(sub) -> None:
    """Add ``verify`` to the ``cooptourney`` subcommands."""
    verify = sub.add_parser(
        "verify",
        help="check a sweep's results against its manifest, recomputing a sample",
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
