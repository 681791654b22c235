"""``cooptourney fingerprint``: Ashlock's fingerprint of a strategy, or its transitive fingerprint.

::

    cooptourney fingerprint NAME [--probe NAME] [--step X] [--turns N] [--repetitions R]
                            [--plot FILE.png] [--transitive] ...
"""

from __future__ import annotations

import argparse
import time

from cooptourney.cli.common import (
    EXIT_OK,
    UsageError,
    add_plugin_flag,
    check_plot_path,
    docs_url,
    plural,
    progress_wanted,
    save_plot,
    show,
    whole_number,
)
from cooptourney.cli.evolve import rate
from cooptourney.config import load_plugins, parse_game
from cooptourney.output.tables import format_table
from cooptourney.settings import check_positive_int, check_seed


def cmd_fingerprint(args: argparse.Namespace) -> int:
    """Compute and print a fingerprint; write its heat map."""
    from cooptourney.evolution import ashlock_fingerprint, transitive_fingerprint
    from cooptourney.output.plots import plot_fingerprint, plot_transitive_fingerprint
    from cooptourney.players import Player

    check_plot_path(args.plot)
    load_plugins(args.plugins or [])
    player = Player.parse(args.strategy)
    game = parse_game(args.game) if args.game is not None else None
    seed = check_seed(args.seed)
    turns = check_positive_int("turns", args.turns)
    progress = progress_wanted(args)
    started = time.perf_counter()
    if args.transitive:
        for flag, value in (("--probe", args.probe), ("--step", args.step)):
            if value is not None:
                raise UsageError(f"{flag} applies to the Ashlock fingerprint, not --transitive")
        reps = check_positive_int("repetitions", args.repetitions if args.repetitions is not None else 1000)
        tf = transitive_fingerprint(
            player, turns=turns, repetitions=reps, noise=args.noise, seed=seed, game=game, progress=progress
        )
        show(
            f"Transitive fingerprint of {tf.strategy}: its probability of cooperating on each turn against "
            f"Random(p), p = 0 .. 1 ({len(tf.opponents)} opponents); {plural(turns, 'turn')}, "
            f"{plural(reps, 'repetition')}, noise {args.noise:g}, seed {seed}."
        )
        show()
        coop = tf.cooperation
        q = [0, min(1, turns - 1), turns // 2, turns - 1]
        shown = sorted(set(q))
        n_opp = len(tf.opponents)
        step = max(1, n_opp // 10)
        rows = [
            [tf.opponents[k]] + [f"{coop[k, t]:.3f}" for t in shown] + [f"{coop[k].mean():.3f}"]
            for k in sorted(set(range(0, n_opp, step)) | {n_opp - 1})
        ]
        show(
            format_table(
                ["Opponent"] + [f"Turn {t + 1}" for t in shown] + ["Mean"], rows, right=list(range(1, len(shown) + 2))
            )
        )
        if step > 1:
            show(f"(every {step}th opponent shown; --plot draws them all)")
        result, plotter = tf, plot_transitive_fingerprint
    else:
        step = args.step if args.step is not None else 0.1
        reps = check_positive_int("repetitions", args.repetitions if args.repetitions is not None else 10)
        probe = args.probe or "Tit For Tat"
        fp = ashlock_fingerprint(
            player,
            probe=probe,
            step=step,
            turns=turns,
            repetitions=reps,
            noise=args.noise,
            seed=seed,
            game=game,
            progress=progress,
        )
        show(
            f"Ashlock fingerprint of {fp.strategy} with probe {fp.probe}: its mean score per turn against the "
            f"probe that cooperates with probability x, defects with probability y and otherwise plays "
            f"{fp.probe} (the dual probe at (1-x, 1-y) where x + y >= 1); {plural(turns, 'turn')}, "
            f"{plural(reps, 'repetition')}, step {fp.settings['step']:g}, noise {args.noise:g}, seed {seed}."
        )
        show()
        n = len(fp.x)
        if n <= 11:
            rows = [[f"{fp.y[j]:.2f}"] + [f"{fp.scores[j, i]:.3f}" for i in range(n)] for j in range(n - 1, -1, -1)]
            show(format_table(["y \\ x"] + [f"{x:.2f}" for x in fp.x], rows, right=list(range(n + 1))))
        else:
            show(
                f"{n} x {n} grid: scores from {fp.scores.min():.3f} to {fp.scores.max():.3f}, "
                f"mean {fp.scores.mean():.3f} (the table is shown for grids up to 11 x 11; use --plot)."
            )
        result, plotter = fp, plot_fingerprint
    show()
    show(f"{time.perf_counter() - started:.2f} s.")
    if args.plot is not None:
        code = save_plot(plotter, result, args.plot)
        if code != EXIT_OK:
            return code
        show(f"Wrote the plot to {args.plot} (PNG).")
    return EXIT_OK


def register(sub) -> None:
    """Add ``fingerprint`` to the ``cooptourney`` subcommands."""
    fp = sub.add_parser(
        "fingerprint",
        help="Ashlock's fingerprint of a strategy (or its transitive fingerprint)",
        description="Fingerprint a strategy: its mean score against the Joss-Ann transforms of a probe over the "
        "unit square (Ashlock & Kim 2008), or with --transitive its cooperation rate per turn against "
        f"Random(p) opponents. Reference: {docs_url('reference/evolution.md')}",
    )
    fp.add_argument("strategy", metavar="NAME", help='the strategy, e.g. "Win-Stay Lose-Shift"')
    fp.add_argument("--probe", metavar="NAME", help="the probe strategy (default Tit For Tat)")
    fp.add_argument("--step", type=rate, metavar="X", help="grid spacing in (0, 1] (default 0.1)")
    fp.add_argument("--turns", type=whole_number, default=50, metavar="N", help="turns per match (default 50)")
    fp.add_argument(
        "--repetitions", type=whole_number, metavar="R", help="matches per point (default 10; transitive 1000)"
    )
    fp.add_argument("--noise", type=rate, default=0.0, metavar="E", help="noise (default 0)")
    fp.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    fp.add_argument("--game", metavar="R,S,T,P", help="payoffs (default 3,0,5,1)")
    fp.add_argument("--transitive", action="store_true", help="the transitive fingerprint instead")
    fp.add_argument("--plot", metavar="FILE.png", help="save the fingerprint as a heat map")
    add_plugin_flag(fp)
    fp.add_argument("--no-progress", action="store_true", dest="no_progress", help="no progress bar")
    fp.set_defaults(handler=cmd_fingerprint)
