"""What every command shares: exit codes, the one usage error, printing, flags, plot and report writing.

Exit codes: 0 success; 1 the results could not be written (or a sweep task failed, or a
verification disagreed); 2 bad usage (unknown flag, invalid setting, unknown strategy, bad
config, missing file), reported on one line ``cooptourney: error: <message>``; 130
interrupted.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from cooptourney.atomic import check_writable
from cooptourney.config import DEFAULT_TOURNAMENT, ConfigError
from cooptourney.game import Game
from cooptourney.output.tables import DOCS_URL, docs_url
from cooptourney.registry import UnknownStrategyError
from cooptourney.settings import SettingsError

__all__ = [
    "DOCS_URL",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_WRITE_FAILED",
    "FORMATS",
    "PROG",
    "USAGE_ERRORS",
    "Parser",
    "UsageError",
    "add_format_flag",
    "add_length_flags",
    "add_plugin_flag",
    "add_progress_flags",
    "add_report_flag",
    "check_output",
    "check_plot_path",
    "describe_game",
    "describe_length",
    "docs_url",
    "game_note",
    "number",
    "one_line",
    "players_from",
    "plural",
    "prepare_compile",
    "progress_wanted",
    "save_plot",
    "show",
    "terminal_width",
    "warn",
    "whole_number",
    "wrap",
    "write_report",
]

PROG = "cooptourney"
EXIT_OK, EXIT_WRITE_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_FAILED = EXIT_WRITE_FAILED  # 1: a sweep's run or a verification did not succeed

#: What ``--format`` accepts: the human table, or machine-readable text on stdout.
FORMATS = ("table", "csv", "json")


class UsageError(Exception):
    """Bad command-line usage (raised instead of argparse's print-usage-and-exit)."""


# Errors that mean "the user asked for something invalid": exit 2, one line, no traceback.
USAGE_ERRORS = (UsageError, ConfigError, SettingsError, UnknownStrategyError, ValueError, OSError)


class Parser(argparse.ArgumentParser):
    """argparse, raising :class:`UsageError` instead of printing the usage and exiting."""

    def error(self, message: str) -> None:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


# -- printing -----------------------------------------------------------------------------------
def show(text: str = "") -> None:
    """One line (or block) of the command's output, on stdout."""
    print(text, file=sys.stdout, flush=True)


def warn(text: str) -> None:
    """A note or error line on stderr, prefixed with the program name."""
    print(f"{PROG}: {text}", file=sys.stderr, flush=True)


def terminal_width(default: int = 100) -> int:
    """Columns of the terminal (``COLUMNS`` when set), ``default`` when output is not a terminal."""
    if "COLUMNS" in os.environ or sys.stdout.isatty():
        return max(40, shutil.get_terminal_size((default, 24)).columns)
    return default


def wrap(text: str, width: int | None = None) -> str:
    """Paragraphs of prose wrapped to the terminal (at most 100 columns, for reading).

    Blank lines separate paragraphs; lines that start with a space or look like a table
    row, a list item or a command (``|``, ``-``, ``*``, ``$``, two spaces inside) are kept
    as they are. Without ``width``, text for a pipe or a file is left as it is (a program
    reading it gets one line per paragraph).
    """
    if width is None:
        if "COLUMNS" not in os.environ and not sys.stdout.isatty():
            return text
        width = terminal_width()
    width = min(width, 100)
    out: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.extend(textwrap.wrap(" ".join(para), width, break_on_hyphens=False, break_long_words=False) or [""])
            para.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
            out.append("")
        elif line[0].isspace() or stripped.startswith(("|", "-", "*", "$")) or "  " in stripped:
            flush()
            out.append(line)
        else:
            para.append(stripped)
    flush()
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def one_line(exc: BaseException) -> str:
    """An exception as one line of text for ``cooptourney: error: ...``."""
    if isinstance(exc, FileNotFoundError) and exc.filename:
        return f"no such file: {exc.filename!r}"
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def plural(n: int, word: str, plural: str = "") -> str:
    """``1 turn``, ``2 turns`` (``plural`` for irregular words)."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def describe_length(turns: int | None, prob_end: float | None) -> str:
    """A match length in words: fixed turns, or prob_end with its expected length."""
    if not prob_end:
        return plural(turns, "turn")
    mean = 1 / prob_end if prob_end > 1e-308 else math.inf  # 1 / 5e-324 overflows
    shown = f"{mean:.4g}" if math.isfinite(mean) else "over 1e308"
    text = f"prob_end {prob_end:g} (expected length {shown} turns"
    return text + (f"; at most {turns})" if turns else ")")


def describe_game(game: Game) -> str:
    """The game in the command's header line."""
    return f"game {game}"


def game_note(game: Game) -> str | None:
    """A warning line when the game is not a Prisoner's Dilemma, naming its class."""
    cls = game.classification
    if cls == "Prisoner's Dilemma":
        return None
    what = "of no named class" if cls == "other" else f"a {cls} game"
    return (
        f"note: this game is NOT a Prisoner's Dilemma: it is {what} "
        f"(a PD needs T > R > P > S and 2R > T + S); it is played as given."
    )


# -- flags --------------------------------------------------------------------------------------
def whole_number(text: str) -> int:
    """argparse type of a count or seed: ``200``, ``1e6`` (a whole number written as a float) or
    ``1_000``; its range is checked where it is used, with the setting's name."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        x = float(text)
    except ValueError:
        x = math.nan
    if not x.is_integer():
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return int(x)


def number(text: str) -> float:
    """argparse type of a rate or payoff: any float; its range is checked where it is used."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None


def add_length_flags(p: argparse.ArgumentParser) -> None:
    """--turns, --prob-end, --noise, --seed and --game."""
    p.add_argument(
        "--turns",
        type=whole_number,
        metavar="N",
        help=f"turns per match (default {DEFAULT_TOURNAMENT['turns']}); with --prob-end, the cap on the length",
    )
    p.add_argument(
        "--prob-end",
        type=number,
        metavar="P",
        dest="prob_end",
        help="probability that a match ends after each turn (random length, players not told)",
    )
    p.add_argument(
        "--noise",
        type=number,
        metavar="E",
        help=f"probability that each move is flipped (default {DEFAULT_TOURNAMENT['noise']:g})",
    )
    p.add_argument(
        "--seed",
        type=whole_number,
        metavar="S",
        help=f"random seed, a whole number >= 0 (default {DEFAULT_TOURNAMENT['seed']})",
    )
    p.add_argument(
        "--game",
        metavar="R,S,T,P",
        help=f"payoffs (default {','.join(f'{x:g}' for x in DEFAULT_TOURNAMENT['game'])}); write --game=-1,0,5,1 when the first is negative",
    )


def add_progress_flags(p: argparse.ArgumentParser, quiet: bool = True) -> None:
    """--no-progress and (unless ``quiet`` is False) -q/--quiet."""
    p.add_argument(
        "--no-progress",
        action="store_true",
        dest="no_progress",
        help="no progress bar or compile notice (they appear on stderr, only when it is a terminal)",
    )
    if quiet:
        p.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="print only the results: no header, notes, footer or progress",
        )


