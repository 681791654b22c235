"""The ``cooptourney`` command: one module per subcommand, listed in :data:`COMMANDS`.

Usage (the command-line reference of the documentation)::

    cooptourney run [CONFIG.toml] [-p NAME ...] [--turns N] [--prob-end P] ...
    cooptourney list [--reciprocity TAG] [--stochastic | --deterministic] ...
    cooptourney match A B [--turns N] [--noise E] [--seed S] ...
    cooptourney game [--game R,S,T,P] [--k K ...] [--preset NAME ...] [--s S] ...
    cooptourney demo | evolve | fingerprint | sweep | verify | report ...
    cooptourney warmup [NAME ... | --all] [--processes N]
    cooptourney completion bash|zsh|tcsh
    cooptourney --version

Each command module defines ``register(subparsers)``, which adds its parser with
``set_defaults(handler=...)``; the shared flags, printing and the one
:class:`~cooptourney.cli.common.UsageError` are in :mod:`cooptourney.cli.common`.

Exit codes: 0 success; 1 the results could not be written; 2 bad usage (unknown
flag, invalid setting, unknown strategy, bad config, missing file), reported on
one line ``cooptourney: error: <message>``; 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from cooptourney import __version__

# `list` is the command; its module is listing.py, as a submodule named list would shadow
# the builtin in this package's namespace.
from cooptourney.cli import (
    completion,
    demo,
    evolve,
    fingerprint,
    game,
    listing,
    match,
    politicization,
    reciprocity,
    report,
    reproduce,
    run,
    state,
    sweep,
    verify,
    warmup,
)
from cooptourney.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    USAGE_ERRORS,
    Parser,
    UsageError,
    docs_url,
    one_line,
)

__all__ = ["COMMANDS", "build_parser", "main"]

#: The subcommands, in the order ``cooptourney --help`` lists them.
COMMANDS = (
    run,
    listing,
    match,
    game,
    demo,
    evolve,
    fingerprint,
    reciprocity,
    politicization,
    state,
    reproduce,
    sweep,
    verify,
    report,
    warmup,
    completion,
)


def build_parser() -> argparse.ArgumentParser:
    """The ``cooptourney`` parser with every command of :data:`COMMANDS`."""
    parser = Parser(
        prog=PROG,
        description="Iterated prisoner's dilemma tournaments on a numba core.",
        epilog="Run `cooptourney COMMAND --help` for the flags of each command; the reference is "
        f"{docs_url('reference/cli.md')}.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
        args.argv = argv  # for the command that reproduces a report
        if args.command is None:
            raise UsageError(
                f"missing command: choose one of {', '.join(_command_names(parser))} (see `cooptourney --help`)"
            )
        if getattr(args, "max_memory", None) is not None and args.max_memory < 0:
            raise UsageError(f"--max-memory must be >= 0, got {args.max_memory}")
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except BrokenPipeError:  # e.g. `cooptourney list | head` (before OSError, its base class)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except USAGE_ERRORS as exc:
        print(f"{PROG}: error: {one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []
