"""``cooptourney demo``: list the teaching demos or run one (docs/tutorial.md).

::

    cooptourney demo                       # list the demos
    cooptourney demo NAME [--out DIR] [--report FILE.html] [--seed S] [--quick]

Exit codes: 0 success; 1 the plots or the report could not be written; 2 bad usage (e.g.
an unknown demo name, with suggestions), one line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cooptourney.atomic import check_writable, check_writable_dir
from cooptourney.cli.common import EXIT_OK, EXIT_WRITE_FAILED, UsageError, add_report_flag, docs_url, show, wrap
from cooptourney.output.tables import format_table


def cmd_demo(args: argparse.Namespace) -> int:
    """List the demos, or run one: print its narrative, save its plots and report."""
    from cooptourney.demos import DEMOS, UnknownDemoError, get_demo
    from cooptourney.output.report import check_report_path

    if args.name is None:
        rows = [[d.name, d.summary] for d in DEMOS.values()]
        show(format_table(["Demo", "What it shows"], rows))
        show()
        show(
            "Run one with `cooptourney demo NAME [--out DIR] [--report FILE.html] [--seed S]`; "
            f"the class they make: {docs_url('tutorial.md')}"
        )
        return EXIT_OK
    if args.seed is not None and args.seed < 0:
        raise UsageError(f"--seed must be a whole number >= 0, got {args.seed}")
    if args.report is not None:
        check_report_path(args.report)  # the same rule as run, evolve and report
        check_writable(args.report, "report")
    if args.out is not None:
        check_writable_dir(args.out, "plot directory")
    try:
        demo = get_demo(args.name)
    except UnknownDemoError as exc:
        raise UsageError(str(exc)) from None
    if demo.run is None:
        raise UsageError(f"demo {demo.name!r} is planned but not available yet: {demo.summary}")
    out = Path(args.out) if args.out else Path(f"demo-{demo.name}")
    seed = 0 if args.seed is None else args.seed
    result = demo.run(quick=args.quick, seed=seed, out=None)
    show(wrap(result.narrative))  # to the terminal's width; a pipe gets it as written
    try:
        paths = result.save_figures(out)
        if args.report:
            report = result.report(args.report)
    except OSError as exc:
        print(f"cooptourney: error: cannot write the demo's files: {exc}", file=sys.stderr)
        return EXIT_WRITE_FAILED
    finally:
        result.close()
    show("Plots: " + ", ".join(str(p) for p in paths))
    if args.report:
        show(f"Report: {report}")
    return EXIT_OK


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "demo",
        help="teaching demos: echo, gears, specific-vs-diffuse, free-riders, ...",
        description="Without NAME, list the teaching demos. With NAME, run it (under a minute), print what it "
        f"measured and save its plots (the tutorial: {docs_url('tutorial.md')}).",
    )
    p.add_argument("name", nargs="?", metavar="NAME", help="the demo to run (omit to list them)")
    p.add_argument("--out", metavar="DIR", help="directory for the PNG plots (default ./demo-NAME)")
    add_report_flag(p)
    p.add_argument("--seed", type=int, metavar="S", help="random seed, a whole number >= 0 (default 0)")
    p.add_argument("--quick", action="store_true", help="small settings (a few seconds)")
    p.set_defaults(handler=cmd_demo)