def progress_wanted(args: argparse.Namespace) -> bool:
    """Show progress: not turned off (``--no-progress``, ``--quiet``) and stderr is a terminal
    (so logs and pipes get no bar)."""
    if getattr(args, "no_progress", False) or getattr(args, "quiet", False):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def prepare_compile(players, args: argparse.Namespace, kernel: str = "play_tournament") -> None:
    """On a terminal, announce and run the one-off compile of whatever of ``players`` (and
    the engine's ``kernel``) is not in the cache yet: one line on stderr, then the compile in worker
    processes on every core, with a bar. Runs with a warm cache, and runs whose stderr is
    not a terminal (logs, pipes, tests), compile as they go, as they always did."""
    if not progress_wanted(args):
        return
    from cooptourney.precompile import KERNELS, compile_specs, pending

    todo, kernels = pending((p.spec for p in players if hasattr(p, "spec")), [kernel])
    if not todo and not kernels:
        return
    parts = ([plural(len(todo), "strategy", "strategies")] if todo else []) + ([KERNELS] if kernels else [])
    warn(
        f"compiling {' and '.join(parts)}, one-off: later runs load them from the cache "
        "(`cooptourney warmup --all` compiles the whole library ahead of time)"
    )
    compile_specs(todo, progress=True, kernels=kernels)


