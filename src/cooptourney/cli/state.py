"""``cooptourney state``: what selection keeps when the politician or the bureaucrat drives.

::

    cooptourney state [--salience S ...] [--pressure B] [--runs R] [--seed N] [-o FILE.csv] [--plot FILE.png]

States adapt their line (a strategy of the repertoire) by imitating what their driver
values: the politician's perceived utility (relative gains, a one-term horizon) or the
bureaucrat's material payoff (absolute gains, a long horizon), weighted by the share of
the turns the politician drives at each salience (docs/reference/state.md).
"""

from __future__ import annotations

import argparse
import math

from cooptourney.cli.common import (
    EXIT_OK,
    EXIT_WRITE_FAILED,
    UsageError,
    check_output,
    check_plot_path,
    number,
    plural,
    save_plot,
    show,
    warn,
    whole_number,
)
from cooptourney.output.tables import format_table


def _ci(mean: float, lo: float, hi: float, digits: int = 2) -> str:
    if math.isnan(mean):
        return "n/a"
    if math.isnan(lo):
        return f"{mean:.{digits}f}"
    return f"{mean:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"


def _fitness_short(p: float) -> str:
    if p >= 1.0:
        return "politician's perceived utility"
    if p <= 0.0:
        return "bureaucrat's material payoff"
    return f"mix: {p:.2f} politician + {1 - p:.2f} bureaucrat"


def cmd_state(args: argparse.Namespace) -> int:
    """Validate, run the selection at each salience, print the table, write CSV and plot."""
    from cooptourney.atomic import write_atomic
    from cooptourney.evolution.drivers import (
        BUREAUCRAT_FITNESS,
        DEFAULT_REPERTOIRE,
        POLITICIAN_FITNESS,
        driver_selection,
    )
    from cooptourney.politics.state import check_pressure, check_salience
    from cooptourney.registry import get_strategy
    from cooptourney.settings import check_positive_int, check_probability, check_seed

    saliences = [check_salience(s) for s in args.salience]
    if len(set(saliences)) != len(saliences):
        raise UsageError(f"--salience: give each value once, got {args.salience}")
    pressure = check_pressure(args.pressure)
    runs = check_positive_int("runs", args.runs)
    if runs < 2:
        raise UsageError("--runs must be at least 2: the 95% intervals are over runs")
    seed = check_seed(args.seed)
    generations = check_positive_int("generations", args.generations)
    population = check_positive_int("population", args.population)
    noise = check_probability("noise", args.noise)
    repetitions = check_positive_int("repetitions", args.repetitions)
    if not (math.isfinite(args.intensity) and args.intensity >= 0):
        raise UsageError(f"--intensity must be a finite number >= 0, got {args.intensity}")
    repertoire = [get_strategy(n).name for n in (args.repertoire or DEFAULT_REPERTOIRE)]  # unknown names fail here
    check_output(args.output, "CSV file")
    if args.output is not None and not str(args.output).lower().endswith(".csv"):
        raise UsageError(f"-o writes a CSV file: give a name ending in .csv, got {args.output!r}")
    check_plot_path(args.plot)

    positions = None
    if args.positions:
        from cooptourney.reciprocity import BatterySettings, run_battery
        from cooptourney.reciprocity.continuum import positions as measure

        places = measure(run_battery(repertoire, BatterySettings(repetitions=10, seed=seed)))
        # unconditional lines (Defector, Cooperator) are not on the continuum
        positions = {p.name: p.position for p in places if p.measured != "unconditional"}
    result = driver_selection(
        saliences=saliences,
        pressure=pressure,
        runs=runs,
        repertoire=repertoire,
        population=population,
        generations=generations,
        intensity=args.intensity,
        noise=noise,
        repetitions=repetitions,
        positions=positions,
        seed=seed,
    )
    t = result.table
    show(
        f"States of a politician and a bureaucrat: {plural(len(repertoire), 'line')}, N = {population} states, "
        f"Fermi imitation (beta {args.intensity:g}), {generations} generations, {plural(runs, 'run')}, noise {noise:g}, seed {seed}, "
        f"pressure {pressure:+g}."
    )
    show(f"Fitness when the politician drives: {POLITICIAN_FITNESS}.")
    show(f"Fitness when the bureaucrat drives: {BUREAUCRAT_FITNESS}.")
    show()
    rows = []
    for _, r in t.iterrows():
        rows.append(
            [
                f"{r['salience']:g}",
                f"{r['politician_share']:.2f}",
                _fitness_short(r["politician_share"]),
                _ci(r["specific"], r["specific_lo"], r["specific_hi"]),
                _ci(r["diffuse"], r["diffuse_lo"], r["diffuse_hi"]),
                _ci(r["diffuse_minus_specific"], r["diffuse_minus_specific_lo"], r["diffuse_minus_specific_hi"]),
                _ci(r["position"], r["position_lo"], r["position_hi"], 3),
            ]
        )
    heads = ["Salience", "Politician drives", "Fitness", "Specific", "Diffuse", "Diffuse - specific", "Position"]
    show(format_table(heads, rows, right=[0, 1]))
    show()
    show(
        "Final shares of states playing a specific- or diffuse-tagged line, mean [95% interval over runs]; "
        "Position: the population's mean measured place on the continuum (0 specific, towards 1 diffuse)"
        + ("." if args.positions else ", not measured (--no-positions).")
    )
    show(f"{result.elapsed:.2f} s.")
    if args.output is not None:
        try:
            write_atomic(args.output, lambda p: t.to_csv(p, index=False))
        except OSError as exc:
            warn(f"error: cannot write {args.output!r}: {exc}")
            return EXIT_WRITE_FAILED
        show(f"Wrote the table to {args.output} (CSV, fitness named in the 'fitness' column).")
    if args.plot is not None:
        from cooptourney.output.state_plots import driver_selection_plot

        code = save_plot(driver_selection_plot, result, args.plot)
        if code != EXIT_OK:
            return code
        show(f"Wrote the plot to {args.plot}.")
    return EXIT_OK


