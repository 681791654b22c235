"""``cooptourney game``: the stage game as each politics/policy actor perceives it."""

from __future__ import annotations

import argparse
import math

from cooptourney.cli.common import EXIT_OK, UsageError, docs_url, plural, show
from cooptourney.config import DEFAULT_TOURNAMENT
from cooptourney.game import Game
from cooptourney.output.tables import fmt_g, fmt_num, format_table


def cmd_game(args: argparse.Namespace) -> int:
    """The stage game as each actor perceives it: matrix, class and shadow-of-the-future thresholds."""
    from dataclasses import replace

    from cooptourney.politics import ActorProfile, Politicization, analyse

    game = Game.parse(args.game) if args.game is not None else Game()
    given = {name: getattr(args, name) for name in ("s", "theta", "kappa", "rho")}
    pol = Politicization(**{name: value for name, value in given.items() if value is not None})
    specs = [("k", k) for k in args.k or []] + [("preset", name) for name in args.presets or []]
    sens = args.sensitivity or []
    if sens and not specs:
        raise UsageError("--sensitivity applies to profiles: give --k K ... or --preset NAME ... as well")
    if len(sens) > 1 and len(sens) != len(specs):
        raise UsageError(
            f"got {len(sens)} --sensitivity values for {plural(len(specs), 'profile')}: "
            "give one value for all profiles or one per profile (--k values first, then --preset names)"
        )
    profiles, labels = [], []
    for i, (kind, value) in enumerate(specs):
        profile = ActorProfile(k=value) if kind == "k" else ActorProfile.preset(value)
        label = f"k={value:g}" if kind == "k" else value.strip().lower()
        if sens:
            x = sens[0] if len(sens) == 1 else sens[i]
            profile = replace(profile, sensitivity=x)
            label += f" (sensitivity {x:g})"
        profiles.append(profile)
        labels.append(label)
    table = analyse(game, profiles, pol, labels=labels)

    def pay(x: float) -> str:
        return fmt_g(x + 0.0)  # no "-0"

    def thr(x: float) -> str:
        return "never" if math.isinf(x) else fmt_num(x)

    show(f"Game: {game}. Politicization s = {pol.s:g} (theta {pol.theta:g}, kappa {pol.kappa:g}, rho {pol.rho:g}).")
    show("Perceived payoffs of the row player: U = own payoff - k' * partner's payoff, with P' = P - s_i * theta,")
    show(
        "k' = k + s_i * kappa, q' = min(1, q + s_i * rho), s_i = sensitivity * s. Material payoffs stay the plain game."
    )
    for i, (label, r) in enumerate(table.iterrows()):
        show()
        if i == 0:  # analyse() puts the plain game first
            head = "plain game (material payoffs, what the world gets)"
        else:
            p = profiles[i - 1]
            head = f"{label}: k' = {r['k_eff']:g}, s_i = {r['s_i']:g}, ratification failure q' = {r['q_eff'] + 0.0:.4g}"
            head += (
                f"; elections every {p.term} turns (re-election {p.reelection:g}, memory {p.memory:g})"
                if p.has_elections
                else "; no elections"
            )
        show(head)
        matrix = format_table(
            ["row player", "partner C", "partner D"],
            [["plays C", pay(r["R"]), pay(r["S"])], ["plays D", pay(r["T"]), pay(r["P"])]],
            right=[1, 2],
        )
        show("\n".join("  " + line for line in matrix.splitlines()))
        show(
            f"  {r['class']}; TFT w* = {thr(r['tft_threshold'])}, Grim w* = {thr(r['grim_threshold'])}, "
            f"Game GTFT generosity = {fmt_num(r['gtft_generosity'])}"
        )
    show()
    rows = [
        [
            str(label),
            f"{r['k_eff']:g}",
            f"{r['s_i']:g}",
            f"{r['q_eff'] + 0.0:.4g}",
            r["class"],
            thr(r["tft_threshold"]),
            thr(r["grim_threshold"]),
            fmt_num(r["gtft_generosity"]),
        ]
        for label, r in table.iterrows()
    ]
    show(
        format_table(
            ["Profile", "k'", "s_i", "q'", "Class", "TFT w*", "Grim w*", "Game GTFT generosity"],
            rows,
            right=[1, 2, 3, 5, 6, 7],
        )
    )
    show()
    show("TFT (Grim) is collectively stable iff the continuation probability w = 1 - prob_end >= w*")
    show('("never": for no w < 1); thresholds and generosity are computed on the perceived payoffs.')
    return EXIT_OK


def register(sub) -> None:
    """Add ``game`` to the ``cooptourney`` subcommands."""
    game = sub.add_parser(
        "game",
        help="show the stage game as politics/policy actors perceive it",
        description="Show the payoff matrix each actor perceives under the politics/policy "
        "transformer, its class, TFT's critical continuation probability w*, "
        f"Grim's threshold and the generosity of Game GTFT ({docs_url('reference/cli.md')}).",
    )
    game.add_argument(
        "--game",
        metavar="R,S,T,P",
        help=f"payoffs (default {','.join(f'{x:g}' for x in DEFAULT_TOURNAMENT['game'])}); "
        "write --game=-1,0,5,1 when the first is negative",
    )
    game.add_argument(
        "--k",
        nargs="+",
        action="extend",
        type=float,
        metavar="K",
        help="one profile per value, with relative weight K (U = own - K * partner's payoff)",
    )
    game.add_argument(
        "--preset",
        nargs="+",
        action="extend",
        dest="presets",
        metavar="NAME",
        help="named profiles: neutral, policy (bureaucrat), politics (politician)",
    )
    game.add_argument("--s", type=float, metavar="S", help="issue politicization in [0, 1] (default 0)")
    game.add_argument("--theta", type=float, metavar="X", help="threat severity, accelerator (default 2)")
    game.add_argument("--kappa", type=float, metavar="X", help="politicization's effect on k, brake (default 0.5)")
    game.add_argument(
        "--rho", type=float, metavar="X", help="politicization's effect on ratification failure, brake (default 0.1)"
    )
    game.add_argument(
        "--sensitivity",
        nargs="+",
        action="extend",
        type=float,
        metavar="X",
        help="sensitivity to politicization: one value for all profiles or one per profile "
        "(--k profiles first, then presets; default: 1, or the preset's)",
    )
    game.set_defaults(handler=cmd_game)