def add_format_flag(p: argparse.ArgumentParser) -> None:
    """--format table|csv|json."""
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        dest="format",
        help="what stdout gets: the table for reading (default), or csv or json for programs "
        "(then nothing else is printed there)",
    )


def players_from(values: list[str] | None) -> list[str] | None:
    """Player names with every ``@FILE`` replaced by the names in FILE: one per line; blank
    lines and lines starting with ``#`` are skipped. A missing or empty file is a usage error."""
    if not values:
        return values
    names: list[str] = []
    for value in values:
        if not value.startswith("@"):
            names.append(value)
            continue
        path = value[1:]
        if not path:
            raise UsageError("-p @FILE needs a file name after the @")
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"no such players file: {path!r}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read the players file {path!r}: {one_line(exc)}") from None
        found = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if not found:
            raise UsageError(f"the players file {path!r} names no player (one name per line)")
        names.extend(found)
    return names


def add_plugin_flag(p: argparse.ArgumentParser) -> None:
    """--plugin FILE.py (repeatable)."""
    p.add_argument(
        "--plugin",
        action="append",
        dest="plugins",
        metavar="FILE.py",
        help="import a Python file that registers strategies (repeatable)",
    )


def add_report_flag(p: argparse.ArgumentParser) -> None:
    """--report FILE.html."""
    p.add_argument(
        "--report",
        metavar="FILE.html",
        help="also write one self-contained HTML report (plots embedded, opens offline)",
    )


# -- files --------------------------------------------------------------------------------------
def check_output(path: str | Path | None, what: str = "output file") -> None:
    """Refuse an output path that cannot be written, before any work starts (exit code 2)."""
    if path is not None:
        check_writable(path, what)


#: File types a plot can be written as (by its suffix; matplotlib's formats).
PLOT_SUFFIXES = (".png", ".pdf", ".svg", ".jpg", ".jpeg")


def check_plot_path(path: str | Path | None) -> None:
    """Refuse a plot file name without a known image suffix, or one that cannot be written."""
    if path is None:
        return
    if Path(path).suffix.lower() not in PLOT_SUFFIXES:
        raise UsageError(f"a plot file name must end in {', '.join(PLOT_SUFFIXES)}, got {str(path)!r}")
    check_writable(path, "plot")


def write_report(write: Callable[[], object], path: str, quiet: bool = False) -> int:
    """Run ``write()`` (which writes the HTML report); a file that cannot be written is exit code 1.
    ``quiet``: say nothing on success (stdout carries only the results)."""
    try:
        write()
    except OSError as exc:
        warn(f"error: cannot write the report {str(path)!r}: {exc}")
        return EXIT_WRITE_FAILED
    if not quiet:
        show(f"Wrote the HTML report to {path}.")
    return EXIT_OK


def save_plot(plotter, result, path: str) -> int:
    """Draw and write the plot; a file that cannot be written is exit code 1."""
    import matplotlib.pyplot as plt

    try:
        fig = plotter(result, path=path)
    except OSError as exc:
        warn(f"error: cannot write {path!r}: {exc}")
        return EXIT_WRITE_FAILED
    plt.close(fig)
    return EXIT_OK