def register(sub) -> None:
    """Add ``state`` to the ``cooptourney`` subcommands."""
    p = sub.add_parser(
        "state",
        help="selection of reciprocity when a state's politician or its bureaucrat drives",
        description="A state's moves are made by its politician (relative gains, a short horizon, elections) or "
        "its bureaucrat (absolute gains, a long horizon); the more salient the issue, the more the politician "
        "drives. States imitate the lines that do best by their driver's measure; print the final shares of "
        "specific and diffuse reciprocity at each salience with 95%% intervals over runs. "
        "See docs/reference/state.md.",
    )
    p.add_argument(
        "--salience",
        type=number,
        nargs="+",
        default=[0.0, 1.0],
        metavar="S",
        help="issue salience(s) in [0, 1] (default 0 1: bureaucrat-led and politician-led)",
    )
    p.add_argument(
        "--pressure", type=number, default=0.0, metavar="B", help="private actors' push on salience, in [-1, 1]"
    )
    p.add_argument("--runs", type=whole_number, default=100, metavar="R", help="independent runs (default 100)")
    p.add_argument("--seed", type=whole_number, default=0, metavar="N", help="root seed (default 0)")
    p.add_argument("--generations", type=whole_number, default=500, metavar="G", help="generations (default 500)")
    p.add_argument(
        "--intensity", type=number, default=5.0, metavar="BETA", help="selection intensity of imitation (default 5)"
    )
    p.add_argument(
        "--repetitions",
        type=whole_number,
        default=20000,
        metavar="R",
        help="matches per pair of lines for the drivers' evaluations (default 20000)",
    )
    p.add_argument("--population", type=whole_number, default=40, metavar="N", help="states (default 40)")
    p.add_argument("--noise", type=number, default=0.05, metavar="E", help="implementation noise (default 0.05)")
    p.add_argument("--repertoire", nargs="+", metavar="NAME", help="the lines states can play (default: 8 lines)")
    p.add_argument(
        "--no-positions",
        dest="positions",
        action="store_false",
        help="skip measuring each line's continuum position with the reciprocity battery",
    )
    p.add_argument("-o", "--output", metavar="FILE.csv", help="write the table as CSV (atomically)")
    p.add_argument("--plot", metavar="FILE.png", help="draw the shares over generations and against salience")
    p.set_defaults(handler=cmd_state)
