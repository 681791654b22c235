"""``cooptourney reciprocity``: measure strategies with the reciprocity battery and place them on the continuum.

::

    cooptourney reciprocity [NAMES ...] [--repetitions R] [--seed S] [--sort KEY] [--plot FILE.png]
                            [-q] [--no-progress]
"""

from __future__ import annotations

import argparse
import math
import time

from cooptourney.cli.common import (
    EXIT_OK,
    UsageError,
    add_plugin_flag,
    add_progress_flags,
    docs_url,
    plural,
    progress_wanted,
    save_plot,
    show,
)
from cooptourney.config import load_plugins
from cooptourney.output.tables import format_table
from cooptourney.settings import check_positive_int, check_seed

SORT_KEYS = ("position", "name", "tag")
#: (measure, column heading, decimals)
COLUMNS = (
    ("tolerance", "Tolerance", 1),
    ("immediacy", "Immediacy", 2),
    ("proportionality", "Proportion", 2),
    ("forgiveness", "Forgive", 2),
    ("echo", "Echo", 1),
    ("noise_response", "Noise", 2),
    ("group_dependence", "Group", 2),
)


def _cell(mean: float, half: float, digits: int) -> str:
    if math.isnan(mean):
        return "n/a"
    if math.isinf(mean):
        return "never"
    text = f"{mean:.{digits}f}"
    if half > 0:
        text += f"±{half:.{digits}f}"
    return text


def cmd_reciprocity(args: argparse.Namespace) -> int:
    """Run the battery, print the table of measures and positions, and draw the map."""
    from cooptourney.players import Player
    from cooptourney.reciprocity import BatterySettings, run_battery
    from cooptourney.reciprocity.continuum import positions
    from cooptourney.registry import REGISTRY

    load_plugins(args.plugins or [])
    if args.sort not in SORT_KEYS:
        raise UsageError(f"--sort must be one of {', '.join(SORT_KEYS)}, got {args.sort!r}")
    reps = check_positive_int("repetitions", args.repetitions)
    seed = check_seed(args.seed)
    if args.plot is not None and not str(args.plot).lower().endswith(".png"):
        raise UsageError(f"--plot writes a PNG file: give a name ending in .png, got {args.plot!r}")
    names = args.names or [s.name for s in REGISTRY.all()]
    players = [Player.parse(name) for name in names]  # unknown names fail here, before any work
    settings = BatterySettings(repetitions=reps, seed=seed)
    started = time.perf_counter()
    result = run_battery(players, settings, progress=progress_wanted(args))
    places = positions(result)
    order = list(range(len(places)))
    if args.sort == "position":
        order.sort(key=lambda k: places[k].position)
    elif args.sort == "name":
        order.sort(key=lambda k: places[k].name.lower())
    else:
        order.sort(key=lambda k: (places[k].tag, places[k].position))
    means = {m: result.mean(m) for m, _, _ in COLUMNS}
    halves = {m: result.interval(m) for m, _, _ in COLUMNS}
    rows = []
    for k in order:
        p = places[k]
        cells = [_cell(means[m][k], halves[m][k], d) for m, _, d in COLUMNS]
        flag = "" if p.agrees else " *"
        rows.append([p.name, p.tag, p.measured + flag, f"{p.position:+.3f}", *cells])
    quiet = args.quiet
    if not quiet:
        show(
            f"Reciprocity battery: {plural(len(players), 'strategy', 'strategies')} against scripted partners, "
            f"{settings.turns} turns, offence on turn {settings.offence + 1}, {plural(reps, 'repetition')}, "
            f"seed {seed}; stochastic strategies: mean ± 95% interval over repetitions."
        )
        show()
    heads = ["Strategy", "Tag", "Measured", "Position"] + [h for _, h, _ in COLUMNS]
    show(format_table(heads, rows, right=list(range(3, len(heads)))))
    if not quiet:
        show()
        disagree = sum(not p.agrees for p in places)
        show(
            "Position: 0 = specific (Tit For Tat), towards +1 diffuse, below 0 the reverse gear (negative). "
            f"* = the tag differs from the measured class ({disagree} of {len(places)}); "
            f"see {docs_url('reference/reciprocity.md')}"
        )
        show(f"{time.perf_counter() - started:.2f} s.")
    if args.plot is not None:
        from cooptourney.output.plots import reciprocity_map

        code = save_plot(reciprocity_map, places, args.plot)
        if code != EXIT_OK:
            return code
        if not quiet:
            show(f"Wrote the map to {args.plot} (PNG).")
    return EXIT_OK


def register(sub) -> None:
    """Add ``reciprocity`` to the ``cooptourney`` subcommands."""
    p = sub.add_parser(
        "reciprocity",
        help="measure reciprocity against scripted partners and place strategies from specific to diffuse",
        description="Play each strategy against a battery of scripted partners (a single defection, a run of "
        "defections, an alternating exploiter, a free rider, a partner making amends, noise) and against itself "
        "after one flip; print its tolerance, immediacy, proportionality, forgiveness horizon, echo, noise "
        "response and group dependence, and its position from specific (0) to diffuse (+1), negative below 0. "
        f"Reference: {docs_url('reference/reciprocity.md')}",
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="strategies to measure (default: every listed one)")
    p.add_argument("--repetitions", type=int, default=20, metavar="R", help="seeds per match (default 20)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="root seed (default 0)")
    p.add_argument("--sort", default="position", metavar="KEY", help="position (default), name or tag")
    p.add_argument("--plot", metavar="FILE.png", help="draw the map of the strategies, coloured by tag")
    add_plugin_flag(p)
    add_progress_flags(p)
    p.set_defaults(handler=cmd_reciprocity)
