"""``cooptourney list``: the registered strategies with their classifiers, or axelrod coverage.

Strategies are listed by name (case-insensitive); ``--names`` prints the names alone, one
a line, for scripts and ``-p @FILE``; ``--format csv|json`` gives every classifier to a
program. A strategy that reads what the group did plays only in multilateral mode and
is marked ``[M]``.
"""

from __future__ import annotations

import argparse
import json
import sys

from cooptourney.cli.common import (
    EXIT_OK,
    UsageError,
    add_format_flag,
    add_plugin_flag,
    add_progress_flags,
    progress_wanted,
    show,
    terminal_width,
)
from cooptourney.config import load_plugins
from cooptourney.output.tables import MULTILATERAL_MARK, strategy_records, strategy_table
from cooptourney.registry import RECIPROCITY_TAGS, REGISTRY


def cmd_list(args: argparse.Namespace) -> int:
    """Print the registered strategies that match the filters, or the axelrod coverage table."""
    load_plugins(args.plugins or [])
    if args.coverage:
        return _coverage(args)
    stochastic = True if args.stochastic else False if args.deterministic else None
    specs = REGISTRY.filter(
        reciprocity=args.reciprocity,
        stochastic=stochastic,
        max_memory_depth=args.max_memory,
        uses_game=True if args.uses_game else None,
        uses_length=True if args.uses_length else None,
    )
    if args.pairwise:
        specs = [s for s in specs if not s.group]
    specs = sorted(specs, key=lambda s: (s.name.casefold(), s.name))
    if args.names:
        for s in specs:
            show(s.name)
        return EXIT_OK
    fmt = args.format or "table"
    if fmt == "csv":
        import pandas as pd

        sys.stdout.write(pd.DataFrame(strategy_records(specs)).to_csv(index=False))
        return EXIT_OK
    if fmt == "json":
        sys.stdout.write(json.dumps(strategy_records(specs), indent=1) + "\n")
        return EXIT_OK
    total = len(REGISTRY.all())
    if specs:
        show(strategy_table(specs, width=terminal_width()))
        show()
    filtered = len(specs) != total or any(
        [
            args.reciprocity,
            args.stochastic,
            args.deterministic,
            args.max_memory is not None,
            args.uses_game,
            args.uses_length,
            args.pairwise,
        ]
    )
    if args.quiet:
        return EXIT_OK
    show(f"{len(specs)} of {total} strategies match." if filtered else f"{total} strategies.")
    if any(s.group for s in specs):
        show(f"{MULTILATERAL_MARK} plays only in multilateral mode (`cooptourney run --multilateral`).")
    return EXIT_OK


def _coverage(args: argparse.Namespace) -> int:
    from cooptourney import coverage

    try:
        rows = coverage.coverage(progress=progress_wanted(args))
    except RuntimeError as exc:  # axelrod missing
        raise UsageError(str(exc)) from None
    show(coverage.table(rows))
    return EXIT_OK


def register(sub) -> None:
    """Add ``list`` to the ``cooptourney`` subcommands."""
    lst = sub.add_parser(
        "list",
        help="list the registered strategies",
        description="List the registered strategies with their classifiers, sorted by name. "
        f"{MULTILATERAL_MARK} marks a strategy that plays only in multilateral mode.",
    )
    lst.add_argument(
        "--names",
        action="store_true",
        help="print the names alone, one a line (a file for `run -p @FILE`)",
    )
    lst.add_argument(
        "--reciprocity",
        action="append",
        choices=RECIPROCITY_TAGS,
        metavar="TAG",
        help=f"only this reciprocity tag ({', '.join(RECIPROCITY_TAGS)}); repeatable",
    )
    random_group = lst.add_mutually_exclusive_group()
    random_group.add_argument("--stochastic", action="store_true", help="only strategies that draw random numbers")
    random_group.add_argument("--deterministic", action="store_true", help="only deterministic strategies")
    lst.add_argument(
        "--max-memory", type=int, dest="max_memory", metavar="N", help="only strategies reading at most N past turns"
    )
    lst.add_argument("--uses-game", action="store_true", dest="uses_game", help="only strategies that read the payoffs")
    lst.add_argument(
        "--uses-length", action="store_true", dest="uses_length", help="only strategies that read the match length"
    )
    lst.add_argument(
        "--pairwise",
        action="store_true",
        help=f"only strategies that play in a round robin (leave out those marked {MULTILATERAL_MARK})",
    )
    lst.add_argument(
        "--coverage",
        action="store_true",
        help="for every axelrod strategy: native and verified, native but different in a tournament (how), "
        "native but unverified (why), "
        "or Python path only (needs axelrod installed)",
    )
    add_format_flag(lst)
    add_progress_flags(lst)
    add_plugin_flag(lst)
    lst.set_defaults(handler=cmd_list)
