"""``cooptourney reproduce``: published tournaments beside our numbers (docs/reference/reproduce.md).

::

    cooptourney reproduce                                   # list the reproductions
    cooptourney reproduce NAME [--scale F] [--seed S] [--report FILE.html]
    cooptourney reproduce glynatsi-2024 --write-specs DIR   # the design as sweep specs

A run prints the published and measured values side by side with 95% confidence
intervals and the verdict of each value's criterion (fixed in the catalogue before the
run), and writes an HTML report (default ``reproduce-NAME.html``). Disagreeing
verdicts are results, not failures: the exit code is 0 when the run completed.

Exit codes: 0 success; 1 the report or specs could not be written; 2 bad usage (an
unknown name, a scale outside (0, 1], a field the library cannot play), one line.
"""

from __future__ import annotations

import argparse
import math

from cooptourney.atomic import check_writable, check_writable_dir
from cooptourney.cli.common import EXIT_OK, EXIT_WRITE_FAILED, UsageError, plural, show, warn, write_report
from cooptourney.output.tables import format_table


def cmd_reproduce(args: argparse.Namespace) -> int:
    """List the reproductions, or run one and report it."""
    from cooptourney.reproduce import ALL, ReproductionError, check_scale, get_reproduction, resolve_field
    from cooptourney.reproduce.run import MAX_MATCHES_PER_BATCH

    if args.name is None:
        rows = []
        for rep in ALL.values():
            reps = ", ".join(f"{s.key} {s.repetitions:,}" for s in rep.settings)
            rows.append([rep.name, rep.summary, reps, f"{rep.reduced_scale:g}"])
        show(format_table(["Reproduction", "What is compared", "Published repetitions", "CI scale"], rows))
        show()
        show("Run one with `cooptourney reproduce NAME [--scale F] [--seed S] [--report FILE.html]`;")
        show("the table of verdicts and runtimes is in docs/reference/reproduce.md.")
        return EXIT_OK
    try:
        rep = get_reproduction(args.name)
        scale = check_scale(args.scale)
    except ReproductionError as exc:
        raise UsageError(str(exc)) from None
    if args.seed < 0:
        raise UsageError(f"--seed must be a whole number >= 0, got {args.seed}")
    if args.write_specs is not None:
        if rep.name != "glynatsi-2024":
            raise UsageError("--write-specs applies to glynatsi-2024 only (the other reproductions are not sweeps)")
        from cooptourney.reproduce.glynatsi import write_specs

        check_writable_dir(args.write_specs, "spec directory")
        try:
            paths = write_specs(args.write_specs, seed=2024 + args.seed, scale=scale)
        except OSError as exc:
            warn(f"error: cannot write the specs: {exc}")
            return EXIT_WRITE_FAILED
        show("Wrote " + ", ".join(str(p) for p in paths) + ".")
        show("Run each with `cooptourney sweep SPEC --out DIR` (add --scheduler for a Dask cluster).")
        return EXIT_OK
    report = args.report or f"reproduce-{rep.name}.html"
    if not report.lower().endswith((".html", ".htm")):
        raise UsageError(f"--report needs an .html file name, got {report!r}")
    check_writable(report, "report")
    if rep.name != "glynatsi-2024":
        fld = resolve_field(rep)
        if len(fld.players) < 2:
            raise UsageError(
                f"{rep.name}: the library has {len(fld.players)} of its field's strategies, too few to play "
                f"(missing: {', '.join(fld.missing)})"
            )
        n = len(fld.players)
        matches = sum(n * (n + 1) // 2 * max(2, round(s.repetitions * scale)) * len(s.lengths) for s in rep.settings)
        batches = math.ceil(matches / MAX_MATCHES_PER_BATCH)
        show(f"Playing {matches:,} matches ({n} strategies) in {plural(batches, 'batch', 'batches')} or more...")
    result = _run(rep, scale, args.seed)
    show(result.text())
    return write_report(lambda: result.report(report), report)


def _run(rep, scale: float, seed: int):
    from cooptourney.reproduce import ReproductionError, run_reproduction

    try:
        return run_reproduction(rep, scale=scale, seed=seed, progress=True)
    except ReproductionError as exc:
        raise UsageError(str(exc)) from None


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "reproduce",
        help="published tournaments beside our numbers, with verdicts",
        description="Without NAME, list the reproductions. With NAME, play it at --scale times the published "
        "repetitions, print published and measured values with 95%% confidence intervals and the verdict of "
        "each criterion, and write an HTML report (see docs/reference/reproduce.md).",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="the reproduction to run (omit to list them)")
    p.add_argument(
        "--scale",
        default=1.0,
        metavar="F",
        help="fraction of the published repetitions to play, in (0, 1] (default 1: the published size)",
    )
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed, a whole number >= 0 (default 0)")
    p.add_argument("--report", metavar="FILE.html", help="the HTML report (default reproduce-NAME.html)")
    p.add_argument(
        "--write-specs",
        metavar="DIR",
        help="glynatsi-2024 only: write the design's four sweep specs (scaled by --scale) instead of running",
    )
    p.set_defaults(handler=cmd_reproduce)
