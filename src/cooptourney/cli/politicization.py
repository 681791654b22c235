"""``cooptourney politicization``: cooperation and world welfare of adaptive actors as politicization grows.

Three views (docs/reference/politicization.md):

* the curve (default): cooperation and world welfare against s with 95% intervals, the
  level s* of highest cooperation and its rise from s = 0 and fall to s = 1, confirmed
  on independent runs;
* ``--phase threat|brake|veto``: a grid over s and theta, kappa or rho;
* ``--uneven``: the same mean politicization spread evenly or unevenly over two groups.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cooptourney.cli.common import (
    EXIT_OK,
    EXIT_WRITE_FAILED,
    UsageError,
    check_output,
    check_plot_path,
    number,
    show,
    warn,
    whole_number,
)

#: Default values of each phase diagram's strength.
PHASE_VALUES = {"threat": "0,1,2,3,4", "brake": "0,0.25,0.5,0.75,1", "veto": "0,0.025,0.05,0.1,0.2"}
TABLE_SUFFIXES = (".csv", ".parquet")


def _numbers(text: str, flag: str) -> list[float]:
    try:
        return [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise UsageError(f"{flag} must be comma-separated numbers, e.g. 0,0.5,1, got {text!r}") from None


def _write_table(df, path: str) -> int:
    from cooptourney.atomic import write_atomic

    frame = df.reset_index() if df.index.name else df
    try:
        if Path(path).suffix.lower() == ".csv":
            write_atomic(Path(path), lambda p: frame.to_csv(p, index=False))
        else:
            write_atomic(Path(path), lambda p: frame.to_parquet(p, index=False))
    except OSError as exc:
        warn(f"error: cannot write {path!r}: {exc}")
        return EXIT_WRITE_FAILED
    show(f"Wrote the table to {path}.")
    return EXIT_OK


def _ci(row, measure: str, digits: str = ".3f") -> str:
    return f"{row[measure]:{digits}} [{row[f'{measure}_low']:{digits}}, {row[f'{measure}_high']:{digits}}]"


def cmd_politicization(args: argparse.Namespace) -> int:
    """Run the chosen view and print it (and write tables and figures)."""
    from cooptourney.evolution import politicization as pz
    from cooptourney.politics import Politicization
    from cooptourney.politics.salience import Shapes

    # every input is checked before any work starts
    if args.output is not None and Path(args.output).suffix.lower() not in TABLE_SUFFIXES:
        raise UsageError(f"-o must name a .csv or .parquet file, got {args.output!r}")
    check_output(args.output, "table")
    check_plot_path(args.plot)
    if args.phase is not None and args.uneven:
        raise UsageError("choose one view: --phase or --uneven, not both")
    if args.values is not None and args.phase is None:
        raise UsageError("--values gives the strengths of a phase diagram: use it with --phase")
    if (args.mean is not None or args.spread is not None or args.consensus is not None) and not args.uneven:
        raise UsageError("--mean, --spread and --consensus belong to --uneven")
    if args.uneven and args.s is not None:
        raise UsageError("--uneven compares groups at --mean +- --spread; leave out --s")
    shape_kw = {
        k: v
        for k, v in {
            "accelerator": args.accelerator,
            "saturation": args.saturation,
            "brake": args.brake,
            "midpoint": args.midpoint,
            "width": args.width,
        }.items()
        if v is not None
    }
    shapes = Shapes(**shape_kw)
    issue = {k: getattr(args, k) for k in ("theta", "kappa", "rho") if getattr(args, k) is not None}
    pol = Politicization(**issue)
    exp_kw = {
        k: getattr(args, k)
        for k in ("fitness", "rule", "population", "generations", "runs", "exploration", "intensity", "turns", "seed")
        if getattr(args, k) is not None
    }
    if args.repetitions is not None:
        exp_kw["repetitions"] = args.repetitions
    if args.intensity is not None and args.rule != "fermi":
        raise UsageError("--intensity is the Fermi rule's selection intensity: use it with --rule fermi")
    exp = pz.Experiment(shapes=shapes, **exp_kw)
    levels = _numbers(args.s, "--s") if args.s is not None else [round(0.1 * i, 10) for i in range(11)]
    if not levels or any(not 0.0 <= x <= 1.0 for x in levels):
        raise UsageError(f"--s must be levels in [0, 1], got {args.s!r}")
    if args.phase is not None:
        values = _numbers(args.values or PHASE_VALUES[args.phase], "--values")
        if not values or any(not x >= 0.0 for x in values):
            raise UsageError(f"--values must be numbers >= 0, got {args.values!r}")
    if args.uneven:
        mean = 0.2 if args.mean is None else args.mean
        spread = mean if args.spread is None else args.spread
        consensus = 0.75 if args.consensus is None else args.consensus
        if not 0.0 <= mean <= 1.0 or not 0.0 < spread <= mean:
            raise UsageError(f"--uneven needs --mean in [0, 1] and 0 < --spread <= --mean, got {mean:g}, {spread:g}")
        if not 0.0 < consensus <= 1.0:
            raise UsageError(f"--consensus must be a cooperation rate in (0, 1], got {consensus:g}")
        if exp.population % 2:
            raise UsageError(
                f"--uneven splits the actors into two equal groups: --population must be even, got {exp.population}"
            )
    # Perceived payoffs must stay within the engine's range at the largest strengths.
    _check_range(pol, args.phase, values if args.phase else None)

    show(
        f"Adaptive actors ({exp.rule} rule) adapt on {exp.fitness_text}; cooperation and world welfare are material. "
        f"{exp.population} actors, {exp.generations} generations, {exp.runs} runs; repertoire: "
        f"{', '.join(exp.repertoire)}. Issue: theta {pol.theta:g}, kappa {pol.kappa:g}, rho {pol.rho:g}; "
        f"accelerator {shapes.accelerator}, brake {shapes.brake}. 95% intervals over runs."
    )
    import matplotlib.pyplot as plt

    from cooptourney.output import politicization as figures

    if args.phase is not None:
        table = pz.phase(args.phase, levels, values, pol, exp)
        name = pz.AXES[args.phase]
        for measure in ("cooperation", "welfare"):
            grid = table.pivot(index=name, columns="s", values=measure)
            show(f"\nMean {measure} (rows: {name}; columns: s):")
            show(grid.round(3).to_string())
        if args.plot is not None:
            path = Path(args.plot)
            welfare_path = path.with_name(f"{path.stem}-welfare{path.suffix}")
            plt.close(figures.phase_plot(table, "cooperation", path))
            plt.close(figures.phase_plot(table, "welfare", welfare_path))
            show(f"Wrote the figures to {path} and {welfare_path}.")
    elif args.uneven:
        table = pz.uneven(mean, spread, pol, exp, consensus=consensus)
        for label, row in table.iterrows():
            felt = f" (groups feel {row['felt']})" if row["felt"] else ""
            show(
                f"{label}{felt}: alignment {_ci(row, 'alignment')}, cooperation {_ci(row, 'cooperation')}, "
                f"welfare {_ci(row, 'welfare')}"
            )
        d = table.loc["uneven - even"]
        verdict = (
            "uneven politicization makes alignment harder"
            if d["alignment_high"] < 0
            else "the difference in alignment is not resolved by these runs"
        )
        show(f"Alignment = share of runs ending with cooperation >= {consensus:g}. Here {verdict}.")
        if args.plot is not None:
            plt.close(figures.uneven_plot(table, args.plot))
            show(f"Wrote the figure to {args.plot}.")
    else:
        table = pz.curve(levels, pol, exp)
        for _, row in table.iterrows():
            show(
                f"s = {row['s']:.2f}  a(s) = {row['acceleration']:.2f}  b(s) = {row['braking']:.2f}  "
                f"cooperation {_ci(row, 'cooperation')}  welfare {_ci(row, 'welfare')}"
            )
        opt = pz.optimum(table, pol, exp)
        for measure, row in opt.iterrows():
            verdict = "interior optimum" if row["interior"] else "no interior optimum resolved"
            show(
                f"{measure}: s* = {row['s_star']:g}; rise from s = 0 {_ci(row, 'rise')}, fall to s = 1 "
                f"{_ci(row, 'fall')} (independent runs, seed {exp.seed + 1}): {verdict}"
            )
        for force, row in pz.forces(pol, exp).iterrows():
            change = row["cooperation_change"]
            sign = (
                "raises"
                if row["cooperation_change_low"] > 0
                else "lowers"
                if row["cooperation_change_high"] < 0
                else None
            )
            verdict = f"the {force} alone {sign} cooperation" if sign else f"no resolved effect of the {force} alone"
            show(
                f"{force} alone (theta {row['theta']:g}, kappa {row['kappa']:g}, rho {row['rho']:g}), s = 0 -> 1: "
                f"cooperation {change:+.3f} [{row['cooperation_change_low']:+.3f}, "
                f"{row['cooperation_change_high']:+.3f}]: {verdict}"
            )
        if args.plot is not None:
            plt.close(figures.curve_plot(table, opt, args.plot))
            show(f"Wrote the figure to {args.plot}.")
    if args.output is not None:
        return _write_table(table, args.output)
    return EXIT_OK


def _check_range(pol, phase, values) -> None:
    from dataclasses import replace

    from cooptourney.politics import ActorProfile, perceived_payoffs

    worst = replace(pol, s=1.0)
    if phase is not None:
        from cooptourney.evolution.politicization import AXES

        worst = replace(worst, **{AXES[phase]: max(values)})
    perceived_payoffs((3, 0, 5, 1), ActorProfile(), worst)  # raises a one-line SettingsError


def register(sub) -> None:
    """Add ``politicization`` to the ``cooptourney`` subcommands."""
    p = sub.add_parser(
        "politicization",
        help="cooperation and welfare of adaptive actors as politicization grows",
        description="Adaptive actors (fitness: perceived utility, or material payoff with --fitness material) "
        "under an issue's politicization: the curve with its interior optimum (default), a phase diagram "
        "(--phase), or even against uneven politicization (--uneven). Cooperation and world welfare are "
        "material. See docs/reference/politicization.md.",
    )
    view = p.add_argument_group("view")
    view.add_argument("--phase", choices=("threat", "brake", "veto"), help="phase diagram over s and theta/kappa/rho")
    view.add_argument("--values", metavar="X,Y,...", help="the strengths of --phase (defaults: see the reference)")
    view.add_argument("--uneven", action="store_true", help="compare even and uneven politicization")
    view.add_argument("--mean", type=number, metavar="S", help="--uneven: mean politicization (default 0.2)")
    view.add_argument("--spread", type=number, metavar="D", help="--uneven: groups feel mean -+ D (default mean)")
    view.add_argument("--consensus", type=number, metavar="C", help="--uneven: cooperation counted as aligned (0.75)")
    view.add_argument("--s", metavar="S,S,...", help="politicization levels in [0, 1] (default 0,0.1,...,1)")
    issue = p.add_argument_group("issue and shapes")
    issue.add_argument("--theta", type=number, metavar="X", help="threat severity, accelerator (default 2)")
    issue.add_argument("--kappa", type=number, metavar="X", help="relative-gains brake (default 0.5)")
    issue.add_argument("--rho", type=number, metavar="X", help="veto (ratification) brake (default 0.1)")
    issue.add_argument("--accelerator", choices=("saturating", "linear"), help="accelerator shape (saturating)")
    issue.add_argument("--saturation", type=number, metavar="H", help="accelerator saturation scale (0.25)")
    issue.add_argument("--brake", choices=("threshold", "linear"), help="brake shape (threshold)")
    issue.add_argument("--midpoint", type=number, metavar="M", help="brake threshold (0.5)")
    issue.add_argument("--width", type=number, metavar="W", help="brake threshold width (0.1)")
    run = p.add_argument_group("actors and runs")
    run.add_argument("--fitness", choices=("perceived", "material"), help="what actors adapt on (perceived)")
    run.add_argument("--rule", choices=("learning", "fermi"), default="learning", help="adaptive rule (learning)")
    run.add_argument("--population", type=whole_number, metavar="N", help="actors (default 20)")
    run.add_argument("--generations", type=whole_number, metavar="G", help="generations per run (default 200)")
    run.add_argument("--runs", type=whole_number, metavar="R", help="independent runs per setting (default 40)")
    run.add_argument("--exploration", type=number, metavar="E", help="exploration/experimentation (default 0.01)")
    run.add_argument("--intensity", type=number, metavar="B", help="Fermi selection intensity (default 1)")
    run.add_argument("--turns", type=whole_number, metavar="N", help="turns per match (default 100)")
    run.add_argument("--repetitions", type=whole_number, metavar="N", help="repetitions per match (default 50)")
    run.add_argument("--seed", type=whole_number, metavar="S", help="random seed (default 0)")
    out = p.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="FILE", help="write the table (.csv or .parquet)")
    out.add_argument("--plot", metavar="FILE.png", help="write the figure (--phase: also FILE-welfare.png)")
    p.set_defaults(handler=cmd_politicization)
