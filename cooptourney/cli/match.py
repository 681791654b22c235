"""``cooptourney match``: play one match and show it move by move."""

from __future__ import annotations

import argparse

from cooptourney.cli.common import (
    EXIT_OK,
    add_length_flags,
    add_plugin_flag,
    describe_game,
    describe_length,
    game_note,
    plural,
    show,
)
from cooptourney.config import load_config
from cooptourney.output.tables import match_summary, moves_table


def cmd_match(args: argparse.Namespace) -> int:
    """Play one match and print it turn by turn, with its summary."""
    from cooptourney.match import Match

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
    match.play()
    a, b = (p.name for p in match.players)
    show(
        f"Match: {a} vs {b}: {plural(len(match), 'turn')}"
        + (f" drawn with {describe_length(cfg.turns, cfg.prob_end)}" if cfg.prob_end else "")
        + f", noise {cfg.noise:g}, seed {cfg.seed}, {describe_game(cfg.game)}"
    )
    note = game_note(cfg.game)
    if note:
        show(note)
    show(f"A = {a}, B = {b}; C = cooperate, D = defect (moves as played, after noise).")
    show()
    show(moves_table(match.moves, cfg.game))
    show()
    show(match_summary(match, a, b))
    return EXIT_OK


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
    add_plugin_flag(match)
    match.set_defaults(handler=cmd_match)
