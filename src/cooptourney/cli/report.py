"""``cooptourney report``: a table, heatmap or HTML report of one outcome over a sweep's settings.

::

    cooptourney report DIR --outcome COLUMN --x SETTING [--y SETTING] [--player NAME]
                       [--plot FILE.png] [--report FILE.html]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cooptourney.cli.common import EXIT_OK, add_report_flag, check_output, check_plot_path, show, write_report
from cooptourney.output.tables import sweep_table


def cmd_report(args: argparse.Namespace) -> int:
    """Print one outcome of a sweep over one or two settings; write the heatmap and report."""
    import matplotlib.pyplot as plt

    from cooptourney.output.plots import sweep_heatmap
    from cooptourney.output.report import check_report_path, sweep_report
    from cooptourney.sweeps import load_results, read_manifest, summarise

    if args.report is not None:
        check_report_path(args.report)
        check_output(args.report, "report")
    check_plot_path(args.plot)
    df = load_results(args.dir)
    table = summarise(df, args.outcome, args.x, args.y, player=args.player)
    who = f"{args.player}" if args.player else "mean over players"
    title = f"{args.outcome} ({who}), mean over tasks"
    show(f"{title}; rows: {args.y or '-'}, columns: {args.x}.")
    show(sweep_table(table, args.x, args.y))
    n_tasks = df["task"].nunique()
    show(f"{n_tasks} tasks; n/a = no value (never observed).")
    if args.plot:
        plt.close(sweep_heatmap(table, title=f"{args.outcome}: {who}", label=args.outcome, path=args.plot))
        show(f"Wrote the heatmap to {Path(args.plot)}.")
    if args.report is None:
        return EXIT_OK
    manifest, _ = read_manifest(args.dir)
    spec = manifest.get("spec", {})
    seed = spec.get("sweep", {}).get("seed") if isinstance(spec, dict) else None
    summary = (
        f"Sweep {args.dir}: {n_tasks} tasks; each cell is the mean over the tasks with "
        "those settings of the outcome (per task: the player's, or the mean over players)."
    )
    return write_report(
        lambda: sweep_report(
            table,
            args.report,
            args.outcome,
            args.x,
            args.y,
            args.player,
            summary=summary,
            settings={"seed": seed, "dir": str(args.dir), "spec": spec},
        ),
        args.report,
    )


def register(sub) -> None:
    """Add ``report`` to the ``cooptourney`` subcommands."""
    report = sub.add_parser(
        "report",
        help="table and heatmap of one outcome over two swept settings",
        description="Summarise a sweep: the mean of an outcome column (e.g. cooperation_rate, score_per_turn_mean) "
        "over the values of one or two swept settings, as a table and optionally a PNG heatmap.",
    )
    report.add_argument("dir", metavar="DIR", help="a sweep's output directory")
    report.add_argument(
        "--outcome",
        required=True,
        metavar="COLUMN",
        help="a result column: score_per_turn_mean, utility_per_turn, cooperation_rate, contingency, "
        "retaliation, forgiveness, wins, rank, ...",
    )
    report.add_argument("--x", required=True, metavar="SETTING", help="swept setting for the columns, e.g. politics.s")
    report.add_argument("--y", metavar="SETTING", help="swept setting for the rows (optional)")
    report.add_argument("--player", metavar="NAME", help="this player's outcome (default: the mean over players)")
    report.add_argument("--plot", metavar="FILE.png", help="write a heatmap (matplotlib) to FILE.png")
    add_report_flag(report)
    report.set_defaults(handler=cmd_report)
