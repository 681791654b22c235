"""``cooptourney match``: play one match and show it move by move.

The table shows at most the first ``--show-turns`` turns (default
:data:`SHOWN_TURNS`, at most :data:`cooptourney.match.MOVE_RECORD_CAP`); only those
turns' moves are kept, so a match of any length runs in the memory of its results, and
the summary covers every turn. With noise, the moves that noise flipped are marked
(``D*``; ``d`` in the compact blocks of long matches). ``--report FILE.html`` writes the
match as a page: the move strip with the flips outlined, and the summary.
"""

from __future__ import annotations

import argparse

from cooptourney.cli.common import (
    EXIT_OK,
    add_length_flags,
    add_plugin_flag,
    add_report_flag,
    check_output,
    describe_game,
    describe_length,
    game_note,
    plural,
    show,
    write_report,
)
from cooptourney.config import load_config
from cooptourney.output.tables import FLIP_MARK, match_summary, moves_table

#: Turns the table shows by default; the summary covers the rest.
SHOWN_TURNS = 10_000
#: Turns the move strip of ``--report`` shows at most (a page stays readable).
REPORT_TURNS = 1_000


def shown_turns(text: str) -> int:
    """``--show-turns``: a whole number from 0 to the move record's cap."""
    from cooptourney.match import MOVE_RECORD_CAP

    try:
        k = int(text)
    except ValueError:
        k = -1
    if not 0 <= k <= MOVE_RECORD_CAP:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MOVE_RECORD_CAP:,}, got {text!r}")
    return k


def cmd_match(args: argparse.Namespace) -> int:
    """Play one match and print it turn by turn, with its summary."""
    from cooptourney.match import Match

    if args.report is not None:
        from cooptourney.output.report import check_report_path

        check_report_path(args.report)
        check_output(args.report, "report")
    cfg = load_config(
        None,
        {
            "players": [args.player_a, args.player_b],
            "turns": args.turns,
            "prob_end": args.prob_end,
            "noise": args.noise,
            "seed": args.seed,
            "game": args.game,
            "plugins": args.plugins,
        },
    )
    match = Match(
        list(cfg.players), turns=cfg.turns, prob_end=cfg.prob_end, noise=cfg.noise, seed=cfg.seed, game=cfg.game
    )
    keep = max(args.show_turns, min(len(match), REPORT_TURNS) if args.report is not None else 0)
    recorded = match.first_moves(keep)
    shown = recorded[: args.show_turns]
    n = len(match)
    a, b = (p.name for p in match.players)
    flips = match_flips(match, len(recorded))
    header = (
        f"Match: {a} vs {b}: {plural(n, 'turn')}"
        + (f" drawn with {describe_length(cfg.turns, cfg.prob_end)}" if cfg.prob_end else "")
        + f", noise {cfg.noise:g}, seed {cfg.seed}, {describe_game(cfg.game)}"
    )
    show(header)
    note = game_note(cfg.game)
    if note:
        show(note)
    show(f"A = {a}, B = {b}; C = cooperate, D = defect (moves as played, after noise).")
    if flips is not None and len(shown):
        k = int(flips[:, : len(shown)].sum())
        show(
            f"{FLIP_MARK} after a move (a lower-case c or d in blocks of 10): noise flipped it, the player "
            f"meant the other move; {plural(k, 'flip')} in the turns shown."
        )
    if len(shown):
        show()
        show(moves_table(shown, cfg.game, None if flips is None else flips[:, : len(shown)]))
    if len(shown) < n:
        show()
        show(
            (f"Turns {len(shown) + 1:,} to {n:,} are not shown" if len(shown) else "The moves are not shown")
            + f" (--show-turns {args.show_turns:,}); the summary covers all {n:,} turns."
        )
    show()
    summary = match_summary(match, a, b)
    show(summary)
    if args.report is not None:
        from cooptourney.cli.run import rerun_command
        from cooptourney.output.report import match_report

        return write_report(
            lambda: match_report(
                recorded,
                flips,
                cfg.game,
                (a, b),
                args.report,
                summary=header,
                result=summary,
                total_turns=n,
                settings={
                    "players": [a, b],
                    "turns": cfg.turns,
                    "prob_end": cfg.prob_end,
                    "noise": cfg.noise,
                    "seed": cfg.seed,
                    "game": list(cfg.game.as_array()),
                },
                command=rerun_command(getattr(args, "argv", None)),
            ),
            args.report,
        )
    return EXIT_OK


def match_flips(match, turns: int):
    """``int8[2, turns]``: the moves noise flipped in the first ``turns`` turns, or None
    when there is no noise or a player runs in axelrod (its noise is axelrod's own)."""
    from cooptourney.core.noise import noise_flips
    from cooptourney.core.streams import identity_keys
    from cooptourney.players import PythonPlayer

    if match.noise <= 0 or any(isinstance(p, PythonPlayer) for p in match.players):
        return None
    keys = identity_keys(p.identity() for p in match.players)
    return noise_flips(match.seed, keys, match.repetition, turns, match.noise)


def register(sub) -> None:
    """Add ``match`` to the ``cooptourney`` subcommands."""
    match = sub.add_parser(
        "match",
        help="play one match and show it move by move",
        description="Play one match and print every turn: moves, payoffs, running totals.",
    )
    match.add_argument("player_a", metavar="A", help='first player, e.g. "Tit For Tat"')
    match.add_argument("player_b", metavar="B", help='second player, e.g. "GTFT(generosity=0.2)"')
    add_length_flags(match)
    match.add_argument(
        "--show-turns",
        type=shown_turns,
        default=SHOWN_TURNS,
        metavar="K",
        dest="show_turns",
        help=f"show the moves of the first K turns (default {SHOWN_TURNS:,}; 0 for none, at most 1,000,000); "
        "the summary covers the whole match",
    )
    add_plugin_flag(match)
    add_report_flag(match)
    match.set_defaults(handler=cmd_match)
