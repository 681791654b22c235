"""``cooptourney warmup``: compile strategies and the engine ahead of time, on every core.

::

    cooptourney warmup [NAME ... | --all] [--processes N] [--plugin FILE.py] [-q] [--no-progress]

Without names it compiles the default tournament's players; ``--all`` the whole library.
What it compiles goes to the on-disk cache, so that a cluster job or a class starts
playing at once.
"""

from __future__ import annotations

import argparse

from cooptourney.cli.common import (
    EXIT_OK,
    UsageError,
    add_plugin_flag,
    add_progress_flags,
    players_from,
    progress_wanted,
    show,
    whole_number,
)


def cmd_warmup(args: argparse.Namespace) -> int:
    """Compile the strategies asked for and the kernels; say what it did."""
    from cooptourney.config import DEFAULT_PLAYERS, load_plugins
    from cooptourney.precompile import warmup
    from cooptourney.registry import REGISTRY

    load_plugins(args.plugins or [])
    names = players_from(args.names)
    if args.all and names:
        raise UsageError("give strategy names or --all, not both")
    if args.processes is not None and args.processes < 1:
        raise UsageError(f"--processes must be at least 1, got {args.processes}")
    if args.all:
        chosen = None
    elif names:
        chosen = names
    else:
        chosen = [name for name in DEFAULT_PLAYERS if name in REGISTRY]
    if chosen is not None:
        from cooptourney.players import as_player

        for name in chosen:  # an unknown name is a usage error before anything compiles
            as_player(name)
    report = warmup(chosen, processes=args.processes, progress=progress_wanted(args))
    if not args.quiet:
        show(str(report))
    return EXIT_OK


def register(sub) -> None:
    """Add ``warmup`` to the ``cooptourney`` subcommands."""
    p = sub.add_parser(
        "warmup",
        help="compile strategies and the engine ahead of time (in parallel)",
        description="Compile the tournament engine and strategies into the on-disk cache ahead of time, "
        "in worker processes on every core, so that later runs start at once (for cluster jobs and "
        "classrooms). Without names: the default tournament's players.",
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="strategies to compile; @FILE reads names from FILE")
    p.add_argument("--all", action="store_true", help="every registered strategy (the whole library)")
    p.add_argument(
        "--processes",
        type=whole_number,
        metavar="N",
        help="worker processes (default: one per core; 1 compiles in this process)",
    )
    add_plugin_flag(p)
    add_progress_flags(p)
    p.set_defaults(handler=cmd_warmup)
