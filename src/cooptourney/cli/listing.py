"""``cooptourney list``: the registered strategies with their classifiers, or axelrod coverage."""

from __future__ import annotations

import argparse

from cooptourney.cli.common import EXIT_OK, UsageError, add_plugin_flag, show
from cooptourney.config import load_plugins
from cooptourney.output.tables import strategy_table
from cooptourney.registry import RECIPROCITY_TAGS, REGISTRY


def cmd_list(args: argparse.Namespace) -> int:
    """Print the registered strategies that match the filters, or the axelrod coverage table."""
    load_plugins(args.plugins or [])
    if args.coverage:
        from cooptourney import coverage

        try:
            rows = coverage.coverage()
        except RuntimeError as exc:  # axelrod missing
            raise UsageError(str(exc)) from None
        show(coverage.table(rows))
        return EXIT_OK
    stochastic = True if args.stochastic else False if args.deterministic else None
    specs = REGISTRY.filter(
        reciprocity=args.reciprocity,
        stochastic=stochastic,
        max_memory_depth=args.max_memory,
        uses_game=True if args.uses_game else None,
        uses_length=True if args.uses_length else None,
    )
    total = len(REGISTRY.all())
    if specs:
        show(strategy_table(specs))
        show()
    filtered = len(specs) != total or any(
        [
            args.reciprocity,
            args.stochastic,
            args.deterministic,
            args.max_memory is not None,
            args.uses_game,
            args.uses_length,
        ]
    )
    show(f"{len(specs)} of {total} strategies match." if filtered else f"{total} strategies.")
    return EXIT_OK


def register(sub) -> None:
    """Add ``list`` to the ``cooptourney`` subcommands."""
    lst = sub.add_parser(
        "list",
        help="list the registered strategies",
        description="List the registered strategies with their classifiers.",
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
        "--coverage",
        action="store_true",
        help="for every axelrod strategy: native and verified, native but different in a tournament (how), "
        "native but unverified (why), "
        "or Python path only (needs axelrod installed)",
    )
    add_plugin_flag(lst)
    lst.set_defaults(handler=cmd_list)
