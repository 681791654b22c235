"""Plot of what selection keeps when the politician or the bureaucrat drives a state.

One figure (:func:`driver_selection_plot`) for a
:class:`cooptourney.evolution.drivers.DriverSelection`: on the left the share of
states playing a specific and a diffuse line over generations, at the lowest and the
highest salience of the run; on the right (with more than one salience) the final
shares against salience, with their 95% intervals over runs. Styles follow
:mod:`cooptourney.output.plots` (Okabe-Ito colours by reciprocity tag, written
atomically as a PNG).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from cooptourney.output.plots import LINESTYLES, STYLE, TAG_COLOURS, save

__all__ = ["driver_selection_plot"]


def driver_selection_plot(selection, path: str | Path | None = None, title: str | None = None):
    """Shares of specific and diffuse lines over generations and against salience.

    Parameters
    ----------
    selection : cooptourney.evolution.drivers.DriverSelection
        The result to draw (its ``table`` and ``trajectories``).
    path : str or Path, optional
        Write the figure there as a PNG (atomically).
    title : str, optional
        The figure's title (default: the settings and the fitness each driver uses).

    Returns
    -------
    matplotlib.figure.Figure
    """
    table = selection.table
    levels = list(table["salience"])
    ends = sorted({levels[0], levels[-1]}, key=levels.index)
    with plt.rc_context(STYLE):
        wide = len(levels) > 1
        fig, axes = plt.subplots(1, 2 if wide else 1, figsize=(10.5 if wide else 6.0, 3.8), squeeze=False)
        ax = axes[0, 0]
        for n, s in enumerate(ends):
            traj = selection.trajectories[s]
            p = float(table.loc[table["salience"] == s, "politician_share"].iloc[0])
            for kind in ("specific", "diffuse"):
                ax.plot(
                    traj.index,
                    traj[kind],
                    color=TAG_COLOURS[kind],
                    linestyle=LINESTYLES[n % len(LINESTYLES)],
                    linewidth=1.6,
                    label=f"{kind}, salience {s:g} (politician drives {p:.0%})",
                )
        ax.set_ylim(0, 1)
        ax.set_xlabel("generation (each state gets one chance to change its line)")
        ax.set_ylabel(f"share of states, mean over {selection.settings['runs']} runs")
        ax.legend(loc="upper left", fontsize=7)
        if wide:
            ax = axes[0, 1]
            for kind in ("specific", "diffuse"):
                lo = table[kind] - table[f"{kind}_lo"]
                hi = table[f"{kind}_hi"] - table[kind]
                ax.errorbar(
                    table["salience"],
                    table[kind],
                    yerr=[lo, hi],
                    color=TAG_COLOURS[kind],
                    marker="o" if kind == "specific" else "s",
                    capsize=3,
                    linewidth=1.6,
                    label=f"{kind} lines (95% interval over runs)",
                )
            ax.set_ylim(0, 1)
            pressure = selection.settings["pressure"]
            shift = f" + pressure {pressure:g}" if pressure else ""
            ax.set_xlabel(f"issue salience{shift} (0: the bureaucrat drives; 1: the politician)")
            ax.set_ylabel(f"final share after {selection.settings['generations']} generations")
            ax.legend(loc="best", fontsize=7)
        fig.suptitle(
            title
            or "Who drives decides the reciprocity selected. Fitness: the politician's perceived utility "
            "(k = 0.3, 50-turn horizon)\nwhen it drives, the bureaucrat's material payoff (500-turn horizon) "
            f"when it drives; N = {selection.settings['population']}, Fermi imitation",
            fontsize=9,
        )
        fig.tight_layout()
    save(fig, path)
    return fig
